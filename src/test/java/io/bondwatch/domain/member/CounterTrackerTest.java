package io.bondwatch.domain.member;

import static org.assertj.core.api.Assertions.assertThat;

import io.bondwatch.domain.member.CounterTracker.Step;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CounterTrackerTest {
  private static final long SEC = 1_000_000_000L;
  private static final double MAX = 12_500_000; // 100 Mbit/s
  private static final long TOP = 1L << 32;

  private final CounterTracker t = new CounterTracker(MAX);

  @Test
  void startsAtZeroAndCountsEachStepOnceTheNextReadingConfirmsIt() {
    assertThat(t.observe(5_000, 0)).isEqualTo(Step.FIRST);
    assertThat(t.observe(8_000, SEC)).isEqualTo(Step.ADVANCE);
    assertThat(t.total()).isZero();
    assertThat(t.observe(9_000, 2 * SEC)).isEqualTo(Step.ADVANCE);

    assertThat(t.total()).isEqualTo(3_000);
  }

  @Test
  void countsAcrossAThirtyTwoBitWrap() {
    t.observe(TOP - 1_000, 0);

    assertThat(t.observe(4_000, SEC)).isEqualTo(Step.WRAP);
    t.observe(4_000, 2 * SEC);
    assertThat(t.total()).isEqualTo(5_000);
  }

  @Test
  void treatsADropFarFromTheTopAsARestartAndCountsOnFromIt() {
    t.observe(3_000_000_000L, 0);

    // what the new device counted before its first reading (700) cannot be told from a bad value
    assertThat(t.observe(700, SEC)).isEqualTo(Step.RESET);
    assertThat(t.observe(900, 2 * SEC)).isEqualTo(Step.ADVANCE);
    t.observe(1_000, 3 * SEC);
    assertThat(t.total()).isEqualTo(200);
  }

  @Test
  void twoBadSmallReadingsThatAgreeAddOnlyTheStepBetweenThem() {
    t.observe(7_017_101_725L, 0);
    t.observe(7_017_110_000L, SEC);

    // a column cut short twice in a row looks like a restarted counter: 17,117,349 and then
    // 17,130,008 agree, but only their difference may count, never the counter itself
    t.observe(17_117_349, 2 * SEC);
    t.observe(17_130_008, 3 * SEC);
    t.observe(7_017_150_000L, 4 * SEC);
    t.observe(7_017_160_000L, 5 * SEC);

    assertThat(t.total()).isLessThanOrEqualTo(7_017_160_000L - 7_017_101_725L + 12_659);
  }

  @Test
  void neverWrapsOnceA64BitValueWasCounted() {
    t.observe(TOP + 10, 0);
    t.observe(TOP + 20, SEC);
    t.observe(TOP + 20, 2 * SEC);
    CounterTracker small = new CounterTracker(MAX);
    small.observe(TOP - 1_000, 0);

    // after a ppp re-creation the new device counts from zero, close to the old 32-bit top
    assertThat(small.observe(500, SEC)).isEqualTo(Step.WRAP);
    assertThat(t.observe(500, 3 * SEC)).isEqualTo(Step.RESET);
  }

  @Test
  void aDeviceThatComesBackWithItsOldCounterIsTheSameCounter() {
    DirectionTraffic d = new DirectionTraffic("m rx", TrafficSettings.DEFAULT, Capacity.UNKNOWN);
    d.observe(900_000, 0);
    d.absent(SEC);
    d.absent(2 * SEC);
    d.observe(1_000_000, 5 * SEC);
    d.observe(1_000_000, 6 * SEC);

    assertThat(d.read(6 * SEC).totalBytes()).isEqualTo(100_000);
    assertThat(d.read(6 * SEC).counterResets()).isZero();
  }

  @ParameterizedTest(name = "bad reading {0}")
  @ValueSource(longs = {Long.MAX_VALUE, TOP - 1, 0, 500_100, 50_010_000, 5_000_999, 5_800_000})
  void aBadReadingAddsNothingAndTheNextGoodOneOnlyItsStep(long bad) {
    t.observe(5_000_000, 0);
    t.observe(bad, SEC);
    t.observe(5_001_000, 2 * SEC);
    t.observe(5_001_000, 3 * SEC);

    assertThat(t.total()).isEqualTo(1_000);
  }

  @ParameterizedTest(name = "run of {0}")
  @ValueSource(longs = {Long.MAX_VALUE, TOP - 1, 0, 500_100})
  void aRunOfTheSameBadReadingIsForgottenWhenGoodReadingsReturn(long bad) {
    t.observe(5_000_000, 0);
    for (int i = 1; i <= 5; i++) {
      t.observe(bad, i * SEC);
    }
    t.observe(5_006_000, 6 * SEC);
    t.observe(5_006_000, 7 * SEC);

    assertThat(t.total()).isEqualTo(6_000);
  }

  @Test
  void refusesAJumpTheLineCannotCarryAndCountsOnFromTheLastGoodReading() {
    t.observe(0, 0);

    assertThat(t.observe(100_000_000, SEC)).isEqualTo(Step.REJECTED);
    assertThat(t.observe(100, 2 * SEC)).isEqualTo(Step.ADVANCE);
    t.observe(100, 3 * SEC);
    assertThat(t.total()).isEqualTo(100);
  }

  @Test
  void followsANewCounterOnceTwoReadingsAgreeOnIt() {
    t.observe(100, 0);

    // the line carried far more than the ceiling allows: two readings agree, counting resumes
    assertThat(t.observe(900_000_000, SEC)).isEqualTo(Step.REJECTED);
    assertThat(t.observe(900_005_000, 2 * SEC)).isEqualTo(Step.RESYNC);
    assertThat(t.observe(900_007_000, 3 * SEC)).isEqualTo(Step.ADVANCE);
    t.observe(900_007_000, 4 * SEC);
    assertThat(t.total()).isEqualTo(7_000);
  }
}
