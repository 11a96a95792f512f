package io.bondwatch.domain.member;

import io.bondwatch.source.probe.ProbeResult;
import io.bondwatch.source.probe.ProbeResult.Outcome;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns the probe results of a member's targets (one ping each) into probe rounds, the results the
 * member's rules judge: a round is answered once {@code quorum} targets answered it, and lost when
 * every target has reported and fewer did. Rounds come out in order with the sequence model of a
 * single ping: increasing numbers, and a round emitted lost that later reaches its quorum (its
 * replies were slow, not lost) is emitted again as a late reply with the same number, which takes
 * the loss back. Pure: time comes in with the results. Not thread-safe (the member's lock).
 *
 * <p>Round n holds probe n + offset of each target. All pings start together at the same interval,
 * so the offsets start at 0; a ping restarted later, or drifting over days (iputils loses the
 * sub-millisecond rest of every interval), can come to send its probes a whole interval off the
 * others. Its offset then moves by the intervals between its reply's send time and the round's
 * first reply, once they differ by more than {@link #ALIGN_SHARE} of an interval, so pairing stays
 * within half an interval without flipping at the boundary. A round a target skips by moving ahead
 * is credited with the answer that moved it.
 *
 * <p>A target whose ping says nothing (hung, until the session kills it) holds the rounds for
 * {@link #LAG} rounds at most, then counts as failed in them.
 */
final class QuorumRounds {
  static final int LAG = 3;
  static final double ALIGN_SHARE = 0.75;

  /** Rounds kept for late replies: more than the longest timeout at the shortest interval. */
  static final int KEPT = 64;

  /** A target jumping further ahead than this (a confused ping) is re-aligned, not waited for. */
  static final int MAX_AHEAD = 16;

  private final String member;
  private final int targets;
  private final int quorum;
  private final long intervalNanos;
  private final QuorumReasons reasons;
  private final long[] offset;
  private final long[] highest;
  private final List<ArrayDeque<long[]>> failedSeqs = new ArrayList<>(); // {seq, round} per target
  private final ArrayDeque<QuorumRound> rounds = new ArrayDeque<>(); // consecutive numbers
  private long nextEmit = Long.MIN_VALUE;
  private final List<ProbeResult> out = new ArrayList<>();

  QuorumRounds(String member, ProbeQuorum spec, long intervalNanos) {
    this.member = member;
    this.targets = spec.size();
    this.quorum = spec.quorum();
    this.intervalNanos = intervalNanos;
    this.reasons = new QuorumReasons(spec);
    this.offset = new long[targets];
    this.highest = new long[targets];
    java.util.Arrays.fill(highest, Long.MIN_VALUE);
    for (int t = 0; t < targets; t++) {
      failedSeqs.add(new ArrayDeque<>());
    }
  }

  /** Target {@code t}'s result; returns the rounds it completes, in order (reused list). */
  List<ProbeResult> accept(int t, ProbeResult r) {
    out.clear();
    if (r.ok() && r.seq() <= highest[t]) {
      Long round = failedRound(t, r.seq());
      if (round != null) {
        apply(t, round, r);
      }
    } else {
      highest[t] = Math.max(highest[t], r.seq());
      long round = r.seq() + offset[t];
      if (last() != Long.MIN_VALUE && round > last() + MAX_AHEAD) {
        offset[t] += last() + 1 - round;
        round = last() + 1;
      }
      if (r.ok()) {
        round = align(t, round, r);
      } else {
        remember(t, r.seq(), round);
      }
      apply(t, round, r);
      giveUpOnSilent();
    }
    release(r);
    return out;
  }

  private long align(int t, long round, ProbeResult r) {
    long sent = r.monotonicNanos() - r.rtt().toNanos();
    QuorumRound now = find(round);
    if (now != null && now.sentBy >= 0 && now.sentBy != t) {
      long d = sent - now.sentNanos;
      if (Math.abs(d) > ALIGN_SHARE * intervalNanos) {
        long shift = Math.round((double) d / intervalNanos);
        offset[t] += shift;
        if (shift == 1) {
          // the round it moves past gets no other probe of it; this answer was less than an
          // interval late for it (a longer jump follows a restart, and a lag gives those up)
          apply(t, round, r);
        }
        round += shift;
        now = find(round);
      }
    }
    if (now == null || now.sentBy < 0) {
      QuorumRound at = roundAt(round);
      if (at != null) {
        at.sentNanos = sent;
        at.sentBy = t;
      }
    }
    return round;
  }

  private void apply(int t, long seq, ProbeResult r) {
    QuorumRound round = roundAt(seq);
    if (round == null) {
      return;
    }
    boolean completed = round.record(t, r, quorum);
    if (completed && round.emittedLost) {
      out.add(result(round, r, Outcome.REPLY, null));
    }
  }

  /** Rounds more than {@link #LAG} behind the newest count their silent targets as failed. */
  private void giveUpOnSilent() {
    for (QuorumRound round : rounds) {
      if (round.seq > last() - LAG) {
        break;
      }
      if (round.seq >= nextEmit) {
        round.giveUpOnSilent(targets);
      }
    }
  }

  /** Emits the rounds that are decided, in order: answered, or complete and lost. */
  private void release(ProbeResult now) {
    for (QuorumRound round : rounds) {
      if (round.seq < nextEmit) {
        continue;
      }
      if (round.quorumMet()) {
        out.add(result(round, now, Outcome.REPLY, null));
      } else if (round.complete(targets)) {
        round.emittedLost = true;
        out.add(result(round, now, round.lostOutcome(), reasons.lost(round)));
      } else {
        return;
      }
      round.emitted = true;
      nextEmit = round.seq + 1;
    }
  }

  private ProbeResult result(QuorumRound round, ProbeResult now, Outcome outcome, String why) {
    return new ProbeResult(
        member,
        round.seq,
        now.monotonicNanos(),
        now.wallTime(),
        outcome,
        outcome == Outcome.REPLY ? round.rtt : null,
        why);
  }

  /** The round {@code seq}, made (with those before it) if new; null if long forgotten. */
  private QuorumRound roundAt(long seq) {
    if (rounds.isEmpty()) {
      rounds.add(new QuorumRound(seq, targets));
      nextEmit = seq;
    }
    if (seq < rounds.peekFirst().seq) {
      return null;
    }
    while (rounds.peekLast().seq < seq) {
      rounds.addLast(new QuorumRound(rounds.peekLast().seq + 1, targets));
    }
    while (rounds.size() > KEPT && rounds.peekFirst().seq < nextEmit) {
      rounds.removeFirst();
    }
    return find(seq);
  }

  private QuorumRound find(long seq) {
    if (rounds.isEmpty() || seq < rounds.peekFirst().seq || seq > rounds.peekLast().seq) {
      return null;
    }
    // rounds are consecutive: count from the nearer end (late answers are near the newest)
    long fromEnd = rounds.peekLast().seq - seq;
    var it = rounds.descendingIterator();
    for (long i = 0; i < fromEnd; i++) {
      it.next();
    }
    return it.next();
  }

  private long last() {
    return rounds.isEmpty() ? Long.MIN_VALUE : rounds.peekLast().seq;
  }

  private void remember(int t, long seq, long round) {
    ArrayDeque<long[]> seqs = failedSeqs.get(t);
    seqs.addLast(new long[] {seq, round});
    if (seqs.size() > KEPT) {
      seqs.removeFirst();
    }
  }

  private Long failedRound(int t, long seq) {
    for (var it = failedSeqs.get(t).descendingIterator(); it.hasNext(); ) {
      long[] e = it.next();
      if (e[0] == seq) {
        return e[1];
      }
    }
    return null;
  }
}
