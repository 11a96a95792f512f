package io.bondwatch.domain.member;

import io.bondwatch.domain.link.LinkObservation;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A consistent read of one member, taken under its lock, for metrics, the status API and the
 * controller.
 *
 * @param reason why the member is in its state, in words ("5 consecutive probes lost")
 * @param since wall time of the last state change
 * @param smoothedRtt smoothed probe RTT, null before the first reply
 * @param jitter mean deviation of the RTT, null before two replies
 * @param lossRatio the loss shown with the state, 0..1: while up or degraded the loss the degraded
 *     rule judges, while down the loss since the last restore (see docs/down-rule.md)
 * @param sessionUp what pppd last said about the session: null when pppd has said nothing
 * @param requiredMisses consecutive lost probes the down rule needs now
 * @param targets each target of a member probed through several, in config order; empty for a
 *     member with one target (its figures are the member's)
 * @param links the last observation of each of the member's devices; empty while no link source has
 *     said anything
 */
public record MemberSnapshot(
    String name,
    MemberState state,
    String reason,
    Instant since,
    Duration smoothedRtt,
    Duration jitter,
    double lossRatio,
    double baselineLoss,
    long probesSent,
    long probesLost,
    long flaps,
    Boolean sessionUp,
    int requiredMisses,
    int consecutiveLost,
    int consecutiveOk,
    List<TargetSnapshot> targets,
    List<LinkObservation> links) {

  public MemberSnapshot {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(since, "since");
    targets = List.copyOf(targets);
    links = List.copyOf(links);
  }

  /**
   * Whether every device of the member has its carrier (exists, is up and its lower layer too);
   * null while nothing is known of them.
   */
  public Boolean carrier() {
    if (links.isEmpty()) {
      return null;
    }
    return links.stream().allMatch(l -> l.exists() && l.adminUp() && l.carrier());
  }
}
