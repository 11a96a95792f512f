package io.bondwatch.config;

import java.time.Duration;

/**
 * {@code policy.damping:} RFC 2439 flap damping at link scale. Each up-to-down flap adds {@code
 * penalty}; the sum halves every {@code halfLife}; above {@code suppress} the member is kept out
 * until the sum decays below {@code reuse}, and never longer than {@code maxSuppress}. Acted on by
 * the controller issue.
 *
 * @param penalty default 1000 (1..100000)
 * @param halfLife default 2m (1s..24h)
 * @param suppress default 2500 (1..1000000)
 * @param reuse default 800 (1..1000000), below suppress
 * @param maxSuppress default 15m (1s..24h)
 */
public record DampingPolicy(
    double penalty, Duration halfLife, double suppress, double reuse, Duration maxSuppress) {
  public static final double MAX_PENALTY = 100_000;
  public static final double MAX_LIMIT = 1_000_000;
  public static final Duration MIN_TIME = Duration.ofSeconds(1);
  public static final Duration MAX_TIME = Duration.ofHours(24);

  public DampingPolicy {
    Checks c = new Checks();
    c.between(penalty, 1, MAX_PENALTY, "penalty");
    c.within(halfLife, MIN_TIME, MAX_TIME, "halfLife");
    c.between(suppress, 1, MAX_LIMIT, "suppress");
    c.between(reuse, 1, MAX_LIMIT, "reuse");
    c.within(maxSuppress, MIN_TIME, MAX_TIME, "maxSuppress");
    c.throwIfAny();
  }

  public static DampingPolicy defaults() {
    return new DampingPolicy(1000, Duration.ofMinutes(2), 2500, 800, Duration.ofMinutes(15));
  }

  /**
   * The highest penalty that still decays to {@code reuse} within {@code maxSuppress} (RFC 2439
   * "ceiling"): {@code reuse * 2^(maxSuppress / halfLife)}.
   */
  public double ceiling() {
    return reuse * Math.pow(2, (double) maxSuppress.toNanos() / halfLife.toNanos());
  }
}
