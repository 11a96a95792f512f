package io.bondwatch.config;

/**
 * {@code policy.restore:} a down member comes back after this many consecutive good probes.
 *
 * @param consecutiveOk default 10 (1..100000); must exceed {@code down.consecutiveLost}
 */
public record RestorePolicy(int consecutiveOk) {
  public RestorePolicy {
    Checks c = new Checks();
    c.between(consecutiveOk, 1, 100_000, "consecutiveOk");
    c.throwIfAny();
  }

  public static RestorePolicy defaults() {
    return new RestorePolicy(10);
  }
}
