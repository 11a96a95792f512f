package io.bondwatch.config;

/**
 * One entry of {@code members:}.
 *
 * @param name required, unique; the {@code member} label
 * @param interfaceName {@code interface:}, required, unique: the device whose /proc/net/dev
 *     counters are the member's traffic
 * @param capacity null: estimate both directions
 * @param probe null only for a multilink member without an IP of its own, judged by its underlay
 *     device, its pppd and the bundle probe (DESIGN.md 1b; {@link ConfigRules} says when)
 * @param pppd null: pppd events are not attributed to this member
 * @param route null unless given; required by the ip-route actuator
 * @param maxRate null unless given: the most the member's device carries per second in either
 *     direction (like vnStat's MaxBandwidth), {@link #MIN_MAX_RATE} to {@link #MAX_MAX_RATE} and at
 *     least each configured capacity. Counter steps beyond it are not counted as traffic.
 */
public record MemberConfig(
    String name,
    String interfaceName,
    Capacity capacity,
    MemberProbe probe,
    PppdMatch pppd,
    RouteConfig route,
    Rate maxRate) {
  /** Slower than ISDN is no WAN link bondwatch watches. */
  public static final Rate MIN_MAX_RATE = Rate.parse("64kbit");

  /** A counter step beyond 1 Tbit/s is a glitch on any link this side of a backbone. */
  public static final Rate MAX_MAX_RATE = Rate.parse("1000Gbit");

  public MemberConfig {
    Checks c = new Checks();
    c.matches(name, Parsers::isName, "name", "is not a valid name");
    c.matches(
        interfaceName, Parsers::isInterfaceName, "interface", "is not a valid interface name");
    if (maxRate != null) {
      long bits = maxRate.bitsPerSecond();
      c.require(
          bits >= MIN_MAX_RATE.bitsPerSecond() && bits <= MAX_MAX_RATE.bitsPerSecond(),
          "maxRate",
          maxRate,
          "must be between " + MIN_MAX_RATE + " and " + MAX_MAX_RATE);
      Rate highest = capacity == null ? null : capacity.highest();
      c.require(
          highest == null || bits >= highest.bitsPerSecond(),
          "maxRate",
          maxRate,
          "is below the configured capacity " + highest + ": traffic at it would not be counted");
    }
    c.throwIfAny();
  }
}
