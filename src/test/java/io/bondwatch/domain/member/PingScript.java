package io.bondwatch.domain.member;

import io.bondwatch.source.probe.ProbeResult;
import io.bondwatch.source.probe.ProbeResult.Outcome;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.function.BiFunction;

/**
 * What the pings of a member's targets report, and when: probes sent at given times, each answered
 * after its RTT or never. Like {@code ping -O}, a probe unanswered after one interval is reported
 * lost then, and answered late if its reply comes. Played in time order into what judges them.
 */
public class PingScript<S extends PingScript<S>> {
  private final long intervalMillis;
  private final TreeMap<Long, List<Object[]>> events = new TreeMap<>(); // {target, result}

  /** The rounds emitted, in order, with the time (ms) and the target whose result emitted them. */
  public final List<ProbeResult> emitted = new ArrayList<>();

  public final List<Long> at = new ArrayList<>();

  public PingScript(long intervalMillis) {
    this.intervalMillis = intervalMillis;
  }

  /** Target {@code t}'s probe {@code seq}, sent at {@code sent} ms, answered after {@code rtt}. */
  public S probe(int t, long seq, long sent, Long rtt) {
    if (rtt == null || rtt >= intervalMillis) {
      add(t, sent + intervalMillis, seq, Outcome.LOST, null, null);
    }
    if (rtt != null) {
      add(t, sent + rtt, seq, Outcome.REPLY, Duration.ofMillis(rtt), null);
    }
    return self();
  }

  /** Any result of target {@code t} at {@code atMillis}. */
  public S result(int t, long atMillis, long seq, Outcome outcome, String reason) {
    add(t, atMillis, seq, outcome, null, reason);
    return self();
  }

  @SuppressWarnings("unchecked")
  private S self() {
    return (S) this;
  }

  private void add(int t, long ms, long seq, Outcome o, Duration rtt, String reason) {
    long nanos = ms * 1_000_000;
    ProbeResult r =
        new ProbeResult("dsl1", seq, nanos, Instant.EPOCH.plusNanos(nanos), o, rtt, reason);
    // targets in index order within a millisecond, each in the order its results were added
    events.computeIfAbsent(ms * 64 + t, k -> new ArrayList<>()).add(new Object[] {t, r});
  }

  /** Feeds everything added so far, in time order; {@code judge} returns the rounds emitted. */
  public void play(BiFunction<Integer, ProbeResult, List<ProbeResult>> judge) {
    for (var e : events.entrySet()) {
      for (Object[] ev : e.getValue()) {
        for (ProbeResult round : judge.apply((Integer) ev[0], (ProbeResult) ev[1])) {
          emitted.add(round);
          at.add(e.getKey() / 64);
        }
      }
    }
    events.clear();
  }

  public List<ProbeResult> lost() {
    return emitted.stream().filter(r -> !r.ok()).toList();
  }

  /** The seqs in the order emitted, a late answer to a round emitted lost as its negative. */
  public List<Long> story() {
    List<Long> out = new ArrayList<>();
    List<Long> lost = new ArrayList<>();
    for (ProbeResult r : emitted) {
      boolean late = r.ok() && lost.contains(r.seq());
      out.add(late ? -r.seq() : r.seq());
      if (!r.ok()) {
        lost.add(r.seq());
      }
    }
    return out;
  }
}
