package io.bondwatch.config;

/**
 * A member's {@code route: { via, dev }}: its next hop in the multipath route of the ip-route
 * actuator (required for every member with {@code actuator.type: ip-route}; acted on by a later
 * issue).
 */
public record RouteConfig(String via, String dev) {
  public RouteConfig {
    Checks c = new Checks();
    c.matches(via, Hosts::isIpAddress, "via", "is not an IP address");
    c.matches(dev, Parsers::isInterfaceName, "dev", "is not a valid interface name");
    c.throwIfAny();
  }
}
