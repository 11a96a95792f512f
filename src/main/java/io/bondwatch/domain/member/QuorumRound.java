package io.bondwatch.domain.member;

import io.bondwatch.source.probe.ProbeResult;
import io.bondwatch.source.probe.ProbeResult.Outcome;
import java.time.Duration;

/**
 * One probe round of a member with several targets: what each target said of its probe in it.
 * Mutable; owned by {@link QuorumRounds}.
 */
final class QuorumRound {
  /** The reason of a target whose ping said nothing about this round within the lag. */
  static final String SILENT = "its ping reported nothing";

  final long seq;
  private final ProbeResult[] failures; // the failed result of each target that failed, else null
  private long reported; // bit per target that said anything (or was given up on)
  private long answered; // bit per target that answered

  /** Send time of the first on-time reply in this round, the reference for aligning targets. */
  long sentNanos;

  int sentBy = -1;

  /** The RTT of the answer that completed the quorum; null while the quorum is not met. */
  Duration rtt;

  /** Emitted to the member: as a lost round, then perhaps as a late answer, or as an answer. */
  boolean emitted;

  boolean emittedLost;

  QuorumRound(long seq, int targets) {
    this.seq = seq;
    this.failures = new ProbeResult[targets];
  }

  /**
   * What target {@code t} said. An answer beats a failure (the failure was a slow reply), and the
   * first failure stands. Returns whether this answer is the one that completed the quorum.
   */
  boolean record(int t, ProbeResult r, int quorum) {
    long bit = 1L << t;
    reported |= bit;
    if (r.ok()) {
      if ((answered & bit) != 0) {
        return false;
      }
      answered |= bit;
      failures[t] = null;
      if (rtt == null && answeredCount() >= quorum) {
        rtt = r.rtt();
        return true;
      }
    } else if ((answered & bit) == 0 && failures[t] == null) {
      failures[t] = r;
    }
    return false;
  }

  /** Gives up on every target that has said nothing: each counts as failed, {@link #SILENT}. */
  void giveUpOnSilent(int targets) {
    reported = targets == 64 ? -1L : (1L << targets) - 1;
  }

  boolean complete(int targets) {
    return Long.bitCount(reported) == targets;
  }

  boolean quorumMet() {
    return rtt != null;
  }

  int answeredCount() {
    return Long.bitCount(answered);
  }

  boolean answeredBy(int t) {
    return (answered & (1L << t)) != 0;
  }

  /** The failed result of target {@code t}; null when it answered or has said nothing. */
  ProbeResult failure(int t) {
    return failures[t];
  }

  /**
   * The outcome of the round as lost: not sent when no target's probe left, failed when a target
   * had an error to tell (a device down, an ICMP error), else lost.
   */
  Outcome lostOutcome() {
    boolean anySent = false;
    for (int t = 0; t < failures.length; t++) {
      ProbeResult f = failures[t];
      if (f == null) {
        anySent |= !answeredBy(t); // silent: its probe may have left
      } else if (f.outcome() == Outcome.ERROR) {
        return Outcome.ERROR;
      } else {
        anySent |= f.sent();
      }
    }
    return anySent ? Outcome.LOST : Outcome.NOT_SENT;
  }
}
