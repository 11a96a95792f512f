package io.bondwatch.domain.multilink;

/**
 * One multilink member's underlay as its received-frame counter shows it, sampled at probe cadence:
 * when it last received a frame, the gaps between arrivals, and the silence its own heartbeat
 * allows ({@link HeartbeatRule}). Pure (time comes in with every call); not thread-safe.
 */
public final class FrameHeartbeat {
  /** No frame seen yet. */
  public static final long NEVER = Long.MIN_VALUE;

  private static final int ARRIVALS = 64;

  private final HeartbeatRule rule;
  private final GapWindow gaps = new GapWindow();
  // the last ARRIVALS samples that showed new frames: when, and how many frames each
  private final long[] arrivalNanos = new long[ARRIVALS];
  private final long[] arrivalFrames = new long[ARRIVALS];
  private int arrivals;
  private long lastCounter = -1;
  private long lastFrameNanos = NEVER;
  // the silence in progress was an outage (judged dead, or in a stalled bundle): not a heartbeat
  private boolean outage;

  public FrameHeartbeat(HeartbeatRule rule) {
    this.rule = rule;
  }

  /**
   * A reading of the device's received-packet counter. A counter that went back belongs to a device
   * created again (PPPoE's underlay rarely is, a USB modem often): what it shows now is new frames.
   */
  public void observe(long nanos, long rxPackets) {
    if (rxPackets < 0) {
      throw new IllegalArgumentException("packet counter is negative: " + rxPackets);
    }
    long fresh =
        lastCounter < 0 ? 0 : rxPackets >= lastCounter ? rxPackets - lastCounter : rxPackets;
    lastCounter = rxPackets;
    if (fresh == 0) {
      return;
    }
    if (lastFrameNanos != NEVER && !outage) {
      gaps.add(nanos - lastFrameNanos);
    }
    outage = false;
    lastFrameNanos = nanos;
    int slot = arrivals % ARRIVALS;
    arrivalNanos[slot] = nanos;
    arrivalFrames[slot] = fresh;
    arrivals++;
  }

  /**
   * The silence in progress is an outage, not a heartbeat: the gap it ends is not learned, as a run
   * of lost probes that reached "down" does not enter the baseline loss. Without this every outage
   * would raise the silence allowed until no outage is seen at all.
   */
  public void outage() {
    outage = true;
  }

  /** The device is gone: its counter starts again wherever the next device's does. */
  public void absent() {
    lastCounter = -1;
  }

  /** Monotonic time of the last sample that showed new frames, {@link #NEVER} before one. */
  public long lastFrameNanos() {
    return lastFrameNanos;
  }

  /** Nanoseconds since the last frame; -1 before the first. */
  public long ageNanos(long now) {
    return lastFrameNanos == NEVER ? -1 : now - lastFrameNanos;
  }

  /** The silence this member's heartbeat allows now (HeartbeatRule). */
  public long thresholdNanos() {
    long q = gaps.quantile(rule.quantile());
    return Math.max(rule.floor().toNanos(), (long) (rule.multiplier() * q));
  }

  /** A silence that is evidence without a bundle stall to confirm it. */
  public long longSilenceNanos() {
    return Math.max(
        rule.longSilenceFloor().toNanos(), (long) (rule.longSilence() * thresholdNanos()));
  }

  /** The usual gap between arrivals (median), 0 before two arrivals. */
  public long typicalGapNanos() {
    return gaps.median();
  }

  /** Gaps seen so far, at most {@link HeartbeatRule#GAPS}. */
  public int gapsSeen() {
    return gaps.size();
  }

  /** Samples that showed new frames after {@code since} (as far back as remembered). */
  public int arrivalsAfter(long since) {
    int n = 0;
    for (int i = arrivals - 1; i >= 0 && i >= arrivals - ARRIVALS; i--) {
      if (arrivalNanos[i % ARRIVALS] <= since) {
        break;
      }
      n++;
    }
    return n;
  }

  /** Frames received after {@code since} (as far back as remembered). */
  public long framesAfter(long since) {
    long n = 0;
    for (int i = arrivals - 1; i >= 0 && i >= arrivals - ARRIVALS; i--) {
      if (arrivalNanos[i % ARRIVALS] <= since) {
        break;
      }
      n += arrivalFrames[i % ARRIVALS];
    }
    return n;
  }
}
