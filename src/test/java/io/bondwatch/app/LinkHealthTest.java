package io.bondwatch.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.bondwatch.config.PolicyConfig;
import io.bondwatch.source.probe.ProbeResult;
import io.bondwatch.time.FakeTimeSource;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class LinkHealthTest {
  private final FakeTimeSource time = new FakeTimeSource();
  private final LinkHealth health = LinkHealth.of(PolicyConfig.defaults(), Duration.ofMillis(200));
  private long seq;

  private void probe(boolean ok) {
    time.advanceMillis(200);
    health.record(
        new ProbeResult(
            "dsl1",
            seq++,
            time.monotonicNanos(),
            time.wallTime(),
            ok ? ProbeResult.Outcome.REPLY : ProbeResult.Outcome.LOST,
            ok ? Duration.ofMillis(10) : null,
            null));
  }

  @Test
  void theRunOfMissesInProgressIsNotJudgedAsALossyLine() {
    for (int i = 0; i < 50; i++) {
      probe(true);
    }
    for (int i = 0; i < 4; i++) {
      probe(false);
    }
    assertThat(health.lossRatio()).as("exported").isCloseTo(4 / 54.0, within(1e-9));
    assertThat(health.degradedLoss()).as("judged").isZero();
    probe(true);
    assertThat(health.degradedLoss())
        .as("a run that ended is random loss")
        .isCloseTo(4 / 55.0, within(1e-9));
  }

  @Test
  void tooFewProbesSayNothing() {
    for (int i = 0; i < 5; i++) {
      probe(i % 2 == 0);
    }
    assertThat(health.degradedLoss()).isZero();
  }

  @Test
  void restoringForgetsTheOutageButNotTheCounters() {
    for (int i = 0; i < 20; i++) {
      probe(true);
    }
    for (int i = 0; i < 30; i++) {
      probe(false);
    }
    for (int i = 0; i < 10; i++) {
      probe(true);
    }
    assertThat(health.degradedLoss()).isGreaterThan(0.4);
    health.restored();
    for (int i = 0; i < 10; i++) {
      probe(true);
    }
    assertThat(health.degradedLoss()).isZero();
    assertThat(health.lost()).isEqualTo(30);
    assertThat(health.sent()).isEqualTo(70);
  }

  @Test
  void downRuleHoldsAfterConsecutiveMisses() {
    for (int i = 0; i < 20; i++) {
      probe(true);
    }
    int misses = 0;
    while (!health.downRuleHolds()) {
      probe(false);
      misses++;
    }
    assertThat(misses).isEqualTo(health.requiredMisses()).isBetween(3, 15);
    assertThat(health.downReason()).contains("consecutive probes lost");
  }
}
