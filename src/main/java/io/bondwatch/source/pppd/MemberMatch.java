package io.bondwatch.source.pppd;

import java.util.Objects;

/**
 * How pppd log lines are tied to one configured member (config {@code members[].pppd}).
 *
 * @param member configured member name
 * @param device the link device pppd names in {@code Starting negotiation on}, {@code Connect: ...
 *     <-->} or {@code Connected to ... via interface} (eth1, eth0.2, ttyS0 or /dev/ttyS0)
 * @param ifname the ppp interface name pppd names in {@code Using interface}/{@code Renamed
 *     interface}; used only when no other member has the same ifname
 * @param linkname pppd's {@code linkname} option; pppd never logs it, so it takes effect through
 *     {@link PppdAttributor#bindLinkname(int, String)} (from /var/run/ppp-NAME.pid)
 */
public record MemberMatch(String member, String device, String ifname, String linkname) {

  public MemberMatch {
    Objects.requireNonNull(member, "member");
    if (member.isBlank()) {
      throw new IllegalArgumentException("member name is blank");
    }
    if (device == null && ifname == null && linkname == null) {
      throw new IllegalArgumentException(
          "member " + member + ": needs a pppd device, ifname or linkname to match log lines");
    }
  }

  /** Whether pppd's device text names this member's device ({@code /dev/} is optional). */
  boolean matchesDevice(String logged) {
    return device != null && logged != null && stripDev(device).equals(stripDev(logged));
  }

  private static String stripDev(String d) {
    return d.startsWith("/dev/") ? d.substring(5) : d;
  }
}
