package io.bondwatch.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.bondwatch.config.PolicyConfig;
import io.bondwatch.source.probe.ProbeResult;
import io.bondwatch.time.FakeTimeSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LinkHealthTest {
  private final FakeTimeSource time = new FakeTimeSource();
  private final LinkHealth health =
      LinkHealth.of(PolicyConfig.defaults(), Duration.ofMillis(200), Duration.ofSeconds(1));
  private long seq;

  private void probe(boolean ok) {
    time.advanceMillis(200);
    if (ok) {
      reply(seq++, Duration.ofMillis(10));
    } else {
      lost(seq++);
    }
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
  void missesHeldAsSlowAndCountedByAFailureThatProvesThemLostCarryItsReason() {
    // replies at 300 ms have set the miss deadline to 375 ms: an unanswered probe waits to count
    for (int i = 0; i < 60; i++) {
      time.advanceMillis(200);
      reply(seq++, Duration.ofMillis(300));
    }
    while (health.consecutiveLost() < health.requiredMisses() - 1) {
      time.advanceMillis(200);
      lost(seq++);
    }
    time.advanceMillis(200);
    String why = "ping exited: ping: SO_BINDTODEVICE eth1: No such device";
    health.record(
        new ProbeResult(
            "dsl1",
            seq++,
            time.monotonicNanos(),
            time.wallTime(),
            ProbeResult.Outcome.NOT_SENT,
            null,
            why));
    assertThat(health.downRuleHolds()).isTrue();
    assertThat(health.downReason()).endsWith(": " + why);
  }

  private void reply(long seq, Duration rtt) {
    health.record(
        new ProbeResult(
            "dsl1",
            seq,
            time.monotonicNanos(),
            time.wallTime(),
            ProbeResult.Outcome.REPLY,
            rtt,
            null));
  }

  private void lost(long seq) {
    health.record(
        new ProbeResult(
            "dsl1",
            seq,
            time.monotonicNanos(),
            time.wallTime(),
            ProbeResult.Outcome.LOST,
            null,
            null));
  }

  /**
   * Plays what ping reports for probes sent every 200 ms with the given RTTs (null: never
   * answered): "no answer yet" 200 ms after sending when the reply is slower, the reply at its RTT.
   * Returns whether the down rule held at any point.
   */
  private boolean play(long firstSeq, Long... rttMillis) {
    long base = time.monotonicNanos() / 1_000_000;
    java.util.TreeMap<Long, List<Runnable>> events = new java.util.TreeMap<>();
    for (int i = 0; i < rttMillis.length; i++) {
      long seq = firstSeq + i;
      long sent = base + 200L * i;
      Long rtt = rttMillis[i];
      if (rtt == null || rtt >= 200) {
        events.computeIfAbsent(sent + 200, k -> new ArrayList<>()).add(() -> lost(seq));
      }
      if (rtt != null) {
        events
            .computeIfAbsent(sent + rtt, k -> new ArrayList<>())
            .add(() -> reply(seq, Duration.ofMillis(rtt)));
      }
    }
    boolean wasDown = false;
    for (var e : events.entrySet()) {
      time.advanceMillis(e.getKey() - time.monotonicNanos() / 1_000_000);
      for (Runnable r : e.getValue()) {
        r.run();
        wasDown |= health.downRuleHolds();
      }
    }
    return wasDown;
  }

  private static Long[] rtts(int n, java.util.function.IntFunction<Long> f) {
    Long[] r = new Long[n];
    for (int i = 0; i < n; i++) {
      r[i] = f.apply(i);
    }
    return r;
  }

  @Test
  void aLineWhoseRttClimbsAboveTheIntervalIsNotDeclaredDown() {
    assertThat(play(0, rtts(500, i -> 10L))).isFalse();
    // a loaded upload: the RTT climbs 10 ms a probe to 700 ms and stays there; ping reports
    // every probe unanswered 200 ms after sending it, and its reply comes later
    assertThat(play(500, rtts(400, i -> Math.min(700L, 10L + 10L * i)))).isFalse();
    // and a dead link is still found, once the slowest recent reply's deadline has passed
    assertThat(play(900, rtts(10, i -> null))).isTrue();
  }

  @Test
  void aFirstSuddenJumpAboveTheIntervalCanStillLookDead() {
    // the documented limit: a line that never answered slowly before gets no grace
    assertThat(play(0, rtts(500, i -> 10L))).isFalse();
    assertThat(play(500, rtts(20, i -> 900L))).isTrue();
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
