package io.bondwatch.domain.member;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * One probe target of a member with several, read with the member.
 *
 * @param target as configured
 * @param nextHop whether it is the member's next hop (see {@link ProbeQuorum#nextHop()})
 * @param state up once it answered, down while its own probes meet the down rule
 * @param smoothedRtt of its replies, null before the first
 * @param lossRatio of its probes over the degraded window, outages included (0 without probes)
 * @param reason why it is down (the down rule's words); null otherwise
 */
public record TargetSnapshot(
    String target,
    boolean nextHop,
    State state,
    Duration smoothedRtt,
    double lossRatio,
    long probesSent,
    long probesLost,
    String reason) {

  public enum State {
    /** Neither answered yet nor failed long enough to be judged. */
    UNKNOWN,
    UP,
    DOWN;

    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public TargetSnapshot {
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(state, "state");
  }
}
