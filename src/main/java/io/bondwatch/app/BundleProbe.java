package io.bondwatch.app;

import io.bondwatch.config.BondwatchConfig;
import io.bondwatch.domain.member.Member;
import io.bondwatch.domain.member.MemberSnapshot;
import io.bondwatch.domain.multilink.BundleProbeView;
import io.bondwatch.source.probe.ProbeResult;
import io.bondwatch.source.probe.ProbeTarget;
import io.bondwatch.time.TimeSource;

/**
 * The bundle probe ({@code bond.probe}): one long-lived ping through the bundle interface, judged
 * exactly like a member's probes (the same {@link LinkHealth} and {@link Member} state machine), so
 * that "the bundle stalls" means what "a member is down" means. Results arrive on the prober's
 * thread, which is also the only one that reads the health: the view others read is published after
 * each.
 */
final class BundleProbe {
  /** The prober's key for the bundle; no member name can contain a colon. */
  static final String KEY = "bond:probe";

  private final LinkHealth health;
  private final Member bundle;
  private final ProbeTarget target;
  private volatile BundleProbeView view = new BundleProbeView(false, 0);

  BundleProbe(BondwatchConfig config, TimeSource time) {
    this.health =
        LinkHealth.of(config.policy(), config.probe().interval(), config.probe().timeout());
    this.bundle = new Member(KEY, Wiring.memberPolicy(config.policy()), health, time);
    this.target =
        new ProbeTarget(KEY, config.bond().interfaceName(), config.bond().probe().target());
  }

  ProbeTarget target() {
    return target;
  }

  void onProbe(ProbeResult r) {
    bundle.onProbe(r);
    view = new BundleProbeView(health.downRuleHolds(), health.consecutiveLost());
  }

  /** Whether the bundle carries traffic now, as its down rule says. */
  BundleProbeView view() {
    return view;
  }

  /** State, reason, RTT and loss of the bundle probe, read under the member's lock. */
  MemberSnapshot snapshot() {
    return bundle.snapshot();
  }
}
