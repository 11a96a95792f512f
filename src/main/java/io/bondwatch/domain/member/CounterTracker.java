package io.bondwatch.domain.member;

/**
 * Turns the raw byte counter of one device and direction into a total that only ever grows, across
 * 32-bit wraps and device re-creation (a PPPoE reconnect makes a new ppp device whose counters
 * start at zero). The total starts at 0 when tracking starts.
 *
 * <p>A raw value below the previous one is a wrap when the previous value was 32-bit and close
 * enough to 2^32 for the wrap to fit in the elapsed time at {@code maxBytesPerSecond}; once any
 * value above 2^32 has been seen the counter is known to be 64-bit and never wraps. Otherwise the
 * counter restarted from zero and the new raw value is what was counted since. A delta larger than
 * {@code maxBytesPerSecond} allows for the elapsed time (plus one second for drivers that publish
 * counters late) is not believed: the tracker re-baselines and adds nothing. So the total never
 * goes back and never jumps by more than the line could carry.
 *
 * <p>Not thread-safe; {@link DirectionTraffic} serialises access.
 */
public final class CounterTracker {

  /** What one observation did to the total. */
  public enum Step {
    FIRST,
    ADVANCE,
    WRAP,
    RESET,
    IMPLAUSIBLE
  }

  private static final long WRAP_32 = 1L << 32;
  private static final long SLACK_NANOS = 1_000_000_000L;

  private final double maxBytesPerSecond;
  private long total;
  private long lastRaw;
  private long lastNanos;
  private boolean seen;
  private boolean gone;
  private boolean sixtyFourBit;

  public CounterTracker(double maxBytesPerSecond) {
    if (!(maxBytesPerSecond > 0) || Double.isInfinite(maxBytesPerSecond)) {
      throw new IllegalArgumentException("maxBytesPerSecond must be > 0, not " + maxBytesPerSecond);
    }
    this.maxBytesPerSecond = maxBytesPerSecond;
  }

  /** Feeds the raw counter read at monotonic time {@code nanos}. */
  public Step observe(long raw, long nanos) {
    if (raw < 0) {
      throw new IllegalArgumentException("raw counter is negative: " + raw);
    }
    if (raw >= WRAP_32) {
      sixtyFourBit = true;
    }
    if (!seen) {
      seen = true;
      remember(raw, nanos);
      return Step.FIRST;
    }
    long elapsed = Math.max(0, nanos - lastNanos);
    double limit = maxBytesPerSecond * (elapsed + SLACK_NANOS) / 1e9;
    Step step;
    long delta;
    if (gone) {
      // the device vanished and came back: its counters restarted at zero
      step = raw <= limit ? Step.RESET : Step.IMPLAUSIBLE;
      delta = raw <= limit ? raw : 0;
    } else if (raw >= lastRaw) {
      delta = raw - lastRaw;
      step = delta <= limit ? Step.ADVANCE : Step.IMPLAUSIBLE;
    } else if (!sixtyFourBit && raw + (WRAP_32 - lastRaw) <= limit) {
      step = Step.WRAP;
      delta = raw + (WRAP_32 - lastRaw);
    } else {
      step = raw <= limit ? Step.RESET : Step.IMPLAUSIBLE;
      delta = raw <= limit ? raw : 0;
    }
    if (step == Step.IMPLAUSIBLE) {
      delta = 0;
    }
    total += delta;
    remember(raw, nanos);
    return step;
  }

  /** The device is missing from this read; the next value seen is counted from zero. */
  public void absent() {
    if (seen) {
      gone = true;
    }
  }

  private void remember(long raw, long nanos) {
    lastRaw = raw;
    lastNanos = nanos;
    gone = false;
  }

  /** Bytes counted since tracking started; never decreases. */
  public long total() {
    return total;
  }
}
