package io.bondwatch.domain.member;

import static org.assertj.core.api.Assertions.assertThat;

import io.bondwatch.domain.member.CounterTracker.Step;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class CounterTrackerTest {
  private static final long SEC = 1_000_000_000L;
  private static final double MAX = 12_500_000; // 100 Mbit/s
  private static final long TOP = 1L << 32;

  private final CounterTracker t = new CounterTracker(MAX);

  @Test
  void startsAtZeroAndAddsDeltas() {
    assertThat(t.observe(5_000, 0)).isEqualTo(Step.FIRST);
    assertThat(t.observe(8_000, SEC)).isEqualTo(Step.ADVANCE);
    assertThat(t.observe(8_000, 2 * SEC)).isEqualTo(Step.ADVANCE);

    assertThat(t.total()).isEqualTo(3_000);
  }

  @Test
  void countsAcrossAThirtyTwoBitWrap() {
    t.observe(TOP - 1_000, 0);

    assertThat(t.observe(4_000, SEC)).isEqualTo(Step.WRAP);
    assertThat(t.total()).isEqualTo(5_000);
  }

  @Test
  void treatsADropFarFromTheTopAsARestartFromZero() {
    t.observe(3_000_000_000L, 0);

    assertThat(t.observe(700, SEC)).isEqualTo(Step.RESET);
    assertThat(t.total()).isEqualTo(700);
  }

  @Test
  void neverWrapsOnceA64BitValueWasSeen() {
    t.observe(TOP + 10, 0);
    t.observe(TOP + 20, SEC);
    CounterTracker small = new CounterTracker(MAX);
    small.observe(TOP - 1_000, 0);

    // after a ppp re-creation the new device counts from zero, close to the old 32-bit top
    assertThat(small.observe(500, SEC)).isEqualTo(Step.WRAP);
    assertThat(t.observe(500, 2 * SEC)).isEqualTo(Step.RESET);
    assertThat(t.total()).isEqualTo(10 + 500);
  }

  @Test
  void countsFromZeroWhenAVanishedDeviceComesBack() {
    t.observe(900_000, 0);
    t.absent();

    // even a new counter above the old one is a new device's count
    assertThat(t.observe(1_000_000, 5 * SEC)).isEqualTo(Step.RESET);
    assertThat(t.total()).isEqualTo(1_000_000);
  }

  @Test
  void rejectsAJumpTheLineCannotCarry() {
    t.observe(0, 0);

    assertThat(t.observe(26_000_000, SEC)).isEqualTo(Step.IMPLAUSIBLE);
    assertThat(t.total()).isZero();
    assertThat(t.observe(26_000_100, 2 * SEC)).isEqualTo(Step.ADVANCE);
    assertThat(t.total()).isEqualTo(100);
  }

  @Test
  void rejectsAHugeNewCounterAfterTheDeviceCameBack() {
    t.observe(100, 0);
    t.absent();

    assertThat(t.observe(9_000_000_000L, SEC)).isEqualTo(Step.IMPLAUSIBLE);
    assertThat(t.total()).isZero();
  }

  @Property
  void totalNeverDecreasesNorJumpsBeyondTheLineRate(
      @ForAll @Size(min = 1, max = 60) List<@LongRange(min = 0, max = 1L << 40) Long> raws,
      @ForAll @Size(min = 60, max = 60) List<@LongRange(min = 0, max = 3 * SEC) Long> gaps) {
    CounterTracker c = new CounterTracker(MAX);
    long now = 0;
    long before = 0;
    for (int i = 0; i < raws.size(); i++) {
      long gap = gaps.get(i);
      now += gap;
      if (raws.get(i) % 7 == 0) {
        c.absent();
      }
      c.observe(raws.get(i), now);
      long step = c.total() - before;
      assertThat(step).isBetween(0L, (long) Math.ceil(MAX * (gap + SEC) / 1e9));
      before = c.total();
    }
  }
}
