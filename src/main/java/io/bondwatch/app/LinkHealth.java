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
  /** Fewer probes than this in the window say nothing about a line's loss. */
  static final int MIN_JUDGED_PROBES = 10;

  private final ProbeStats stats;
  private final DownDetector detector;
  private final Duration window;
  // the degraded rule's own window, restarted when the member is restored; stats keeps the
  // exported figures and lifetime counters
  private ProbeStats judged;
  private long lastNanos;

  LinkHealth(ProbeStats stats, DownDetector detector, Duration window) {
    this.stats = stats;
    this.detector = detector;
    this.window = window;
    this.judged = new ProbeStats(window);
  }

  static LinkHealth of(PolicyConfig policy, Duration interval) {
    return new LinkHealth(
        new ProbeStats(policy.degraded().window()),
        new DownDetector(
            policy.down().consecutiveLost(),
            policy.down().maxConsecutiveLost(),
            policy.down().adaptive(),
            policy.down().baselineWindow(),
            interval),
        policy.degraded().window());
  }

  @Override
  public void record(ProbeResult r) {
    lastNanos = r.monotonicNanos();
    if (r.ok()) {
      stats.onReply(r.monotonicNanos(), r.seq(), r.rtt());
      judged.onReply(r.monotonicNanos(), r.seq(), r.rtt());
      detector.onReply(r.monotonicNanos(), r.seq());
    } else {
      stats.onMiss(r.monotonicNanos(), r.seq());
      judged.onMiss(r.monotonicNanos(), r.seq());
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
  public double degradedLoss() {
    int n = judged.probesInWindow(lastNanos);
    int run = Math.min(detector.consecutiveMisses(), n);
    if (n - run < MIN_JUDGED_PROBES) {
      return 0;
    }
    double lost = judged.lossRatio(lastNanos) * n - run;
    return Math.max(0, lost) / (n - run);
  }

  @Override
  public void restored() {
    judged = new ProbeStats(window);
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
