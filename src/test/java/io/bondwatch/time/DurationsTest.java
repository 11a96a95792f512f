package io.bondwatch.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationsTest {
  @Test
  void readsLikeAPersonWouldWriteIt() {
    assertThat(Durations.human(Duration.ofSeconds(10))).isEqualTo("10 s");
    assertThat(Durations.human(Duration.ofMillis(500))).isEqualTo("500 ms");
    assertThat(Durations.human(Duration.ofMillis(1500))).isEqualTo("1.5 s");
    assertThat(Durations.human(Duration.ofNanos(213_000))).isEqualTo("0.213 ms");
    assertThat(Durations.human(Duration.ofSeconds(150))).isEqualTo("2 m 30 s");
    assertThat(Durations.human(Duration.ofMinutes(65))).isEqualTo("1 h 5 m");
    assertThat(Durations.human(Duration.ZERO)).isEqualTo("0 ms");
    assertThat(Durations.human(Duration.ofMillis(-200))).isEqualTo("-200 ms");
    assertThat(Durations.human(null)).isEqualTo("-");
  }
}
