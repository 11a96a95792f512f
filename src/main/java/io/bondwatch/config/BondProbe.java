package io.bondwatch.config;

/**
 * {@code bond.probe:}: one long-lived {@code ping -I <bond.interface> <target>} through the bundle
 * (DESIGN.md 1b). It tells whether the bundle as a whole carries traffic and how fast a stall is
 * noticed; members of a multilink bundle without an IP of their own need it.
 *
 * @param target IP address or host name (checked for syntax only, never resolved here)
 */
public record BondProbe(String target) {
  public BondProbe {
    Checks c = new Checks();
    c.matches(target, Hosts::isIpOrHostName, "target", "is not an IP address or host name");
    c.throwIfAny();
  }
}
