package io.bondwatch.domain.multilink;

import java.util.Arrays;

/**
 * The last {@link HeartbeatRule#GAPS} gaps between a member's frame arrivals, and a quantile of
 * them. Not thread-safe.
 */
final class GapWindow {
  private final long[] gaps = new long[HeartbeatRule.GAPS];
  private final long[] sorted = new long[HeartbeatRule.GAPS];
  private int count;
  private int next;
  private boolean dirty;
  private long cachedQuantile;
  private double cachedFor = Double.NaN;

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
    if (dirty || q != cachedFor) {
      // a copy sorted only when a gap came since: evaluations outnumber arrivals
      System.arraycopy(gaps, 0, sorted, 0, count);
      Arrays.sort(sorted, 0, count);
      int rank = (int) Math.ceil(q * count);
      cachedQuantile = sorted[Math.max(0, Math.min(count, rank) - 1)];
      cachedFor = q;
      dirty = false;
    }
    return cachedQuantile;
  }

  /** The median gap: the heartbeat as it usually is. */
  long median() {
    if (count == 0) {
      return 0;
    }
    long[] copy = Arrays.copyOf(gaps, count);
    Arrays.sort(copy);
    return copy[(count - 1) / 2];
  }
}
