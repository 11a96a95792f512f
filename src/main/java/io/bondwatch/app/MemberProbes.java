package io.bondwatch.app;

import io.bondwatch.config.BondwatchConfig;
import io.bondwatch.config.Hosts;
import io.bondwatch.config.MemberConfig;
import io.bondwatch.config.MemberProbe;
import io.bondwatch.domain.member.Member;
import io.bondwatch.domain.member.NoProbes;
import io.bondwatch.domain.member.ProbeHealth;
import io.bondwatch.domain.member.ProbeQuorum;
import io.bondwatch.domain.member.TargetQuorum;
import io.bondwatch.sink.metrics.BondwatchMetrics;
import io.bondwatch.source.probe.ProbeTarget;
import io.bondwatch.source.probe.Prober;
import io.bondwatch.time.TimeSource;
import java.util.ArrayList;
import java.util.List;

/**
 * A member and its probes as configured: one ping per target, and for a member with several targets
 * the quorum that turns their results into the rounds the member is judged by.
 */
final class MemberProbes {
  private MemberProbes() {}

  static Member member(BondwatchConfig cfg, MemberConfig m, TimeSource time) {
    MemberProbe p = m.probe();
    if (p == null) {
      // a multilink member without an IP of its own: judged by its underlay (Multilink)
      return new Member(m.name(), Wiring.memberPolicy(cfg.policy()), new NoProbes(), time);
    }
    if (!p.hasSeveralTargets()) {
      return new Member(m.name(), Wiring.memberPolicy(cfg.policy()), health(cfg), time);
    }
    List<ProbeHealth> perTarget = new ArrayList<>();
    for (int i = 0; i < p.targets().size(); i++) {
      perTarget.add(health(cfg));
    }
    ProbeQuorum spec = new ProbeQuorum(p.targets(), p.quorum(), nextHop(m));
    return new Member(
        m.name(),
        Wiring.memberPolicy(cfg.policy()),
        health(cfg),
        new TargetQuorum(m.name(), spec, perTarget, cfg.probe().interval()),
        time);
  }

  /**
   * Starts the member's pings; their results go to the member and the probe metrics. A multilink
   * member without a probe has none (Multilink watches it).
   */
  static void start(Prober probes, MemberConfig m, Member member, BondwatchMetrics metrics) {
    MemberProbe p = m.probe();
    if (p == null) {
      return;
    }
    if (!p.hasSeveralTargets()) {
      probes.start(
          new ProbeTarget(m.name(), p.interfaceName(), p.target()),
          r -> {
            member.onProbe(r);
            metrics.onProbe(r);
          });
      return;
    }
    for (int i = 0; i < p.targets().size(); i++) {
      int target = i;
      probes.start(
          new ProbeTarget(m.name(), p.interfaceName(), p.targets().get(i), true),
          r -> member.onTargetProbe(target, r).forEach(metrics::onProbe));
    }
  }

  /**
   * The member's next hop among its targets: the one its {@code route.via} (its gateway) names,
   * else the first listed. It only words the reasons.
   */
  static int nextHop(MemberConfig m) {
    List<String> targets = m.probe().targets();
    if (m.route() != null) {
      String via = Hosts.canonical(m.route().via());
      for (int i = 0; i < targets.size(); i++) {
        if (Hosts.canonical(targets.get(i)).equals(via)) {
          return i;
        }
      }
    }
    return 0;
  }

  private static ProbeHealth health(BondwatchConfig cfg) {
    return LinkHealth.of(cfg.policy(), cfg.probe().interval(), cfg.probe().timeout());
  }
}
