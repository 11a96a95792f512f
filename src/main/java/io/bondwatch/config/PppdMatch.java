package io.bondwatch.config;

/**
 * A member's {@code pppd:}: how pppd log lines are attributed to it. Each field is optional, at
 * least one is given.
 *
 * @param device the device pppd runs over ({@code Connect: ppp0 <--> eth1}, {@code Starting
 *     negotiation on eth1})
 * @param ifname the ppp interface name ({@code Using interface ppp1}, {@code Renamed ... to X})
 * @param linkname pppd's {@code linkname} option
 */
public record PppdMatch(String device, String ifname, String linkname) {
  public PppdMatch {
    Checks c = new Checks();
    c.require(
        device != null || ifname != null || linkname != null,
        "",
        null,
        "needs at least one of device, ifname, linkname");
    if (device != null) {
      c.matches(device, Parsers::isInterfaceName, "device", "is not a valid interface name");
    }
    if (ifname != null) {
      c.matches(ifname, Parsers::isInterfaceName, "ifname", "is not a valid interface name");
    }
    if (linkname != null) {
      c.matches(linkname, Parsers::isName, "linkname", "is not a valid name");
    }
    c.throwIfAny();
  }
}
