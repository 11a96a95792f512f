package io.bondwatch.domain.member;

import io.bondwatch.source.probe.ProbeResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The targets of a member probed through several: each target's own judgement (a {@link
 * ProbeHealth} of its own, with the down rule and miss deadline a member has), and the rounds the
 * member itself is judged by. Called under the member's lock only.
 */
public final class TargetQuorum {
  private final ProbeQuorum spec;
  private final QuorumRounds rounds;
  private final List<ProbeHealth> health;
  private final QuorumReasons reasons;
  private final String[] lastFailure;
  private final boolean[] answered;

  /**
   * @param perTarget one health per target, in the order of {@code spec}'s targets
   * @param interval the probe interval, for matching the targets' probes into rounds
   */
  public TargetQuorum(
      String member, ProbeQuorum spec, List<ProbeHealth> perTarget, Duration interval) {
    this.spec = Objects.requireNonNull(spec, "spec");
    this.health = List.copyOf(perTarget);
    if (health.size() != spec.size()) {
      throw new IllegalArgumentException(
          spec.size() + " targets need as many healths, not " + health.size());
    }
    if (interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException("interval must be positive, not " + interval);
    }
    this.rounds = new QuorumRounds(member, spec, interval.toNanos());
    this.reasons = new QuorumReasons(spec);
    this.lastFailure = new String[spec.size()];
    this.answered = new boolean[spec.size()];
  }

  public ProbeQuorum spec() {
    return spec;
  }

  /** Target {@code t}'s result; returns the rounds it decides (a list reused by the next call). */
  List<ProbeResult> accept(int t, ProbeResult r) {
    Objects.checkIndex(t, spec.size());
    health.get(t).record(r);
    if (r.ok()) {
      answered[t] = true;
    } else {
      lastFailure[t] = r.reason();
    }
    return rounds.accept(t, r);
  }

  private TargetSnapshot.State state(int t) {
    if (health.get(t).downRuleHolds()) {
      return TargetSnapshot.State.DOWN;
    }
    return answered[t] ? TargetSnapshot.State.UP : TargetSnapshot.State.UNKNOWN;
  }

  List<TargetSnapshot> snapshots() {
    List<TargetSnapshot> out = new ArrayList<>(spec.size());
    for (int t = 0; t < spec.size(); t++) {
      ProbeHealth h = health.get(t);
      TargetSnapshot.State state = state(t);
      out.add(
          new TargetSnapshot(
              spec.target(t),
              t == spec.nextHop(),
              state,
              h.smoothedRtt(),
              h.lossRatio(),
              h.sent(),
              h.lost(),
              state == TargetSnapshot.State.DOWN ? h.downReason() : null));
    }
    return out;
  }

  /**
   * Words for targets that fail while others answer ("upstream: next hop 192.0.2.1 answers,
   * 198.51.100.7 does not; ..."), for a member whose quorum holds; null while none fails.
   */
  String failingTargets() {
    List<Integer> up = new ArrayList<>();
    List<Integer> down = new ArrayList<>();
    for (int t = 0; t < spec.size(); t++) {
      switch (state(t)) {
        case UP -> up.add(t);
        case DOWN -> down.add(t);
        case UNKNOWN -> {
          // not judged yet either way
        }
      }
    }
    if (down.isEmpty() || up.isEmpty()) {
      return null;
    }
    return reasons.partial(up, down, this::failing);
  }

  private String failing(int t) {
    int run = health.get(t).consecutiveLost();
    String why = lastFailure[t];
    return run
        + (run == 1 ? " probe" : " probes")
        + " failed in a row"
        + (why == null ? "" : ": " + why);
  }
}
