package io.bondwatch.domain.multilink;

import java.time.Duration;

/**
 * One multilink member's LCP echoes, from its pppd's {@code debug debug} packet dumps: requests and
 * replies paired by id, timed by when their lines arrived (the log gives no finer clock). A request
 * still unanswered when the next one is sent is lost (pppd counts pending echoes the same way). A
 * new pid is a new pppd: its echoes start afresh, and the old one's pending requests are forgotten,
 * not lost. Pure; not thread-safe.
 */
public final class EchoTracker {
  private static final int OUTCOMES = 32;
  private static final int NONE = -1;

  private Integer pid;
  private int pendingId = NONE;
  private long pendingNanos;
  private int unansweredInRow;
  private long unansweredSinceNanos = FrameHeartbeat.NEVER;
  private long lastReplyNanos = FrameHeartbeat.NEVER;
  private Duration smoothedRtt;
  // the last OUTCOMES settled requests: true when answered
  private final boolean[] outcomes = new boolean[OUTCOMES];
  private int settled;

  /** {@code sent [LCP EchoReq id=..]} from {@code pid}. */
  public void onRequest(Integer pid, int id, long nanos) {
    follow(pid);
    if (pendingId != NONE) {
      settle(false);
      if (unansweredInRow++ == 0) {
        unansweredSinceNanos = nanos;
      }
    }
    pendingId = id;
    pendingNanos = nanos;
  }

  /**
   * {@code rcvd [LCP EchoRep id=..]} from {@code pid}; a reply to no pending request is ignored.
   */
  public void onReply(Integer pid, int id, long nanos) {
    follow(pid);
    if (id != pendingId) {
      return;
    }
    Duration rtt = Duration.ofNanos(Math.max(0, nanos - pendingNanos));
    smoothedRtt =
        smoothedRtt == null ? rtt : smoothedRtt.multipliedBy(7).plus(rtt).dividedBy(8); // RFC 6298
    pendingId = NONE;
    unansweredInRow = 0;
    lastReplyNanos = nanos;
    settle(true);
  }

  /** The session ended: nothing pending can be answered, and nothing of it is this link's fault. */
  public void reset() {
    pendingId = NONE;
    unansweredInRow = 0;
  }

  private void follow(Integer newPid) {
    if (newPid != null && !newPid.equals(pid)) {
      pid = newPid;
      reset();
    }
  }

  private void settle(boolean answered) {
    outcomes[settled % OUTCOMES] = answered;
    settled++;
  }

  /** Whether this member's pppd logs its echoes at all ({@code debug debug}). */
  public boolean seen() {
    return settled > 0 || pendingId != NONE;
  }

  /** Requests in a row that the next request found unanswered. */
  public int unansweredInRow() {
    return unansweredInRow;
  }

  /**
   * When the first of the unanswered requests in a row was found unanswered (the next request was
   * sent); meaningless while {@link #unansweredInRow()} is 0.
   */
  public long unansweredSinceNanos() {
    return unansweredSinceNanos;
  }

  /** When the last reply arrived, {@link FrameHeartbeat#NEVER} before one. */
  public long lastReplyNanos() {
    return lastReplyNanos;
  }

  /** Smoothed echo RTT (line arrival times), null before a reply. */
  public Duration smoothedRtt() {
    return smoothedRtt;
  }

  /** Share of the last settled requests (at most 32) left unanswered; NaN before any. */
  public double loss() {
    int n = Math.min(settled, OUTCOMES);
    if (n == 0) {
      return Double.NaN;
    }
    int lost = 0;
    for (int i = 0; i < n; i++) {
      lost += outcomes[i] ? 0 : 1;
    }
    return (double) lost / n;
  }
}
