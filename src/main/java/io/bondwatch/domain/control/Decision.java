package io.bondwatch.domain.control;

import java.time.Instant;
import java.util.Objects;

/**
 * One thing the controller decided about one member, with why, in words that name the evidence.
 *
 * @param weight the member's weight after the decision: 0 when dropped, 1..256 when in the bond
 * @param evidence what was seen, for people: "5 probes lost in a row; loss 23% over 30 s"
 */
public record Decision(
    String member, Action action, Reason reason, int weight, String evidence, Instant at) {
  public Decision {
    Objects.requireNonNull(member, "member");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(evidence, "evidence");
    Objects.requireNonNull(at, "at");
    if (weight < 0 || weight > Assignment.MAX_WEIGHT) {
      throw new IllegalArgumentException(
          "weight must be 0.." + Assignment.MAX_WEIGHT + ": " + weight);
    }
    if ((action == Action.DROP) != (weight == 0)) {
      throw new IllegalArgumentException(action.label() + " with weight " + weight);
    }
  }
}
