package io.bondwatch.config;

import java.time.Duration;

/**
 * {@code policy.damping:} RFC 2439 flap damping at link scale. Each up-to-down flap adds {@code
 * penalty}; the sum halves every {@code halfLife}; above {@code suppress} the member is kept out
 * until the sum decays below {@code reuse}, and never longer than {@code maxSuppress}. Acted on by
 * the controller issue.
 *
 * @param penalty default 1000
 * @param halfLife default 2m
 * @param suppress default 2500
 * @param reuse default 800, below suppress
 * @param maxSuppress default 15m
 */
public record DampingPolicy(
    double penalty, Duration halfLife, double suppress, double reuse, Duration maxSuppress) {
  public DampingPolicy {
    Checks c = new Checks();
    c.positive(penalty, "penalty");
    c.positive(halfLife, "halfLife");
    c.positive(suppress, "suppress");
    c.positive(reuse, "reuse");
    c.positive(maxSuppress, "maxSuppress");
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
