package io.bondwatch.config;

import java.time.Duration;

/**
 * {@code probe:} section, shared by every member's ping.
 *
 * @param interval default 200ms, at least 10ms (iputils refuses shorter intervals to non-root and
 *     they flood a DSL line anyway)
 * @param timeout default 1s, at least 100ms and at most 10m (the range ping's -W takes
 *     meaningfully); the interval likewise at most 10m
 */
public record ProbeConfig(Duration interval, Duration timeout) {
  public static final Duration MIN_INTERVAL = Duration.ofMillis(10);
  public static final Duration MIN_TIMEOUT = Duration.ofMillis(100);
  public static final Duration MAX = Duration.ofMinutes(10);

  public ProbeConfig {
    Checks c = new Checks();
    c.atLeast(interval, MIN_INTERVAL, "interval");
    c.atLeast(timeout, MIN_TIMEOUT, "timeout");
    c.atMost(interval, MAX, "interval");
    c.atMost(timeout, MAX, "timeout");
    c.throwIfAny();
  }

  public static ProbeConfig defaults() {
    return new ProbeConfig(Duration.ofMillis(200), Duration.ofSeconds(1));
  }
}
