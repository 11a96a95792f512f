package io.bondwatch.config;

import java.time.Duration;

/**
 * {@code policy.down:} when a member is declared down.
 *
 * @param consecutiveLost default 3: the minimum number of consecutive lost probes (1..1000)
 * @param adaptive default true: raise the threshold from the member's measured baseline loss, so
 *     that random loss alone almost never reaches it
 * @param maxConsecutiveLost default 15: the adaptive threshold's ceiling (consecutiveLost..1000)
 * @param baselineWindow default 10m (1m..24h): how much history the baseline loss is measured over
 */
public record DownPolicy(
    int consecutiveLost, boolean adaptive, int maxConsecutiveLost, Duration baselineWindow) {
  public static final int MAX_PROBES = 1000;
  public static final Duration MIN_BASELINE = Duration.ofMinutes(1);
  public static final Duration MAX_BASELINE = Duration.ofHours(24);

  public DownPolicy {
    Checks c = new Checks();
    c.between(consecutiveLost, 1, MAX_PROBES, "consecutiveLost");
    c.require(
        maxConsecutiveLost >= consecutiveLost && maxConsecutiveLost <= MAX_PROBES,
        "maxConsecutiveLost",
        maxConsecutiveLost,
        "must be between consecutiveLost (" + consecutiveLost + ") and " + MAX_PROBES);
    c.within(baselineWindow, MIN_BASELINE, MAX_BASELINE, "baselineWindow");
    c.throwIfAny();
  }

  public static DownPolicy defaults() {
    return new DownPolicy(3, true, 15, Duration.ofMinutes(10));
  }
}
