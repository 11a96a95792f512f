package io.bondwatch.app.init;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Renders what was discovered as a commented config (docs/configuration.md). Pure. */
public final class StarterConfig {
  /** TEST-NET-1: a valid address that reaches nobody, for probe targets init cannot know. */
  static final String PLACEHOLDER_TARGET = "192.0.2.1";

  /**
   * A member to write; {@code target} null when no gateway told init where to probe; {@code
   * guessed} when only the interface's kind made it a member (no pppd, no multipath route).
   */
  private record Member(
      String name, String device, String target, String pppdDevice, boolean guessed) {
    String probeTarget() {
      return target == null ? PLACEHOLDER_TARGET : target;
    }
  }

  private StarterConfig() {}

  public static String render(Discovered d) {
    return render(d, BundleHints.NONE);
  }

  /**
   * With hints from pppd's log: on a multilink host (a pppd runs with {@code multilink}) the bundle
   * is probed ({@code bond.probe}) and the members, which have no IP of their own, are not.
   */
  public static String render(Discovered d, BundleHints hints) {
    List<Member> members = members(d);
    boolean multilink = !d.pppds().isEmpty();
    boolean mp = d.pppds().stream().anyMatch(PppdProcess::multilink);
    StringBuilder y = new StringBuilder();
    y.append("# bondwatch configuration written by `bondwatch init`.\n");
    y.append("# Found interfaces: ").append(list(d.interfaces())).append('\n');
    List<String> left = new ArrayList<>();
    for (String i : d.interfaces()) {
      if (d.notMembers().containsKey(i)) {
        left.add(i + " (" + d.notMembers().get(i) + ")");
      }
    }
    if (!left.isEmpty()) {
      y.append("# Not members (cannot carry a WAN link): ").append(list(left)).append('\n');
    }
    for (PppdProcess p : d.pppds()) {
      y.append(
          String.format(
              "# Found pppd %s: pid %d, device %s, interface %s%s%n",
              p.linkname(),
              p.pid(),
              orNone(p.device()),
              orNone(p.ifname()),
              p.multilink() ? ", multilink" : ""));
    }
    for (Nexthop h : d.nexthops()) {
      y.append("# Found default route via ").append(orNone(h.gateway())).append(" dev ");
      y.append(h.dev()).append('\n');
    }
    for (String p : d.problems()) {
      y.append("# Could not read: ").append(p.replace('\n', ' ')).append('\n');
    }
    if (members.stream().anyMatch(Member::guessed)) {
      y.append("# No pppd and no multipath default route: every interface that can carry a WAN\n");
      y.append("# link is written as a member. Delete the members that are not bonded links.\n");
    }
    y.append("# Review every TODO, then run: bondwatch check-config --config <this file>\n");
    y.append("# (it warns about each placeholder address left in).\n\n");
    y.append("bond:\n");
    y.append("  name: ").append(multilink ? "mp0" : "wan").append('\n');
    y.append("  mode: ").append(multilink ? "multilink" : "weighted");
    y.append(
        multilink
            ? "   # pppd runs: bundle rate = slowest member x count\n"
            : "   # no pppd found: traffic split per flow, rate = sum of members\n");
    String bundle =
        d.pppds().stream().map(PppdProcess::ifname).filter(i -> i != null).findFirst().orElse(null);
    if (bundle == null && mp) {
      bundle = hints.bundle();
    }
    if (bundle != null) {
      y.append("  interface: ").append(q(bundle)).append("   # bundle counters\n");
    }
    if (mp) {
      MultilinkStarter.bondProbe(y, d, hints, bundle);
    }
    if (mp) {
      y.append(MultilinkStarter.PPPD_OPTIONS);
    }
    y.append("members:\n");
    for (Member m : members) {
      y.append("  - name: ").append(q(m.name()));
      y.append(
          m.guessed() ? "   # TODO: delete if " + m.device() + " is not a bonded link\n" : "\n");
      y.append("    interface: ").append(q(m.device()));
      y.append("   # counters from ").append(d.netdevPath()).append('\n');
      y.append("    # capacity: { down: 5.0Mbit, up: 800kbit }   # unset: estimated from peaks\n");
      if (mp && m.pppdDevice() != null) {
        y.append(
            "    # no probe: a multilink member has no IP; judged by its underlay (bond.probe)\n");
      } else {
        y.append("    probe: { target: ").append(q(m.probeTarget()));
        y.append(", interface: ").append(q(m.device())).append(" }");
        y.append(
            m.target() == null
                ? "   # TODO: an address that answers pings through this member only\n"
                : "   # the default-route gateway on this device\n");
      }
      if (m.pppdDevice() != null) {
        y.append("    pppd: { device: ").append(q(m.pppdDevice())).append(" }\n");
      }
    }
    y.append("sources:\n");
    y.append(
        d.pppdLog() == null
            ? "  pppd: { journal: true }   # no syslog file found\n"
            : "  pppd: { log: " + q(d.pppdLog()) + " }\n");
    y.append("  netdev: ").append(q(d.netdevPath())).append('\n');
    y.append(TAIL);
    return y.toString();
  }

  private static final String TAIL =
      """
      probe: { interval: 200ms, timeout: 1s }
      policy:
        down:     { consecutiveLost: 3 }
        degraded: { loss: 10%, rtt: 200ms, window: 30s }
        drop:     { loss: 20%, rtt: 500ms }
        restore:  { consecutiveOk: 10 }
        damping:  { penalty: 1000, halfLife: 2m, suppress: 2500, reuse: 800, maxSuppress: 15m }
      actuator:
        type: dry-run   # changes nothing until you choose ip-route or command
      http: { listen: "0.0.0.0:9469" }
      storage: { dir: /var/lib/bondwatch }
      # reports:
      #   - { name: daily, cron: "0 5 0 * * ?", period: day, formats: [html, csv, json] }
      """;

  private static List<Member> members(Discovered d) {
    List<Member> out = new ArrayList<>();
    for (PppdProcess p : d.pppds()) {
      if (p.device() != null) {
        out.add(new Member(p.linkname(), p.device(), target(d, p.ifname()), p.device(), false));
      }
    }
    if (!out.isEmpty()) {
      return out;
    }
    int n = 1;
    if (d.nexthops().size() >= 2) {
      // a multipath default route says which links are bonded
      for (Nexthop h : d.nexthops()) {
        out.add(new Member("wan" + n++, h.dev(), h.gateway(), null, false));
      }
      return out;
    }
    // otherwise every possible uplink, the default route's first: deleting a member is easier
    // than finding out which one init left out
    Set<String> devices = new LinkedHashSet<>();
    d.nexthops().forEach(h -> devices.add(h.dev()));
    devices.addAll(d.candidates());
    for (String dev : devices) {
      out.add(new Member("wan" + n++, dev, target(d, dev), null, true));
    }
    if (out.isEmpty()) {
      out.add(new Member("wan1", "eth0", null, null, true));
    }
    return out;
  }

  private static String target(Discovered d, String ifname) {
    for (Nexthop h : d.nexthops()) {
      if (h.dev().equals(ifname) && h.gateway() != null) {
        return h.gateway();
      }
    }
    return null;
  }

  static String q(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  private static String orNone(String s) {
    return s == null ? "unknown" : s;
  }

  private static String list(List<String> items) {
    return items.isEmpty() ? "none" : String.join(", ", items);
  }
}
