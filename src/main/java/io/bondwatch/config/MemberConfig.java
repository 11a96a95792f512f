package io.bondwatch.config;

/**
 * One entry of {@code members:}.
 *
 * @param name required, unique; the {@code member} label
 * @param interfaceName {@code interface:}, required, unique: the device whose /proc/net/dev
 *     counters are the member's traffic
 * @param capacity null: estimate both directions
 * @param probe required
 * @param pppd null: pppd events are not attributed to this member
 * @param route null unless given; required by the ip-route actuator
 */
public record MemberConfig(
    String name,
    String interfaceName,
    Capacity capacity,
    MemberProbe probe,
    PppdMatch pppd,
    RouteConfig route) {
  public MemberConfig {
    Checks c = new Checks();
    c.matches(name, Parsers::isName, "name", "is not a valid name");
    c.matches(
        interfaceName, Parsers::isInterfaceName, "interface", "is not a valid interface name");
    c.present(probe, "probe");
    c.throwIfAny();
  }
}
