package io.bondwatch.domain.member;

import java.util.ArrayDeque;
import java.util.OptionalDouble;

/**
 * Rate of a monotonic byte total at one-second resolution: the rate over the most recent span of at
 * least {@link #MIN_SPAN_NANOS} between two samples. The 10% allowance keeps a sampler that ticks a
 * little early from averaging over two seconds instead of one.
 */
public final class RateMeter {
  static final long MIN_SPAN_NANOS = 900_000_000L;

  private record Sample(long nanos, long total) {}

  private final ArrayDeque<Sample> samples = new ArrayDeque<>();

  /** Records the total at monotonic time {@code nanos}; samples must come in time order. */
  public void record(long nanos, long total) {
    Sample last = samples.peekLast();
    if (last != null && (nanos < last.nanos() || total < last.total())) {
      throw new IllegalArgumentException(
          "samples out of order: " + last + " then (" + nanos + ", " + total + ")");
    }
    samples.addLast(new Sample(nanos, total));
    while (samples.size() > 2 && secondOldest().nanos() <= nanos - MIN_SPAN_NANOS) {
      samples.removeFirst();
    }
  }

  private Sample secondOldest() {
    var it = samples.iterator();
    it.next();
    return it.next();
  }

  /** Bytes per second over the last second, or empty until a second has been observed. */
  public OptionalDouble bytesPerSecond() {
    if (samples.size() < 2) {
      return OptionalDouble.empty();
    }
    Sample first = samples.peekFirst();
    Sample last = samples.peekLast();
    long span = last.nanos() - first.nanos();
    if (span < MIN_SPAN_NANOS) {
      return OptionalDouble.empty();
    }
    return OptionalDouble.of((last.total() - first.total()) * 1e9 / span);
  }

  /** Monotonic time of the newest sample the rate ends at, or empty before the first sample. */
  public OptionalDouble endNanos() {
    Sample last = samples.peekLast();
    return last == null ? OptionalDouble.empty() : OptionalDouble.of(last.nanos());
  }
}
