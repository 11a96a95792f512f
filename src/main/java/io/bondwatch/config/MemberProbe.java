package io.bondwatch.config;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A member's {@code probe:}: one {@code ping -I <interfaceName> <target>} per target. {@code
 * target: a} is one target with quorum 1; {@code targets: [a, b], quorum: 1} several, a probe round
 * being answered when at least {@code quorum} of them answered it.
 *
 * @param targets IP addresses or host names (checked for syntax only, never resolved here), 1 to
 *     {@link #MAX_TARGETS}, each once
 * @param quorum how many targets must answer a probe round, 1 to the number of targets
 * @param interfaceName defaults to the member's {@code interface} when not given
 */
public record MemberProbe(List<String> targets, int quorum, String interfaceName) {
  /**
   * Every target is one more long-lived ping and five more probes a second through the member's
   * line; eight is more than any quorum needs (mwan3 users track two to four).
   */
  public static final int MAX_TARGETS = 8;

  public MemberProbe {
    Checks c = new Checks();
    if (c.present(targets, "targets")) {
      targets = List.copyOf(targets);
      c.require(!targets.isEmpty(), "targets", "[]", "must list at least one target");
      c.require(
          targets.size() <= MAX_TARGETS,
          "targets",
          null,
          "lists " + targets.size() + " targets; at most " + MAX_TARGETS);
      Set<String> seen = new HashSet<>();
      for (String t : targets) {
        c.matches(t, Hosts::isIpOrHostName, "targets", "is not an IP address or host name");
        if (t != null && Hosts.isIpOrHostName(t)) {
          c.require(seen.add(Hosts.canonical(t)), "targets", t, "is listed twice");
        }
      }
      c.require(
          quorum >= 1 && quorum <= Math.max(1, targets.size()),
          "quorum",
          quorum,
          "must be between 1 and " + targets.size() + " (the number of targets)");
    }
    c.matches(
        interfaceName, Parsers::isInterfaceName, "interface", "is not a valid interface name");
    c.throwIfAny();
  }

  /** {@code target: a}: one target, quorum 1. */
  public MemberProbe(String target, String interfaceName) {
    this(target == null ? null : List.of(target), 1, interfaceName);
  }

  /** The first (for {@code target:}, the only) target. */
  public String target() {
    return targets.get(0);
  }

  /** Whether rounds over several targets judge the member, rather than one target's probes. */
  public boolean hasSeveralTargets() {
    return targets.size() > 1;
  }
}
