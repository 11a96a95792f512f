package io.bondwatch.domain.multilink;

import java.util.Arrays;

/**
 * The last {@link HeartbeatRule#GAPS} gaps between a member's frame arrivals, and quantiles of
 * them. Not thread-safe.
 */
final class GapWindow {
  private final long[] gaps = new long[HeartbeatRule.GAPS];
  private final long[] sorted = new long[HeartbeatRule.GAPS];
  private int count;
  private int next;
  private boolean dirty;

  void add(long gapNanos) {
    gaps[next] = gapNanos;
    next = (next + 1) % gaps.length;
    count = Math.min(count + 1, gaps.length);
    dirty = true;
  }

  int size() {
    return count;
  }

  /** The q-quantile (nearest rank) of the gaps; 0 without any. */
  long quantile(double q) {
    if (count == 0) {
      return 0;
    }
    if (dirty) {
      // sorted again only when a gap came since: judgements outnumber arrivals
      System.arraycopy(gaps, 0, sorted, 0, count);
      Arrays.sort(sorted, 0, count);
      dirty = false;
    }
    int rank = (int) Math.ceil(q * count);
    return sorted[Math.max(0, Math.min(count, rank) - 1)];
  }

  /** The median gap: the heartbeat as it usually is. */
  long median() {
    return quantile(0.5);
  }
}
