package io.bondwatch.domain.member;

import io.bondwatch.time.Durations;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.Objects;
import java.util.Optional;

/**
 * Probe statistics of one member. Pure: time comes in with every call, on the monotonic clock. Not
 * thread-safe; one member's results arrive in order on one thread.
 *
 * <ul>
 *   <li>Smoothed RTT: exponentially weighted moving average with gain 1/8, as TCP's SRTT (RFC
 *       6298), started at the first sample.
 *   <li>Jitter: RFC 3550 (section 6.4.1) interarrival jitter applied to RTTs: the mean deviation of
 *       consecutive RTT differences, J += (|D| - J) / 16.
 *   <li>Loss ratio: lost / sent over the sliding {@code lossWindow} (time based). A late reply to a
 *       probe counted lost turns it back into a received one while it is in the window.
 *   <li>Counts: {@link #sent()} and {@link #lost()} only grow (Prometheus counters); a late reply
 *       does not decrement {@link #lost()} but increments {@link #lateReplies()}.
 * </ul>
 */
public final class ProbeStats {

  private static final class Slot {
    final long nanos;
    final long seq;
    boolean lost;

    Slot(long nanos, long seq, boolean lost) {
      this.nanos = nanos;
      this.seq = seq;
      this.lost = lost;
    }
  }

  private final long windowNanos;
  private final ArrayDeque<Slot> window = new ArrayDeque<>();
  private int lostInWindow;
  private long sent;
  private long lost;
  private long lateReplies;
  private double srttNanos = Double.NaN;
  private double jitterNanos;
  private double lastRttNanos = Double.NaN;

  public ProbeStats(Duration lossWindow) {
    Objects.requireNonNull(lossWindow, "lossWindow");
    if (lossWindow.isNegative() || lossWindow.isZero()) {
      throw new IllegalArgumentException(
          "loss window must be positive, not " + Durations.human(lossWindow));
    }
    this.windowNanos = lossWindow.toNanos();
  }

  /** A reply to probe {@code seq}; may be late for a probe already counted lost. */
  public void onReply(long nanos, long seq, Duration rtt) {
    Objects.requireNonNull(rtt, "rtt");
    if (rtt.isNegative()) {
      throw new IllegalArgumentException("negative rtt " + Durations.human(rtt));
    }
    Slot late = findLost(seq);
    if (late != null) {
      late.lost = false;
      lostInWindow--;
      lateReplies++;
    } else {
      add(nanos, seq, false);
    }
    sample(rtt.toNanos());
    evict(nanos);
  }

  /** A probe that got no reply (lost, or failed with an error). */
  public void onMiss(long nanos, long seq) {
    add(nanos, seq, true);
    lost++;
    evict(nanos);
  }

  private void add(long nanos, long seq, boolean isLost) {
    window.addLast(new Slot(nanos, seq, isLost));
    sent++;
    if (isLost) {
      lostInWindow++;
    }
  }

  private Slot findLost(long seq) {
    // late replies follow their probe closely: search from the newest end
    for (Iterator<Slot> it = window.descendingIterator(); it.hasNext(); ) {
      Slot s = it.next();
      if (s.seq == seq) {
        return s.lost ? s : null;
      }
      if (s.seq < seq) {
        return null;
      }
    }
    return null;
  }

  private void sample(double rtt) {
    if (Double.isNaN(srttNanos)) {
      srttNanos = rtt;
    } else {
      srttNanos += (rtt - srttNanos) / 8;
      jitterNanos += (Math.abs(rtt - lastRttNanos) - jitterNanos) / 16;
    }
    lastRttNanos = rtt;
  }

  private void evict(long now) {
    while (!window.isEmpty() && now - window.peekFirst().nanos > windowNanos) {
      if (window.removeFirst().lost) {
        lostInWindow--;
      }
    }
  }

  /** Lost / sent over the window ending at {@code now}; NaN when no probe is in the window. */
  public double lossRatio(long now) {
    evict(now);
    return window.isEmpty() ? Double.NaN : (double) lostInWindow / window.size();
  }

  /** Probes in the window ending at {@code now}. */
  public int probesInWindow(long now) {
    evict(now);
    return window.size();
  }

  /** Smoothed RTT; empty before the first reply. */
  public Optional<Duration> smoothedRtt() {
    return Double.isNaN(srttNanos)
        ? Optional.empty()
        : Optional.of(Duration.ofNanos(Math.round(srttNanos)));
  }

  /** RFC 3550 style jitter of the RTT; zero before the second reply. */
  public Duration jitter() {
    return Duration.ofNanos(Math.round(jitterNanos));
  }

  public long sent() {
    return sent;
  }

  public long lost() {
    return lost;
  }

  public long lateReplies() {
    return lateReplies;
  }
}
