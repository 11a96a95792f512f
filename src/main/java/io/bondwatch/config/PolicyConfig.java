package io.bondwatch.config;

/**
 * {@code policy:} section; every subsection and every key defaults (see each record). down,
 * degraded and restore drive member states now; drop and damping are parsed and validated now and
 * acted on by the controller issue.
 */
public record PolicyConfig(
    DownPolicy down,
    DegradedPolicy degraded,
    DropPolicy drop,
    RestorePolicy restore,
    DampingPolicy damping) {
  public PolicyConfig {
    Checks c = new Checks();
    c.present(down, "down");
    c.present(degraded, "degraded");
    c.present(drop, "drop");
    c.present(restore, "restore");
    c.present(damping, "damping");
    c.throwIfAny();
  }

  public static PolicyConfig defaults() {
    return new PolicyConfig(
        DownPolicy.defaults(),
        DegradedPolicy.defaults(),
        DropPolicy.defaults(),
        RestorePolicy.defaults(),
        DampingPolicy.defaults());
  }
}
