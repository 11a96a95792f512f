package io.bondwatch.source.probe;

import io.bondwatch.source.probe.ProbeResult.Outcome;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Turns one member's parsed ping lines into probe results. Pure; not thread-safe (its owner
 * serialises calls).
 *
 * <p>Sequence numbers in results are the member's own: increasing across ping restarts and icmp_seq
 * wrap-around at 65536, so a consumer can match a late reply to the probe it reported lost. A reply
 * for a probe already reported LOST is emitted again as a REPLY with the same seq (a late reply);
 * gaps in the sequence (probes ping never mentioned) are reported LOST.
 */
final class ProbeSequencer {
  /** More than this many missing numbers is a confused ping, not lost probes. */
  static final int MAX_GAP = 50;

  private static final int RECENT = 64;

  private final String member;
  private long highest; // highest member seq reported so far
  private long base; // member seq of icmp_seq 0 of the current ping process
  private long unwrapped; // icmp_seq of the current process, unwrapped past 65535
  private int lastRaw;
  private Outcome outcomeAtHighest;
  private String pendingFailure;
  private final ArrayDeque<Long> recentMisses = new ArrayDeque<>();
  // reused for every line (five a second per member): valid until the next call
  private final List<ProbeResult> results = new ArrayList<>();

  ProbeSequencer(String member) {
    this.member = Objects.requireNonNull(member, "member");
  }

  /** A new ping process numbers its probes from 1 again. */
  void processStarted() {
    base = highest;
    unwrapped = 0;
    lastRaw = 0;
    pendingFailure = null;
    outcomeAtHighest = null;
  }

  /** A probe slot in which no ping ran, or ping said nothing: one LOST or ERROR result. */
  ProbeResult synthetic(Outcome outcome, String reason, long nanos, Instant wall) {
    if (outcome == Outcome.REPLY) {
      throw new IllegalArgumentException("a synthetic result cannot be a reply");
    }
    // keep the current process's numbering ahead of the slot just used
    base++;
    highest++;
    outcomeAtHighest = outcome;
    remember(highest);
    return new ProbeResult(member, highest, nanos, wall, outcome, null, reason);
  }

  /** The results of one line, in a list that is reused: read it before the next call. */
  List<ProbeResult> onLine(PingLine line, long nanos, Instant wall) {
    List<ProbeResult> out = results;
    out.clear();
    if (line instanceof PingLine.Reply r) {
      onReply(r, nanos, wall, out);
    } else if (line instanceof PingLine.NoAnswer n) {
      onNoAnswer(n.seq(), nanos, wall, out);
    } else if (line instanceof PingLine.ErrorReply e) {
      long s = memberSeq(e.seq());
      if (s > highest) {
        advance(s, Outcome.ERROR, e.reason() + " from " + e.from(), null, nanos, wall, out);
      }
    } else if (line instanceof PingLine.Failure f) {
      // ping counts the probe as sent and names it in the next "no answer yet"
      pendingFailure = f.message();
    }
    return out;
  }

  private void onReply(PingLine.Reply r, long nanos, Instant wall, List<ProbeResult> out) {
    if (r.duplicate()) {
      return;
    }
    long s = memberSeq(r.seq());
    if (s > highest) {
      advance(s, Outcome.REPLY, null, r.rtt(), nanos, wall, out);
    } else if (recentMisses.remove(s)) {
      out.add(new ProbeResult(member, s, nanos, wall, Outcome.REPLY, r.rtt(), null));
    }
  }

  private void onNoAnswer(int raw, long nanos, Instant wall, List<ProbeResult> out) {
    long s = memberSeq(raw);
    String reason = pendingFailure;
    pendingFailure = null;
    Outcome outcome =
        reason == null
            ? Outcome.LOST
            : ProbeReasons.notSent(reason) ? Outcome.NOT_SENT : Outcome.ERROR;
    if (s > highest) {
      advance(s, outcome, reason, null, nanos, wall, out);
    } else if (s == highest
        && (outcomeAtHighest == Outcome.LOST || outcomeAtHighest == Outcome.NOT_SENT)) {
      // ping repeats the number when it could not send (ENOBUFS, e.g. no carrier or ARP
      // pending): each line is still one probe slot, and no probe left in it
      out.add(
          synthetic(
              Outcome.NOT_SENT,
              reason == null ? "probe not sent (icmp_seq " + raw + " again)" : reason,
              nanos,
              wall));
    }
  }

  private void advance(
      long s,
      Outcome outcome,
      String reason,
      Duration rtt,
      long nanos,
      Instant wall,
      List<ProbeResult> out) {
    long gap = s - highest - 1;
    if (gap > MAX_GAP) {
      highest = s - 1;
    }
    while (highest < s - 1) {
      highest++;
      remember(highest);
      out.add(
          new ProbeResult(
              member,
              highest,
              nanos,
              wall,
              Outcome.LOST,
              null,
              "no output for this probe (sequence gap)"));
    }
    highest = s;
    outcomeAtHighest = outcome;
    if (outcome != Outcome.REPLY) {
      remember(s);
    }
    out.add(new ProbeResult(member, s, nanos, wall, outcome, rtt, reason));
  }

  private void remember(long s) {
    recentMisses.addLast(s);
    while (recentMisses.size() > RECENT) {
      recentMisses.removeFirst();
    }
  }

  /** Unwraps ping's 16-bit icmp_seq into this member's numbering. */
  private long memberSeq(int raw) {
    int d = (raw - lastRaw) & 0xFFFF;
    if (d < 0x8000) {
      unwrapped += d;
      lastRaw = raw;
      return base + unwrapped;
    }
    return base + unwrapped - (0x10000 - d);
  }
}
