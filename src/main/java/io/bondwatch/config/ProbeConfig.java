package io.bondwatch.config;

import java.time.Duration;

/**
 * {@code probe:} section, shared by every member's ping.
 *
 * @param interval default 200ms, at least 10ms (iputils refuses shorter intervals to non-root and
 *     they flood a DSL line anyway)
 * @param timeout default 1s, above 0
 */
public record ProbeConfig(Duration interval, Duration timeout) {
  public static final Duration MIN_INTERVAL = Duration.ofMillis(10);

  public ProbeConfig {
    Checks c = new Checks();
    c.atLeast(interval, MIN_INTERVAL, "interval");
    c.positive(timeout, "timeout");
    c.throwIfAny();
  }

  public static ProbeConfig defaults() {
    return new ProbeConfig(Duration.ofMillis(200), Duration.ofSeconds(1));
  }
}
