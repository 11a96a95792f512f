package io.bondwatch.app;

import io.bondwatch.config.PolicyConfig;
import io.bondwatch.domain.member.DownDetector;
import io.bondwatch.domain.member.ProbeHealth;
import io.bondwatch.domain.member.ProbeStats;
import io.bondwatch.source.probe.ProbeReasons;
import io.bondwatch.source.probe.ProbeResult;
import java.time.Duration;

/**
 * A member's {@link ProbeHealth} from its probe statistics and its down rule. Called under the
 * member's lock only.
 */
final class LinkHealth implements ProbeHealth {
  private final ProbeStats stats;
  private final DownDetector detector;
  private long lastNanos;

  LinkHealth(ProbeStats stats, DownDetector detector) {
    this.stats = stats;
    this.detector = detector;
  }

  static LinkHealth of(PolicyConfig policy, Duration interval) {
    return new LinkHealth(
        new ProbeStats(policy.degraded().window()),
        new DownDetector(
            policy.down().consecutiveLost(),
            policy.down().maxConsecutiveLost(),
            policy.down().adaptive(),
            policy.down().baselineWindow(),
            interval));
  }

  @Override
  public void record(ProbeResult r) {
    lastNanos = r.monotonicNanos();
    if (r.ok()) {
      stats.onReply(r.monotonicNanos(), r.seq(), r.rtt());
      detector.onReply(r.monotonicNanos(), r.seq());
    } else {
      stats.onMiss(r.monotonicNanos(), r.seq());
      boolean gone =
          r.outcome() == ProbeResult.Outcome.ERROR && ProbeReasons.provesLinkGone(r.reason());
      detector.onMiss(r.monotonicNanos(), r.seq(), gone, r.reason());
    }
  }

  @Override
  public boolean downRuleHolds() {
    return detector.isDown();
  }

  @Override
  public String downReason() {
    return detector.reason();
  }

  @Override
  public int requiredMisses() {
    return detector.requiredConsecutive();
  }

  @Override
  public int consecutiveLost() {
    return detector.consecutiveMisses();
  }

  @Override
  public double lossRatio() {
    return stats.lossRatio(lastNanos);
  }

  @Override
  public double baselineLoss() {
    return detector.baselineLoss(lastNanos);
  }

  @Override
  public Duration smoothedRtt() {
    return stats.smoothedRtt().orElse(null);
  }

  @Override
  public Duration jitter() {
    return stats.jitter();
  }

  @Override
  public long sent() {
    return stats.sent();
  }

  @Override
  public long lost() {
    return stats.lost();
  }
}
