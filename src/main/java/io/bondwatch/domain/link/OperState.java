package io.bondwatch.domain.link;

import java.util.Locale;

/**
 * A device's operational state as the kernel reports it (RFC 2863 {@code ifOperStatus}, Linux
 * {@code IF_OPER_*}): what {@code ip link} prints after {@code state}.
 */
public enum OperState {
  /** Not known; ppp and tun devices report it while they work. */
  UNKNOWN,
  NOTPRESENT,
  DOWN,
  /** Down because the device it runs over is (a macvlan or vlan over a dead port). */
  LOWERLAYERDOWN,
  TESTING,
  /** Up, but waiting for something outside (802.1X, a wireless association). */
  DORMANT,
  UP;

  /** Whether a device in this state cannot carry traffic at all. */
  public boolean blocksTraffic() {
    return this == DOWN || this == LOWERLAYERDOWN || this == NOTPRESENT;
  }

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
