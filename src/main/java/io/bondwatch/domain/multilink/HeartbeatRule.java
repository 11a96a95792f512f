package io.bondwatch.domain.multilink;

import io.bondwatch.time.Durations;
import java.time.Duration;
import java.util.Objects;

/**
 * How long a multilink member's underlay may stay silent before that silence is evidence
 * (docs/multilink.md): {@code multiplier} times the {@code quantile} of the gaps between the frames
 * it was seen to receive, never below {@code floor}. The rule adapts to the heartbeat actually
 * seen, as the down rule adapts to baseline loss.
 *
 * @param sampleInterval how often the underlay's counters are read; a gap is known only to it
 * @param quantile which gap the threshold follows (0.99: the occasional long gap, not the typical)
 * @param multiplier how many such gaps a silence must outlast
 * @param floor the shortest threshold: a few samples, or one late sample would look like silence
 * @param longSilence a silence that is evidence alone, without a bundle stall to confirm it: this
 *     many times the threshold, and at least {@code longSilenceFloor}
 * @param longSilenceFloor see {@code longSilence}
 * @param contrastArrivals frames another member must have received, in as many separate samples,
 *     after the silent member's silence exceeded its threshold, before the silence is that member's
 *     and not the bundle's: two samples prove a frame received after that moment (one could hold a
 *     frame that arrived just before it), so lines that all die within a threshold of each other
 *     blame nobody
 */
public record HeartbeatRule(
    Duration sampleInterval,
    double quantile,
    double multiplier,
    Duration floor,
    double longSilence,
    Duration longSilenceFloor,
    int contrastArrivals) {

  /** Gaps remembered per member: about a minute of 200 ms heartbeats, four of pppd's 1 s ones. */
  public static final int GAPS = 256;

  public HeartbeatRule {
    Objects.requireNonNull(sampleInterval, "sampleInterval");
    Objects.requireNonNull(floor, "floor");
    Objects.requireNonNull(longSilenceFloor, "longSilenceFloor");
    if (sampleInterval.isNegative() || sampleInterval.isZero()) {
      throw new IllegalArgumentException(
          "sample interval must be positive, not " + Durations.human(sampleInterval));
    }
    if (!(quantile > 0 && quantile <= 1) || !(multiplier >= 1) || !(longSilence >= 1)) {
      throw new IllegalArgumentException(
          "quantile must be in (0, 1], multiplier and longSilence at least 1");
    }
    if (contrastArrivals < 1) {
      throw new IllegalArgumentException("contrastArrivals must be at least 1");
    }
  }

  /**
   * The rule bondwatch uses: twice the 99th percentile gap, at least three samples; a silence of
   * ten thresholds and at least 30 s needs no bundle stall; two frames of another member.
   */
  public static HeartbeatRule defaults(Duration sampleInterval) {
    return new HeartbeatRule(
        sampleInterval, 0.99, 2.0, sampleInterval.multipliedBy(3), 10.0, Duration.ofSeconds(30), 2);
  }
}
