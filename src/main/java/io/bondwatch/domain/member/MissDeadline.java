package io.bondwatch.domain.member;

import io.bondwatch.time.Durations;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Holds an unanswered probe back from the down rule until it is older than the slowest reply the
 * line has given lately. {@code ping -O} reports a probe unanswered one interval after sending it,
 * which on a clean line is the right moment, but on a line whose RTT is above the interval (a
 * loaded DSL upload with deep buffers) every probe would be "lost" for a while and then answered
 * late, and three in a row would drop a working member.
 *
 * <p>The deadline is {@code 1.25 x} the highest RTT among the replies of the last window, at least
 * one probe interval and at most the probe timeout: a clean line keeps the interval (no delay in
 * detection), a line that has shown 600 ms replies waits 750 ms before counting a probe lost. A
 * line whose RTT jumps above the interval for the first time can still be judged dead before its
 * late replies arrive; those replies then restore it through the restore rule.
 *
 * <p>Pure, not thread-safe: the member's lock serialises calls.
 */
public final class MissDeadline {
  /** A probe reported unanswered and not yet counted. */
  public record Pending(long seq, long sentNanos, String reason) {}

  private record Sample(long nanos, long rttNanos) {}

  private static final double MARGIN = 1.25;

  private final long intervalNanos;
  private final long timeoutNanos;
  private final long windowNanos;
  private final ArrayDeque<Pending> pending = new ArrayDeque<>();
  // replies kept as a decreasing sequence of RTTs: the head is the window's maximum
  private final ArrayDeque<Sample> slowest = new ArrayDeque<>();

  public MissDeadline(Duration interval, Duration timeout, Duration window) {
    if (interval.isNegative() || interval.isZero() || timeout.compareTo(interval) < 0) {
      throw new IllegalArgumentException(
          "need 0 < interval <= timeout, got "
              + Durations.human(interval)
              + " and "
              + Durations.human(timeout));
    }
    this.intervalNanos = interval.toNanos();
    this.timeoutNanos = timeout.toNanos();
    this.windowNanos = window.toNanos();
  }

  /** The deadline in force now, nanoseconds after a probe is sent. */
  public long deadlineNanos(long now) {
    expire(now);
    long max = slowest.isEmpty() ? 0 : slowest.peekFirst().rttNanos();
    return Math.max(intervalNanos, Math.min(timeoutNanos, (long) (max * MARGIN)));
  }

  /** A probe reported unanswered at {@code reportedNanos}, one interval after it was sent. */
  public void miss(long seq, long reportedNanos, String reason) {
    pending.addLast(new Pending(seq, reportedNanos - intervalNanos, reason));
  }

  /**
   * A reply. Returns the misses to count now: those of older probes (a newer probe got through, so
   * they were lost, not slow). The replied probe itself, if pending, is forgotten.
   */
  public List<Pending> reply(long seq, long nanos, Duration rtt) {
    long r = rtt.toNanos();
    while (!slowest.isEmpty() && slowest.peekLast().rttNanos() <= r) {
      slowest.removeLast();
    }
    slowest.addLast(new Sample(nanos, r));
    if (pending.isEmpty()) {
      return List.of(); // the usual case, five times a second: nothing to allocate
    }
    List<Pending> older = new ArrayList<>();
    pending.removeIf(
        p -> {
          if (p.seq() < seq) {
            older.add(p);
            return true;
          }
          return p.seq() == seq;
        });
    return older;
  }

  /** The pending misses whose deadline has passed at {@code now}, oldest first. */
  public List<Pending> due(long now) {
    if (pending.isEmpty()) {
      expire(now);
      return List.of();
    }
    long deadline = deadlineNanos(now);
    List<Pending> due = new ArrayList<>();
    while (!pending.isEmpty() && now - pending.peekFirst().sentNanos() >= deadline) {
      due.add(pending.removeFirst());
    }
    return due;
  }

  /** Every pending miss, oldest first, e.g. when the link is proven gone. */
  public List<Pending> drain() {
    List<Pending> all = new ArrayList<>(pending);
    pending.clear();
    return all;
  }

  public int pendingCount() {
    return pending.size();
  }

  private void expire(long now) {
    while (!slowest.isEmpty() && now - slowest.peekFirst().nanos() > windowNanos) {
      slowest.removeFirst();
    }
  }
}
