package io.bondwatch.domain.member;

import io.bondwatch.source.probe.ProbeResult;
import java.time.Duration;

/**
 * What a member knows from its probes: statistics over the windows and the verdict of the down
 * rule. Called under the member's lock only, so implementations need no locking of their own.
 */
public interface ProbeHealth {

  void record(ProbeResult result);

  /** Whether the down rule holds now (enough consecutive probes lost for the baseline loss). */
  boolean downRuleHolds();

  /** Words for why the down rule holds, e.g. "7 consecutive probes lost (baseline loss 9.8%)". */
  String downReason();

  int requiredMisses();

  int consecutiveLost();

  /**
   * Loss of every probe sent in the last degraded window, outages included (what the probe counters
   * give); not what is judged or shown, see {@link #degradedLoss()} and {@link
   * #lossSinceRestore()}.
   */
  double lossRatio();

  /**
   * The loss the degraded rule judges: over the window, without the run of misses in progress (the
   * start of an outage is the down rule's business, not a lossy line) and 0 until the window holds
   * enough probes to say anything.
   */
  double degradedLoss();

  /**
   * Loss over the degraded window since the member was last restored, the run of misses in progress
   * included: what a member that is down shows (0 without probes).
   */
  double lossSinceRestore();

  /** The member was restored: losses of the outage before it no longer describe the line. */
  void restored();

  double baselineLoss();

  /** Null before the first reply. */
  Duration smoothedRtt();

  /** Null before the second reply. */
  Duration jitter();

  /** Probes sent; probe slots in which nothing could be sent are not counted. */
  long sent();

  /** Probes sent and not answered in time. */
  long lost();
}
