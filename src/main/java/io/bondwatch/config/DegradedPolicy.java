package io.bondwatch.config;

import java.time.Duration;

/**
 * {@code policy.degraded:} a member is degraded when its loss or smoothed RTT over {@code window}
 * exceeds these.
 *
 * @param loss default 10%, above 0
 * @param rtt default 200ms
 * @param window default 30s; must hold at least 10 probes (see {@link ConfigRules})
 */
public record DegradedPolicy(Ratio loss, Duration rtt, Duration window) {
  public DegradedPolicy {
    Checks c = new Checks();
    if (c.present(loss, "loss")) {
      c.require(loss.value() > 0, "loss", loss, "must be above 0%");
    }
    c.positive(rtt, "rtt");
    c.positive(window, "window");
    c.throwIfAny();
  }

  public static DegradedPolicy defaults() {
    return new DegradedPolicy(new Ratio(0.10), Duration.ofMillis(200), Duration.ofSeconds(30));
  }
}
