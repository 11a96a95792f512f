package io.bondwatch.domain.member;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class CapacityEstimatorTest {
  private static final long SEC = 1_000_000_000L;

  private final CapacityEstimator e = new CapacityEstimator(CapacityEstimator.Settings.DEFAULT);
  private long now;

  private void seconds(int n, double rate) {
    for (int i = 0; i < n; i++) {
      now += SEC;
      e.offer(rate, now);
    }
  }

  @Test
  void isUnknownUntilEnoughSecondsWereSeen() {
    seconds(9, 600_000);

    assertThat(e.estimate(now)).isEqualTo(Capacity.UNKNOWN);
  }

  @Test
  void estimatesARateSustainedForSevenSecondsOfTheMinute() {
    seconds(53, 50_000);
    seconds(7, 625_000);

    Capacity c = e.estimate(now);
    assertThat(c.source()).isEqualTo(Capacity.Source.ESTIMATED);
    assertThat(c.bytesPerSecond()).isEqualTo(625_000);
  }

  @Test
  void ignoresABurstOfSixSeconds() {
    seconds(54, 50_000);
    seconds(6, 2_000_000);

    assertThat(e.estimate(now).bytesPerSecond()).isEqualTo(50_000);
  }

  @Test
  void keepsThePeakAfterTrafficStopsAndDecaysItByHalfADay() {
    seconds(60, 625_000);
    seconds(60, 0);

    assertThat(e.estimate(now).bytesPerSecond()).isCloseTo(625_000, within(0.001));
    long later = now + Duration.ofHours(24).toNanos();
    assertThat(e.estimate(later).bytesPerSecond()).isCloseTo(312_500, within(0.001));
  }

  @Test
  void followsALineThatGotFasterAtOnce() {
    seconds(60, 500_000);
    seconds(60, 750_000);

    assertThat(e.estimate(now).bytesPerSecond()).isEqualTo(750_000);
  }

  @Test
  void reportsAnIdleLineAsUnknown() {
    seconds(60, 10);

    assertThat(e.estimate(now)).isEqualTo(Capacity.UNKNOWN);
  }

  private static org.assertj.core.data.Percentage within(double fraction) {
    return org.assertj.core.data.Percentage.withPercentage(fraction * 100);
  }
}
