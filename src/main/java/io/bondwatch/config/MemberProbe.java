package io.bondwatch.config;

/**
 * A member's {@code probe:}: {@code ping -I <interfaceName> <target>}.
 *
 * @param target IP address or host name (checked for syntax only, never resolved here)
 * @param interfaceName defaults to the member's {@code interface} when not given
 */
public record MemberProbe(String target, String interfaceName) {
  public MemberProbe {
    Checks c = new Checks();
    c.matches(target, Hosts::isIpOrHostName, "target", "is not an IP address or host name");
    c.matches(
        interfaceName, Parsers::isInterfaceName, "interface", "is not a valid interface name");
    c.throwIfAny();
  }
}
