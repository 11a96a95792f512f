package io.bondwatch.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationsTest {
  private static String human(Duration d) {
    return Durations.human(d);
  }

  @Test
  void wholeSecondsAndMillisecondsReadAsTheyAreSaid() {
    assertThat(human(Duration.ofSeconds(10))).isEqualTo("10 s");
    assertThat(human(Duration.ofMillis(200))).isEqualTo("200 ms");
    assertThat(human(Duration.ZERO)).isEqualTo("0 s");
  }

  @Test
  void anAbsentDurationReadsAsADash() {
    assertThat(human(null)).isEqualTo("-");
  }

  @Test
  void fromAMinuteUpHoursMinutesAndWholeSeconds() {
    assertThat(human(Duration.ofSeconds(150))).isEqualTo("2 m 30 s");
    assertThat(human(Duration.ofMinutes(2))).isEqualTo("2 m");
    assertThat(human(Duration.ofSeconds(3605))).isEqualTo("1 h 5 s");
    assertThat(human(Duration.ofHours(24))).isEqualTo("24 h");
    assertThat(human(Duration.ofMillis(89_600))).isEqualTo("1 m 30 s");
  }

  @Test
  void fractionsKeepAtMostThreeDecimals() {
    assertThat(human(Duration.ofMillis(1500))).isEqualTo("1.5 s");
    assertThat(human(Duration.ofNanos(2_345_678_901L))).isEqualTo("2.346 s");
    assertThat(human(Duration.ofMillis(59_999))).isEqualTo("59.999 s");
    assertThat(human(Duration.ofNanos(250_000))).isEqualTo("0.25 ms");
    assertThat(human(Duration.ofNanos(1))).isEqualTo("1 ns");
  }

  @Test
  void negativeDurationsKeepTheirSign() {
    assertThat(human(Duration.ofSeconds(-3))).isEqualTo("-3 s");
  }

  @Test
  void hugeDurationsDoNotOverflow() {
    assertThat(human(Duration.ofSeconds(Long.MAX_VALUE, 999_999_999)))
        .endsWith(" s")
        .doesNotContain("PT");
  }
}
