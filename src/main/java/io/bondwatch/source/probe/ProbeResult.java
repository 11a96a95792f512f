package io.bondwatch.source.probe;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One probe's outcome for one member.
 *
 * @param member configured member name
 * @param seq probe sequence number, increasing per member across ping restarts and past ping's
 *     16-bit icmp_seq wrap; a REPLY may repeat the seq of an earlier LOST (a late reply, which
 *     takes that loss back)
 * @param monotonicNanos when the outcome became known, on {@link io.bondwatch.time.TimeSource}'s
 *     monotonic clock
 * @param wallTime the same moment on the wall clock
 * @param outcome reply, lost, error (lost with a reason the prober could read), or not sent
 * @param rtt round-trip time; present only for {@link Outcome#REPLY}
 * @param reason why the probe failed, e.g. "Network is unreachable"; null for replies and plain
 *     timeouts
 */
public record ProbeResult(
    String member,
    long seq,
    long monotonicNanos,
    Instant wallTime,
    Outcome outcome,
    Duration rtt,
    String reason) {

  public enum Outcome {
    REPLY,
    LOST,
    ERROR,
    /**
     * A probe slot in which no probe left: no ping was running, ping hung, or sending failed
     * ({@code sendmsg: Network is unreachable}). A failure for the down rule, but not a sent and
     * lost probe: it is in no probe counter and no loss figure.
     */
    NOT_SENT
  }

  public ProbeResult {
    Objects.requireNonNull(member, "member");
    Objects.requireNonNull(wallTime, "wallTime");
    Objects.requireNonNull(outcome, "outcome");
    if (outcome == Outcome.REPLY) {
      Objects.requireNonNull(rtt, "rtt of a reply");
      if (rtt.isNegative()) {
        throw new IllegalArgumentException("negative rtt " + rtt);
      }
    } else if (rtt != null) {
      throw new IllegalArgumentException("only a reply has an rtt, not " + outcome);
    }
  }

  public boolean ok() {
    return outcome == Outcome.REPLY;
  }

  /** Whether a probe actually left (answered or not). */
  public boolean sent() {
    return outcome != Outcome.NOT_SENT;
  }
}
