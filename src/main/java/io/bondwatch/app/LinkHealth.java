package io.bondwatch.app;

import io.bondwatch.config.PolicyConfig;
import io.bondwatch.domain.member.DownDetector;
import io.bondwatch.domain.member.MissDeadline;
import io.bondwatch.domain.member.ProbeHealth;
import io.bondwatch.domain.member.ProbeStats;
import io.bondwatch.source.probe.ProbeReasons;
import io.bondwatch.source.probe.ProbeResult;
import java.time.Duration;
import java.util.List;

/**
 * A member's {@link ProbeHealth}: its probe statistics, the degraded rule's own window, and the
 * down rule, which sees a lost probe only once {@link MissDeadline} says it is not merely slow, and
 * a probe slot in which nothing could be sent at once. Called under the member's lock only. Public
 * for {@code bench/detection}, which measures exactly what the service judges.
 */
public final class LinkHealth implements ProbeHealth {
  /** Fewer probes than this in the window say nothing about a line's loss. */
  static final int MIN_JUDGED_PROBES = 10;

  private final ProbeStats stats;
  private final DownDetector detector;
  private final MissDeadline deadline;
  private final Duration window;
  // the degraded rule's own window, restarted when the member is restored; stats keeps the
  // exported figures and lifetime counters
  private ProbeStats judged;
  private long lastNanos;

  LinkHealth(ProbeStats stats, DownDetector detector, MissDeadline deadline, Duration window) {
    this.stats = stats;
    this.detector = detector;
    this.deadline = deadline;
    this.window = window;
    this.judged = new ProbeStats(window);
  }

  public static LinkHealth of(PolicyConfig policy, Duration interval, Duration timeout) {
    return new LinkHealth(
        new ProbeStats(policy.degraded().window()),
        new DownDetector(
            policy.down().consecutiveLost(),
            policy.down().maxConsecutiveLost(),
            policy.down().adaptive(),
            policy.down().baselineWindow(),
            interval),
        new MissDeadline(
            interval,
            timeout.compareTo(interval) < 0 ? interval : timeout,
            policy.down().baselineWindow()),
        policy.degraded().window());
  }

  @Override
  public void record(ProbeResult r) {
    long now = r.monotonicNanos();
    lastNanos = now;
    if (!r.sent()) {
      // a slot in which no probe left: a failure for the down rule, in no count and no loss;
      // and nothing is on its way that could still answer the probes held back as slow, so they
      // count now, for this slot's reason
      countMisses(now, deadline.drain(), r.reason());
      detector.onMiss(now, r.seq(), ProbeReasons.provesLinkGone(r.reason()), r.reason());
    } else if (r.ok()) {
      stats.onReply(now, r.seq(), r.rtt());
      judged.onReply(now, r.seq(), r.rtt());
      countMisses(now, deadline.reply(r.seq(), now, r.rtt()), null);
      detector.onReply(now, r.seq());
    } else {
      stats.onMiss(now, r.seq());
      judged.onMiss(now, r.seq());
      boolean gone =
          r.outcome() == ProbeResult.Outcome.ERROR && ProbeReasons.provesLinkGone(r.reason());
      if (gone) {
        // no reply can be late on a link that is gone: count everything now, for that reason
        countMisses(now, deadline.drain(), r.reason());
        detector.onMiss(now, r.seq(), true, r.reason());
      } else {
        deadline.miss(r.seq(), now, r.reason());
      }
    }
    countMisses(now, deadline.due(now), null);
  }

  /**
   * @param because what proved the misses lost, if it was a failure with a reason: the down rule
   *     then gives that reason, not the plain timeout of a miss it counts
   */
  private void countMisses(long now, List<MissDeadline.Pending> misses, String because) {
    // a loop, not forEach with a lambda: this runs for every probe
    for (int i = 0; i < misses.size(); i++) {
      MissDeadline.Pending p = misses.get(i);
      detector.onMiss(now, p.seq(), false, because != null ? because : p.reason());
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
    double loss = stats.lossRatio(lastNanos);
    return Double.isNaN(loss) ? 0 : loss;
  }

  @Override
  public double degradedLoss() {
    int n = judged.probesInWindow(lastNanos);
    int run = Math.min(detector.consecutiveMisses() + deadline.pendingCount(), n);
    if (n - run < MIN_JUDGED_PROBES) {
      return 0;
    }
    double lost = judged.lossRatio(lastNanos) * n - run;
    return Math.max(0, lost) / (n - run);
  }

  @Override
  public double lossSinceRestore() {
    double loss = judged.lossRatio(lastNanos);
    return Double.isNaN(loss) ? 0 : loss;
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
