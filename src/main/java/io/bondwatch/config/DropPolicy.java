package io.bondwatch.config;

import java.time.Duration;

/**
 * {@code policy.drop:} a degraded member is dropped from the bond when its loss or RTT (over the
 * degraded window) exceeds these; must be above the degraded thresholds. Acted on by the controller
 * issue.
 *
 * @param loss default 20%
 * @param rtt default 500ms (1ms..1m)
 */
public record DropPolicy(Ratio loss, Duration rtt) {
  public DropPolicy {
    Checks c = new Checks();
    if (c.present(loss, "loss")) {
      c.require(loss.value() > 0, "loss", loss, "must be above 0%");
    }
    c.within(rtt, DegradedPolicy.MIN_RTT, DegradedPolicy.MAX_RTT, "rtt");
    c.throwIfAny();
  }

  public static DropPolicy defaults() {
    return new DropPolicy(new Ratio(0.20), Duration.ofMillis(500));
  }
}
