package io.bondwatch.domain.member;

import io.bondwatch.time.Durations;
import java.time.Duration;
import java.util.ArrayDeque;

/**
 * Probe loss of one member over a long sliding window, in time buckets (1/60 of the window, at
 * least a second), with a Wilson score upper bound so that little evidence never looks clean.
 */
final class LossBaseline {
  /** One-sided 95 %: p is below the bound with 95 % confidence. */
  static final double Z = 1.645;

  private record Bucket(long start, long sent, long lost) {}

  private final long windowNanos;
  private final long bucketNanos;
  private final ArrayDeque<Bucket> buckets = new ArrayDeque<>();
  private long sent;
  private long lost;

  LossBaseline(Duration window) {
    if (window.compareTo(Duration.ofSeconds(1)) < 0) {
      throw new IllegalArgumentException(
          "baseline window must be at least 1 s, not " + Durations.human(window));
    }
    this.windowNanos = window.toNanos();
    this.bucketNanos = Math.max(Duration.ofSeconds(1).toNanos(), windowNanos / 60);
  }

  void add(long now, long addSent, long addLost) {
    if (addLost < 0 || addSent < addLost) {
      throw new IllegalArgumentException("bad counts sent=" + addSent + " lost=" + addLost);
    }
    evict(now);
    Bucket last = buckets.peekLast();
    if (last != null && now - last.start() < bucketNanos) {
      buckets.removeLast();
      buckets.addLast(new Bucket(last.start(), last.sent() + addSent, last.lost() + addLost));
    } else {
      buckets.addLast(new Bucket(now, addSent, addLost));
    }
    sent += addSent;
    lost += addLost;
  }

  private void evict(long now) {
    while (!buckets.isEmpty() && now - buckets.peekFirst().start() > windowNanos) {
      Bucket b = buckets.removeFirst();
      sent -= b.sent();
      lost -= b.lost();
    }
  }

  long sent(long now) {
    evict(now);
    return sent;
  }

  /** Wilson score upper bound of the loss probability; 1 with no evidence at all. */
  double upperBound(long now) {
    evict(now);
    return wilsonUpper(lost, sent);
  }

  static double wilsonUpper(long lost, long sent) {
    if (sent == 0) {
      return 1.0;
    }
    double n = sent;
    double p = lost / n;
    double z2 = Z * Z;
    double centre = p + z2 / (2 * n);
    double spread = Z * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n));
    return Math.min(1.0, (centre + spread) / (1 + z2 / n));
  }
}
