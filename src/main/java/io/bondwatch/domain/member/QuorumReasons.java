package io.bondwatch.domain.member;

import io.bondwatch.source.probe.ProbeResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.IntFunction;

/**
 * The words for a member with several targets. Nothing answering is the line (or its next hop);
 * some targets answering while others do not means the line carries traffic and the trouble is
 * upstream of it, or at the silent targets themselves. Every reason names the failing targets.
 */
final class QuorumReasons {
  private final ProbeQuorum spec;

  QuorumReasons(ProbeQuorum spec) {
    this.spec = spec;
  }

  /**
   * A lost round: "no target answers (the line): no reply from 192.0.2.1, 198.51.100.7", or
   * "upstream: next hop 192.0.2.1 answers, 198.51.100.7 does not (1 of 2 answered, quorum 2)".
   */
  String lost(QuorumRound round) {
    List<Integer> answering = new ArrayList<>();
    List<Integer> failing = new ArrayList<>();
    for (int t = 0; t < spec.size(); t++) {
      (round.answeredBy(t) ? answering : failing).add(t);
    }
    IntFunction<String> why = t -> reason(round.failure(t));
    if (answering.isEmpty()) {
      return "no target answers (the line): " + failures(failing, why);
    }
    return split(answering, failing)
        + " ("
        + answering.size()
        + " of "
        + spec.size()
        + " answered, quorum "
        + spec.quorum()
        + ")"
        + details(failing, why);
  }

  /**
   * The quorum holds but targets fail, for the reason of a member that is up: "upstream: next hop
   * 192.0.2.1 answers, 198.51.100.7 does not; 198.51.100.7: 12 probes lost in a row".
   */
  String partial(List<Integer> answering, List<Integer> failing, IntFunction<String> why) {
    return split(answering, failing) + details(failing, why);
  }

  private String split(List<Integer> answering, List<Integer> failing) {
    if (failing.contains(spec.nextHop())) {
      return names(failing)
          + (failing.size() == 1 ? " does not answer while " : " do not answer while ")
          + names(answering)
          + (answering.size() == 1 ? " does" : " do")
          + " (the line works)";
    }
    return "upstream: "
        + names(answering)
        + (answering.size() == 1 ? " answers, " : " answer, ")
        + names(failing)
        + (failing.size() == 1 ? " does not" : " do not");
  }

  /** The one reason all gave, or each target's ("no reply" for a plain timeout). */
  private String failures(List<Integer> failing, IntFunction<String> why) {
    String first = why.apply(failing.get(0));
    boolean same = failing.stream().allMatch(t -> Objects.equals(why.apply(t), first));
    if (same) {
      return first == null ? "no reply from " + targets(failing) : first;
    }
    List<String> each = new ArrayList<>();
    for (int t : failing) {
      String w = why.apply(t);
      each.add(spec.target(t) + ": " + (w == null ? "no reply" : w));
    }
    return String.join("; ", each);
  }

  private String details(List<Integer> failing, IntFunction<String> why) {
    StringBuilder sb = new StringBuilder();
    for (int t : failing) {
      String w = why.apply(t);
      if (w != null) {
        sb.append("; ").append(spec.target(t)).append(": ").append(w);
      }
    }
    return sb.toString();
  }

  private String names(List<Integer> indexes) {
    List<String> names = new ArrayList<>();
    for (int t : indexes) {
      names.add((t == spec.nextHop() ? "next hop " : "") + spec.target(t));
    }
    return String.join(", ", names);
  }

  private String targets(List<Integer> indexes) {
    return String.join(", ", indexes.stream().map(spec::target).toList());
  }

  /** A failed probe's reason; {@link QuorumRound#SILENT} for a target that said nothing. */
  private static String reason(ProbeResult failure) {
    return failure == null ? QuorumRound.SILENT : failure.reason();
  }
}
