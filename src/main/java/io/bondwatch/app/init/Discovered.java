package io.bondwatch.app.init;

import java.util.List;
import java.util.Map;

/**
 * What {@code bondwatch init} found on this host.
 *
 * @param interfaces non-loopback interfaces of /proc/net/dev, in file order
 * @param notMembers interfaces that cannot be bond members, with the reason ({@link NotMembers})
 * @param pppds running pppd processes
 * @param nexthops default-route next hops
 * @param netdevPath where counters were read from
 * @param pppdLog a syslog file pppd writes to, or null to read the journal
 * @param problems what could not be read, for comments in the output
 */
public record Discovered(
    List<String> interfaces,
    Map<String, String> notMembers,
    List<PppdProcess> pppds,
    List<Nexthop> nexthops,
    String netdevPath,
    String pppdLog,
    List<String> problems) {
  public Discovered {
    interfaces = List.copyOf(interfaces);
    notMembers = Map.copyOf(notMembers);
    pppds = List.copyOf(pppds);
    nexthops = List.copyOf(nexthops);
    problems = List.copyOf(problems);
    if (netdevPath == null || netdevPath.isBlank()) {
      throw new IllegalArgumentException("netdev path missing");
    }
  }

  /** Interfaces that could be members, in file order. */
  public List<String> candidates() {
    return interfaces.stream().filter(i -> !notMembers.containsKey(i)).toList();
  }
}
