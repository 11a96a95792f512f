package io.bondwatch.config;

import java.time.Duration;

/**
 * {@code policy.degraded:} a member is degraded when its loss or smoothed RTT over {@code window}
 * exceeds these.
 *
 * @param loss default 10%, above 0
 * @param rtt default 200ms (1ms..1m)
 * @param window default 30s (1s..1h); must hold at least 10 probes and at most 100000 (see {@link
 *     ConfigRules})
 */
public record DegradedPolicy(Ratio loss, Duration rtt, Duration window) {
  public static final Duration MIN_RTT = Duration.ofMillis(1);
  public static final Duration MAX_RTT = Duration.ofMinutes(1);
  public static final Duration MIN_WINDOW = Duration.ofSeconds(1);
  public static final Duration MAX_WINDOW = Duration.ofHours(1);

  public DegradedPolicy {
    Checks c = new Checks();
    if (c.present(loss, "loss")) {
      c.require(loss.value() > 0, "loss", loss, "must be above 0%");
    }
    c.within(rtt, MIN_RTT, MAX_RTT, "rtt");
    c.within(window, MIN_WINDOW, MAX_WINDOW, "window");
    c.throwIfAny();
  }

  public static DegradedPolicy defaults() {
    return new DegradedPolicy(new Ratio(0.10), Duration.ofMillis(200), Duration.ofSeconds(30));
  }
}
