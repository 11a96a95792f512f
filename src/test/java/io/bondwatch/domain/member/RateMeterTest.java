package io.bondwatch.domain.member;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RateMeterTest {
  private static final long MS = 1_000_000L;

  private final RateMeter m = new RateMeter();

  @Test
  void knowsNoRateBeforeASecondHasPassed() {
    m.record(0, 0);
    m.record(500 * MS, 100);

    assertThat(m.bytesPerSecond()).isEmpty();
  }

  @Test
  void measuresTheLastSecondWhenSampledEverySecond() {
    m.record(0, 0);
    m.record(1000 * MS, 1_000);
    m.record(2000 * MS, 4_000);

    assertThat(m.bytesPerSecond()).hasValue(3_000);
  }

  @Test
  void measuresTheLastSecondWhenSampledFaster() {
    for (int i = 0; i <= 10; i++) {
      m.record(i * 200 * MS, i < 5 ? 0 : (i - 5) * 200);
    }

    // samples at 1.0 s .. 2.0 s: 1000 bytes counted over the last second
    assertThat(m.bytesPerSecond()).hasValue(1_000);
  }

  @Test
  void doesNotAverageOverTwoSecondsWhenATickComesEarly() {
    m.record(0, 0);
    m.record(1000 * MS, 0);
    m.record(1990 * MS, 990);

    assertThat(m.bytesPerSecond()).hasValue(1_000);
  }

  @Test
  void averagesOverAGapInSampling() {
    m.record(0, 0);
    m.record(10_000 * MS, 50_000);

    assertThat(m.bytesPerSecond()).hasValue(5_000);
  }

  @Test
  void refusesSamplesGoingBack() {
    m.record(1000 * MS, 10);

    assertThatThrownBy(() -> m.record(900 * MS, 20)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> m.record(2000 * MS, 5)).isInstanceOf(IllegalArgumentException.class);
  }
}
