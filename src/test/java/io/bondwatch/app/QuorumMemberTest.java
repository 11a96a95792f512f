package io.bondwatch.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.bondwatch.config.BondwatchConfig;
import io.bondwatch.config.ConfigLoader;
import io.bondwatch.config.ConfigResult;
import io.bondwatch.domain.member.Member;
import io.bondwatch.domain.member.MemberSnapshot;
import io.bondwatch.domain.member.MemberState;
import io.bondwatch.domain.member.PingScript;
import io.bondwatch.domain.member.TargetSnapshot;
import io.bondwatch.sink.metrics.BondwatchMetrics;
import io.bondwatch.time.FakeTimeSource;
import io.bondwatch.time.PeriodicTasks;
import io.bondwatch.web.StatusDocument;
import io.micrometer.core.instrument.MockClock;
import io.micrometer.prometheus.PrometheusConfig;
import io.micrometer.prometheus.PrometheusMeterRegistry;
import io.prometheus.client.CollectorRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;
import org.junit.jupiter.api.Test;

/**
 * A member probed through a next hop and a far target, judged by the real rules (down rule, miss
 * deadline, restore rule) on the rounds of its quorum, on a fake clock.
 */
class QuorumMemberTest {
  private static final long I = 200;
  private static final String NEAR = "192.0.2.1";
  private static final String FAR = "198.51.100.7";

  private final FakeTimeSource time = new FakeTimeSource();
  private final List<String> changes = new ArrayList<>();
  private BondwatchConfig cfg;
  private Member member;
  private final PingScript<?> pings = new PingScript<>(I);
  private long seq;

  private void member(int quorum, String route) {
    String yaml =
        """
        bond: { name: mp0 }
        members:
          - name: dsl1
            interface: eth1
            probe: { targets: [%s, %s], quorum: %d }
            %s
        """
            .formatted(FAR, NEAR, quorum, route);
    cfg = ((ConfigResult.Valid) ConfigLoader.parse(yaml, "q.yml")).config();
    member = MemberProbes.member(cfg, cfg.members().get(0), time);
    member.addListener((s, from) -> changes.add(from.label() + "->" + s.state().label()));
  }

  /** {@code n} intervals in which the far (index 0) and near (index 1) targets answer so. */
  private void intervals(int n, LongFunction<Long> far, LongFunction<Long> near) {
    for (int i = 0; i < n; i++, seq++) {
      long sent = seq * I;
      pings.probe(0, seq + 1, sent, far.apply(seq)).probe(1, seq + 1, sent + 3, near.apply(seq));
    }
    pings.play((t, r) -> member.onTargetProbe(t, r));
  }

  private static LongFunction<Long> answers(long rtt) {
    return s -> rtt;
  }

  private static LongFunction<Long> silent() {
    return s -> null;
  }

  private MemberSnapshot snap() {
    return member.snapshot();
  }

  @Test
  void aFarTargetDyingLeavesTheMemberUpAndSaysUpstreamWhileNothingAnsweringIsTheLine() {
    member(1, "route: { via: " + NEAR + ", dev: eth1 }");
    intervals(100, answers(20), answers(5));
    assertThat(snap().state()).isEqualTo(MemberState.UP);
    assertThat(snap().smoothedRtt().toMillis()).as("the first answer of each round").isEqualTo(5);

    intervals(50, silent(), answers(5));
    assertThat(changes).containsExactly("down->up");
    assertThat(snap().reason())
        .startsWith("within thresholds: loss 0.0%, rtt 5.0 ms; ")
        .contains("upstream: next hop " + NEAR + " answers, " + FAR + " does not; " + FAR + ": ")
        .contains("probes failed in a row");
    assertThat(snap().targets())
        .extracting(TargetSnapshot::target, TargetSnapshot::nextHop, TargetSnapshot::state)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(FAR, false, TargetSnapshot.State.DOWN),
            org.assertj.core.groups.Tuple.tuple(NEAR, true, TargetSnapshot.State.UP));
    assertThat(snap().targets().get(0).lossRatio()).isGreaterThan(0.3);
    assertThat(snap().targets().get(1).lossRatio()).isZero();
    assertThat(snap().probesLost()).as("no round was lost").isZero();

    intervals(10, silent(), silent());
    assertThat(changes).containsExactly("down->up", "up->down");
    assertThat(snap().reason())
        .contains("probes lost in a row: no target answers (the line): no reply from")
        .contains(FAR)
        .contains(NEAR);

    intervals(10, answers(20), answers(5));
    assertThat(changes).containsExactly("down->up", "up->down", "down->up");
    assertThat(snap().reason()).doesNotContain("upstream");
  }

  @Test
  void theStatusApiAndTheMetricsShowEachTarget() {
    member(1, "");
    intervals(100, silent(), answers(5));
    BondView view =
        new BondView(
            cfg,
            Map.of("dsl1", member),
            new Traffic(
                cfg,
                time,
                Runnable::run,
                new PeriodicTasks(time).register("netdev", "netdev", Duration.ofSeconds(5))),
            time);
    StatusDocument.Member dsl1 = view.status().members().get(0);
    assertThat(dsl1.state()).isEqualTo("up");
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> targets = (List<Map<String, Object>>) dsl1.extra().get("targets");
    assertThat(targets).extracting(t -> t.get("target")).containsExactly(FAR, NEAR);
    assertThat(targets.get(0))
        .containsEntry("nextHop", true)
        .containsEntry("state", "down")
        .containsEntry("lossRatio", 1.0)
        .doesNotContainKey("rttSeconds")
        .containsKey("reason");
    assertThat(targets.get(1))
        .containsEntry("nextHop", false)
        .containsEntry("state", "up")
        .containsEntry("rttSeconds", 0.005)
        .containsEntry("lossRatio", 0.0)
        .doesNotContainKey("reason");

    PrometheusMeterRegistry registry =
        new PrometheusMeterRegistry(
            PrometheusConfig.DEFAULT, new CollectorRegistry(), new MockClock());
    new BondwatchMetrics(view, "test").bindTo(registry);
    assertThat(registry.scrape())
        .contains("bondwatch_probe_target_up{member=\"dsl1\",target=\"" + FAR + "\",} 0.0")
        .contains("bondwatch_probe_target_up{member=\"dsl1\",target=\"" + NEAR + "\",} 1.0")
        .contains(
            "bondwatch_probe_target_rtt_seconds{member=\"dsl1\",target=\"" + NEAR + "\",} 0.005")
        .contains("bondwatch_probe_target_loss_ratio{member=\"dsl1\",target=\"" + FAR + "\",} 1.0");
  }

  @Test
  void withAQuorumOfTwoTheNextHopAloneIsNotEnoughAndTheReasonSaysUpstream() {
    member(2, "");
    intervals(100, answers(20), answers(5));
    intervals(10, answers(20), silent());
    assertThat(changes).containsExactly("down->up", "up->down");
    assertThat(snap().reason())
        .contains(
            "lost in a row: upstream: next hop "
                + FAR
                + " answers, "
                + NEAR
                + " does not (1 of 2 answered, quorum 2)");
  }

  @Test
  void repliesSlowerThanTheIntervalOnEveryTargetAreLateNotLost() {
    member(1, "");
    // a loaded line: the RTT climbs from 100 ms to 700 ms over 40 s, then stays
    intervals(300, s -> 100 + 2 * s, s -> 98 + 2 * s);
    intervals(300, answers(700), answers(698));
    assertThat(changes)
        .as("slow (degraded), never down")
        .containsExactly("down->up", "up->degraded");
    assertThat(snap().lossRatio()).as("every round answered in the end").isZero();
  }
}
