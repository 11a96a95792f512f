package io.bondwatch.domain.member;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * The targets a member is probed through and how many of them must answer a probe round.
 *
 * @param targets each probed by a ping of its own, in the order configured
 * @param quorum answers a round needs, 1 to the number of targets
 * @param nextHop index of the target that is the member's next hop (its gateway or PPP peer); it
 *     only words the reasons, telling "upstream" trouble from the line's
 */
public record ProbeQuorum(List<String> targets, int quorum, int nextHop) {
  /** A round's targets are tracked in a bit set of one long. */
  public static final int MAX_TARGETS = 64;

  public ProbeQuorum {
    targets = List.copyOf(targets);
    if (targets.isEmpty() || targets.size() > MAX_TARGETS) {
      throw new IllegalArgumentException(
          "need 1 to " + MAX_TARGETS + " targets, not " + targets.size());
    }
    if (new HashSet<>(targets).size() != targets.size()) {
      throw new IllegalArgumentException("targets listed twice in " + targets);
    }
    if (quorum < 1 || quorum > targets.size()) {
      throw new IllegalArgumentException(
          "quorum must be 1 to " + targets.size() + ", not " + quorum);
    }
    Objects.checkIndex(nextHop, targets.size());
  }

  public int size() {
    return targets.size();
  }

  public String target(int index) {
    return targets.get(index);
  }
}
