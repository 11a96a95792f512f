package io.bondwatch.domain.member;

/**
 * Turns the raw byte counter of one device and direction into a total that starts at 0 and only
 * ever grows, across 32-bit wraps, device re-creation and bad readings (docs/traffic.md, "What the
 * totals promise").
 *
 * <p>A step from one reading to the next is believed when the line could have carried it: no more
 * than {@code ceiling x (elapsed + 1 s)} (the second is for drivers that publish counters late). A
 * believed step is not counted at once: it stays <em>pending</em> until a later reading continues
 * it. A bad reading followed by good ones therefore adds nothing: the good reading after it
 * continues the last good one, not the bad one, and the bad one is dropped. The price is that the
 * total trails the device by one reading.
 *
 * <p>Each reading is, in this order:
 *
 * <ul>
 *   <li>a step from the pending reading (which it confirms), from the reading the pending one
 *       displaced (a second opinion), from the last confirmed reading (the pending one is set
 *       aside), or from the counter before the last jump (the jump was bad), whichever explains it
 *       with the fewest bytes;
 *   <li>a restart from zero (a re-created device): below the last confirmed reading and small
 *       enough to have been counted since; counting resumes from it once a later reading moves on
 *       from it (what the new device counted before cannot be told from a bad small value);
 *   <li>a step from the last refused reading: two readings agree on a new counter ({@link
 *       Step#RESYNC}); only the step between them is counted, once a third moves on from it;
 *   <li>otherwise refused ({@link Step#REJECTED}).
 * </ul>
 *
 * <p>Not thread-safe; {@link DirectionTraffic} serialises access.
 */
public final class CounterTracker {

  /** What one observation did. */
  public enum Step {
    FIRST,
    ADVANCE,
    WRAP,
    RESET,
    REVERT,
    RESYNC,
    REJECTED
  }

  private static final long WRAP_32 = 1L << 32;
  private static final long SLACK_NANOS = 1_000_000_000L;
  private static final long NONE = -1;

  /** How a pending reading relates to the confirmed one, which decides what confirming it does. */
  private enum Origin {
    /** continues the confirmed counter */
    STEP,
    /** starts a new counter (restart, resync): the old one is kept to come back to */
    JUMP,
    /** continues the counter before the last jump, which was bad */
    BACK
  }

  /**
   * A reading judged against.
   *
   * @param count the total once this reading is confirmed
   */
  private record Anchor(long raw, long nanos, long count, Origin origin) {}

  private final double ceiling;
  private Anchor confirmed;
  private Anchor pending;
  private Anchor displaced;
  private Anchor beforeJump;
  private Anchor refused;
  private long total;
  private boolean sixtyFourBit;

  /**
   * @param ceilingBytesPerSecond the most the device is believed to carry per second
   */
  public CounterTracker(double ceilingBytesPerSecond) {
    if (!(ceilingBytesPerSecond > 0) || Double.isInfinite(ceilingBytesPerSecond)) {
      throw new IllegalArgumentException("ceiling must be > 0, not " + ceilingBytesPerSecond);
    }
    this.ceiling = ceilingBytesPerSecond;
  }

  /** Feeds the raw counter read at monotonic time {@code nanos}; readings come in time order. */
  public Step observe(long raw, long nanos) {
    if (raw < 0) {
      throw new IllegalArgumentException("raw counter is negative: " + raw);
    }
    if (confirmed == null) {
      confirmed = new Anchor(raw, nanos, 0, Origin.STEP);
      sixtyFourBit = raw >= WRAP_32;
      return Step.FIRST;
    }
    // the readings a step may come from, in the order that wins a tie; a displaced reading is
    // an alternative for the next reading only
    Anchor[] from = {pending, displaced, confirmed, beforeJump};
    displaced = null;
    long[] steps = new long[from.length];
    for (int i = 0; i < from.length; i++) {
      // going back to the counter before a jump and wrapping it as well is too much of a stretch:
      // a restart close to an old counter's 2^32 would look like both
      steps[i] = from[i] == null ? NONE : stepFrom(from[i], raw, nanos, i != 3);
    }
    // a displaced reading is a second opinion against the pending one: taken only by a reading
    // that also continues the pending one, or the confirmed one when the pending one is a jump.
    // Otherwise two bad readings with a good one between them could agree.
    boolean pendingJump = pending != null && pending.origin() == Origin.JUMP;
    if (steps[0] == NONE && !(pendingJump && steps[2] != NONE)) {
      steps[1] = NONE;
    }
    int best = -1;
    long least = NONE;
    for (int i = 0; i < from.length; i++) {
      if (steps[i] != NONE && (least == NONE || steps[i] < least)) {
        best = i;
        least = steps[i];
      }
    }
    if (best == 0 && least == 0 && pending.origin() != Origin.STEP) {
      // a jump (or a jump back) is confirmed by a counter that moves on from it, not by the same
      // value again: a stuck bad value (a truncated line read twice) must not become the counter
      return Step.ADVANCE;
    }
    return best < 0 ? jumpOrRefuse(raw, nanos) : follow(from[best], best, least, raw, nanos);
  }

  private Step follow(Anchor from, int which, long delta, long raw, long nanos) {
    Step step = raw >= from.raw() ? Step.ADVANCE : Step.WRAP;
    switch (which) {
      case 0, 1 -> {
        // a later reading continues it: the pending (or a displaced) reading was good
        confirm(from);
        pending = new Anchor(raw, nanos, add(from.count(), delta), Origin.STEP);
      }
      case 2 ->
          // the pending reading, if any, is not continued: maybe bad, kept aside for one reading
          propose(new Anchor(raw, nanos, add(from.count(), delta), Origin.STEP));
      default -> {
        // the last jump may have been a bad reading agreed on: back to the counter before it,
        // once a later reading agrees (the total keeps what the jump added). The counter before
        // may be old, and what may be counted from it grows with its age: no more than one step
        // from the confirmed reading, so that going back is never worth more than going on.
        long count = Math.min(add(from.count(), delta), cap(nanos));
        propose(new Anchor(raw, nanos, count, Origin.BACK));
        step = Step.REVERT;
      }
    }
    return step;
  }

  private Step jumpOrRefuse(long raw, long nanos) {
    if (raw < confirmed.raw() && raw <= limit(confirmed, nanos)) {
      // what a new device counted before its first reading cannot be told from a bad small
      // value: counting resumes from it, like after a resync
      propose(new Anchor(raw, nanos, confirmed.count(), Origin.JUMP));
      return Step.RESET;
    }
    long fromRefused = refused == null ? NONE : stepFrom(refused, raw, nanos, true);
    if (fromRefused != NONE) {
      propose(new Anchor(raw, nanos, add(confirmed.count(), fromRefused), Origin.JUMP));
      refused = null;
      return Step.RESYNC;
    }
    refused = new Anchor(raw, nanos, 0, Origin.STEP);
    return Step.REJECTED;
  }

  /** A new pending reading that does not continue the pending one, which is kept aside. */
  private void propose(Anchor a) {
    if (pending != null) {
      displaced = pending;
    }
    pending = a;
  }

  private void confirm(Anchor a) {
    if (a.origin() == Origin.JUMP) {
      beforeJump = confirmed;
    } else if (a.origin() == Origin.BACK) {
      // the jump was bad: forget it, or an old bad counter would stay a place to jump back to
      beforeJump = null;
    }
    if (a.raw() >= WRAP_32) {
      sixtyFourBit = true;
    }
    confirmed = a;
    pending = null;
    displaced = null;
    refused = null;
    total = Math.max(total, a.count());
  }

  /** Bytes from {@code a} to {@code raw} if that is a step the line could carry, else NONE. */
  private long stepFrom(Anchor a, long raw, long nanos, boolean mayWrap) {
    double limit = limit(a, nanos);
    if (raw >= a.raw()) {
      long delta = raw - a.raw();
      return delta <= limit ? delta : NONE;
    }
    // a 32-bit counter wraps; once a 64-bit value was confirmed, a drop is never a wrap
    if (mayWrap && !sixtyFourBit && a.raw() < WRAP_32) {
      long delta = raw + (WRAP_32 - a.raw());
      return delta <= limit ? delta : NONE;
    }
    return NONE;
  }

  /** The most a step from the confirmed reading may reach at {@code nanos}. */
  private long cap(long nanos) {
    double c = confirmed.count() + limit(confirmed, nanos);
    return c >= Long.MAX_VALUE ? Long.MAX_VALUE : (long) c;
  }

  private double limit(Anchor a, long nanos) {
    return ceiling * (Math.max(0, nanos - a.nanos()) + SLACK_NANOS) / 1e9;
  }

  private static long add(long a, long b) {
    long sum = a + b;
    return sum < 0 ? Long.MAX_VALUE : sum;
  }

  /** Bytes counted since tracking started, up to the last confirmed reading; never decreases. */
  public long total() {
    return total;
  }

  /**
   * Monotonic time of the reading {@link #total()} counts up to (the last confirmed one, which is
   * not the latest reading: that one waits for the next to confirm it); {@link Long#MIN_VALUE}
   * before the first reading.
   */
  public long totalNanos() {
    return confirmed == null ? Long.MIN_VALUE : confirmed.nanos();
  }
}
