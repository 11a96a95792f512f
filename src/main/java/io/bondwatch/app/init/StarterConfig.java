package io.bondwatch.app.init;

import java.util.ArrayList;
import java.util.List;

/** Renders what was discovered as the commented YAML config of DESIGN.md 3.2. Pure. */
public final class StarterConfig {
  /** TEST-NET-1: a valid address that reaches nobody, for probe targets init cannot know. */
  static final String PLACEHOLDER_TARGET = "192.0.2.1";

  /** A member to write; {@code target} null when no gateway told init where to probe. */
  private record Member(String name, String device, String target, String pppdDevice) {
    String probeTarget() {
      return target == null ? PLACEHOLDER_TARGET : target;
    }
  }

  private StarterConfig() {}

  public static String render(Discovered d) {
    List<Member> members = members(d);
    boolean multilink = !d.pppds().isEmpty();
    StringBuilder y = new StringBuilder();
    y.append("# bondwatch configuration written by `bondwatch init`.\n");
    y.append("# Found interfaces: ").append(list(d.interfaces())).append('\n');
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
    y.append("# Review every TODO, then run: bondwatch check-config --config <this file>\n\n");
    y.append("bond:\n");
    y.append("  name: ").append(multilink ? "mp0" : "wan").append('\n');
    y.append("  mode: ").append(multilink ? "multilink" : "weighted");
    y.append(
        multilink
            ? "   # pppd runs: bundle rate = slowest member x count\n"
            : "   # no pppd found: traffic split per flow, rate = sum of members\n");
    String bundle =
        d.pppds().stream().map(PppdProcess::ifname).filter(i -> i != null).findFirst().orElse(null);
    if (bundle != null) {
      y.append("  interface: ").append(q(bundle)).append("   # bundle counters\n");
    }
    y.append("members:\n");
    for (Member m : members) {
      y.append("  - name: ").append(q(m.name())).append('\n');
      y.append("    interface: ").append(q(m.device()));
      y.append("   # counters from ").append(d.netdevPath()).append('\n');
      y.append("    # capacity: { down: 5.0Mbit, up: 800kbit }   # unset: estimated from peaks\n");
      y.append("    probe: { target: ").append(q(m.probeTarget()));
      y.append(", interface: ").append(q(m.device())).append(" }");
      y.append(
          m.target() == null
              ? "   # TODO: an address that answers pings through this member only\n"
              : "   # the default-route gateway on this device\n");
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
    int n = 1;
    for (PppdProcess p : d.pppds()) {
      if (p.device() == null) {
        continue;
      }
      out.add(new Member(p.linkname(), p.device(), target(d, p.ifname()), p.device()));
    }
    if (out.isEmpty()) {
      for (Nexthop h : d.nexthops()) {
        out.add(new Member("wan" + n++, h.dev(), h.gateway(), null));
      }
    }
    if (out.isEmpty() && !d.interfaces().isEmpty()) {
      String dev = d.interfaces().get(0);
      out.add(new Member("wan1", dev, null, null));
    }
    if (out.isEmpty()) {
      out.add(new Member("wan1", "eth0", null, null));
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

  private static String q(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  private static String orNone(String s) {
    return s == null ? "unknown" : s;
  }

  private static String list(List<String> items) {
    return items.isEmpty() ? "none" : String.join(", ", items);
  }
}
