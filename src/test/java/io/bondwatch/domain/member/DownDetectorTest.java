package io.bondwatch.domain.member;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bondwatch.time.FakeTimeSource;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DownDetectorTest {
  private static final Duration INTERVAL = Duration.ofMillis(200);
  private final FakeTimeSource clock = new FakeTimeSource();
  private long seq;

  private static DownDetector adaptive() {
    return new DownDetector(3, 15, true, Duration.ofMinutes(10), INTERVAL);
  }

  private void reply(DownDetector d) {
    d.onReply(clock.monotonicNanos(), ++seq);
    clock.advance(INTERVAL);
  }

  private boolean miss(DownDetector d) {
    boolean down = d.onMiss(clock.monotonicNanos(), ++seq, false, null);
    clock.advance(INTERVAL);
    return down;
  }

  private void cleanFor(DownDetector d, Duration span) {
    for (long i = 0; i < span.dividedBy(INTERVAL); i++) {
      reply(d);
    }
  }

  @Test
  void declaresDownAfterThreeLostProbesOnACleanLink() {
    DownDetector d = adaptive();
    cleanFor(d, Duration.ofMinutes(2));
    assertThat(d.requiredConsecutive()).isEqualTo(3);
    assertThat(miss(d)).isFalse();
    assertThat(miss(d)).isFalse();
    assertThat(miss(d)).isTrue();
    assertThat(d.reason()).startsWith("3 consecutive probes lost (k=3)");
    reply(d);
    assertThat(d.isDown()).isFalse();
    assertThat(d.reason()).isEmpty();
  }

  @Test
  void asksForMoreMissesWithoutEvidenceThanAfterAShortCleanHistory() {
    DownDetector d = adaptive();
    reply(d);
    int afterOne = d.requiredConsecutive();
    cleanFor(d, Duration.ofSeconds(30));
    assertThat(afterOne).isEqualTo(15);
    assertThat(d.requiredConsecutive()).isBetween(4, 5);
  }

  @Test
  void needsSevenMissesAtTenPercentBaselineLoss() {
    DownDetector d = adaptive();
    Random rnd = new Random(42);
    for (int i = 0; i < 3000; i++) {
      if (rnd.nextInt(100) < 10) {
        miss(d);
      } else {
        reply(d);
      }
    }
    assertThat(d.requiredConsecutive()).isEqualTo(7);
    for (int i = 0; i < 6; i++) {
      assertThat(miss(d)).isFalse();
    }
    assertThat(miss(d)).isTrue();
  }

  @Test
  void neverDeclaresDownInThirtyMinutesOfTenPercentRandomLossFromALossyStart() {
    for (long s = 1; s <= 20; s++) {
      DownDetector d = adaptive();
      Random rnd = new Random(s);
      for (int i = 0; i < 9000; i++) {
        if (rnd.nextInt(100) < 10) {
          assertThat(miss(d)).as("seed %d probe %d", s, i).isFalse();
        } else {
          reply(d);
        }
      }
    }
  }

  @Test
  void theOutageItselfDoesNotRaiseTheBaseline() {
    DownDetector d = adaptive();
    cleanFor(d, Duration.ofMinutes(2));
    for (int i = 0; i < 300; i++) {
      miss(d);
    }
    reply(d);
    assertThat(d.requiredConsecutive()).isEqualTo(3);
  }

  @Test
  void shortRunsOfRandomLossDoCountInTheBaseline() {
    DownDetector d = adaptive();
    cleanFor(d, Duration.ofMinutes(2));
    for (int i = 0; i < 200; i++) {
      miss(d);
      miss(d);
      reply(d);
      reply(d);
    }
    // 400 misses in 1400 probes: p ~ 0.30 (upper bound), ln(3.02e6) / -ln(0.30) = 12.4, so 13
    assertThat(d.requiredConsecutive()).isEqualTo(13);
  }

  @Test
  void lateReplyEndsTheRunAndTakesItsMissBack() {
    DownDetector d = adaptive();
    cleanFor(d, Duration.ofMinutes(2));
    miss(d);
    d.onReply(clock.monotonicNanos(), seq);
    assertThat(d.consecutiveMisses()).isZero();
    assertThat(d.baselineLoss(clock.monotonicNanos())).isLessThan(0.005);
  }

  @Test
  void errorsProvingTheLinkGoneNeedOnlyTheMinimumEvenWithoutHistory() {
    DownDetector d = adaptive();
    String why = "ping exited: ping: SO_BINDTODEVICE eth9: No such device";
    assertThat(d.onMiss(clock.monotonicNanos(), 1, true, why)).isFalse();
    assertThat(d.onMiss(clock.monotonicNanos(), 2, true, why)).isFalse();
    assertThat(d.onMiss(clock.monotonicNanos(), 3, true, why)).isTrue();
    assertThat(d.reason()).isEqualTo("3 consecutive probes failed, link gone (k=15): " + why);
  }

  @Test
  void fixedRuleWhenNotAdaptive() {
    DownDetector d = new DownDetector(3, 15, false, Duration.ofMinutes(10), INTERVAL);
    assertThat(d.requiredConsecutive()).isEqualTo(3);
    miss(d);
    miss(d);
    assertThat(miss(d)).isTrue();
  }

  @Test
  void staysDownUntilAReply() {
    DownDetector d = adaptive();
    cleanFor(d, Duration.ofMinutes(2));
    for (int i = 0; i < 3; i++) {
      miss(d);
    }
    clock.advance(Duration.ofMinutes(20));
    assertThat(miss(d)).isTrue();
  }

  @Test
  void rejectsInconsistentParameters() {
    assertThatThrownBy(() -> new DownDetector(0, 15, true, Duration.ofMinutes(10), INTERVAL))
        .hasMessageContaining("at least 1");
    assertThatThrownBy(() -> new DownDetector(5, 4, true, Duration.ofMinutes(10), INTERVAL))
        .hasMessageContaining("must not be below");
    assertThatThrownBy(() -> new DownDetector(3, 15, true, Duration.ofMinutes(10), Duration.ZERO))
        .hasMessageContaining("positive");
    assertThatThrownBy(() -> new DownDetector(3, 15, true, Duration.ofMillis(500), INTERVAL))
        .hasMessage("baseline window must be at least 1 s, not 500 ms");
  }
}
