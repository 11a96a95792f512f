package io.bondwatch.app.init;

import java.util.List;

/**
 * What {@code bondwatch init} found on this host.
 *
 * @param interfaces non-loopback interfaces of /proc/net/dev, in file order
 * @param pppds running pppd processes
 * @param nexthops default-route next hops
 * @param netdevPath where counters were read from
 * @param pppdLog a syslog file pppd writes to, or null to read the journal
 * @param problems what could not be read, for comments in the output
 */
public record Discovered(
    List<String> interfaces,
    List<PppdProcess> pppds,
    List<Nexthop> nexthops,
    String netdevPath,
    String pppdLog,
    List<String> problems) {
  public Discovered {
    interfaces = List.copyOf(interfaces);
    pppds = List.copyOf(pppds);
    nexthops = List.copyOf(nexthops);
    problems = List.copyOf(problems);
    if (netdevPath == null || netdevPath.isBlank()) {
      throw new IllegalArgumentException("netdev path missing");
    }
  }
}
