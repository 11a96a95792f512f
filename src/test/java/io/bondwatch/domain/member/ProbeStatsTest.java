package io.bondwatch.domain.member;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.bondwatch.time.FakeTimeSource;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ProbeStatsTest {
  private final FakeTimeSource clock = new FakeTimeSource();
  private final ProbeStats stats = new ProbeStats(Duration.ofSeconds(30));
  private long seq;

  private void reply(long millis) {
    stats.onReply(clock.monotonicNanos(), ++seq, Duration.ofMillis(millis));
    clock.advanceMillis(200);
  }

  private void miss() {
    stats.onMiss(clock.monotonicNanos(), ++seq);
    clock.advanceMillis(200);
  }

  @Test
  void smoothedRttStartsAtFirstSampleAndMovesByOneEighth() {
    assertThat(stats.smoothedRtt()).isEmpty();
    reply(40);
    assertThat(stats.smoothedRtt()).contains(Duration.ofMillis(40));
    reply(120);
    assertThat(stats.smoothedRtt()).contains(Duration.ofMillis(50));
  }

  @Test
  void jitterIsMeanDeviationOfConsecutiveRtts() {
    reply(10);
    assertThat(stats.jitter()).isZero();
    reply(26);
    assertThat(stats.jitter()).isEqualTo(Duration.ofMillis(1));
    for (int i = 0; i < 300; i++) {
      reply(i % 2 == 0 ? 10 : 30);
    }
    // alternating 20 ms steps converge to a jitter of 20 ms
    assertThat(stats.jitter().toNanos() / 1e6).isCloseTo(20.0, within(0.1));
  }

  @Test
  void lossRatioCoversOnlyTheWindow() {
    for (int i = 0; i < 50; i++) {
      miss();
    }
    for (int i = 0; i < 150; i++) {
      reply(20);
    }
    // 30 s at 200 ms = 150 probes in the window, all replies now
    assertThat(stats.lossRatio(clock.monotonicNanos())).isZero();
    assertThat(stats.sent()).isEqualTo(200);
    assertThat(stats.lost()).isEqualTo(50);
    miss();
    assertThat(stats.lossRatio(clock.monotonicNanos())).isCloseTo(1.0 / 150, within(1e-3));
  }

  @Test
  void lossRatioIsUndefinedWithoutProbes() {
    assertThat(stats.lossRatio(clock.monotonicNanos())).isNaN();
    miss();
    clock.advance(Duration.ofSeconds(31));
    assertThat(stats.lossRatio(clock.monotonicNanos())).isNaN();
    assertThat(stats.probesInWindow(clock.monotonicNanos())).isZero();
  }

  @Test
  void lateReplyTurnsALossBackIntoAReplyButCountersOnlyGrow() {
    reply(20);
    miss();
    stats.onReply(clock.monotonicNanos(), seq, Duration.ofMillis(350));
    assertThat(stats.lossRatio(clock.monotonicNanos())).isZero();
    assertThat(stats.sent()).isEqualTo(2);
    assertThat(stats.lost()).isEqualTo(1);
    assertThat(stats.lateReplies()).isEqualTo(1);
  }

  @Test
  void rejectsNonsense() {
    assertThatThrownBy(() -> new ProbeStats(Duration.ZERO)).hasMessageContaining("positive");
    assertThatThrownBy(() -> stats.onReply(1, 1, Duration.ofMillis(-1)))
        .hasMessage("negative rtt -1 ms");
  }
}
