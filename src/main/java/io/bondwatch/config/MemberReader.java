package io.bondwatch.config;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads one entry of {@code members:}. */
final class MemberReader {
  private MemberReader() {}

  static MemberConfig member(YamlValue value) {
    YamlMap m = value.map("name", "interface", "capacity", "probe", "pppd", "route", "maxRate");
    if (m == null) {
      return null;
    }
    String name = m.required("name", Parsers::name);
    String iface = m.required("interface", Parsers::interfaceName);
    Capacity capacity = m.section("capacity", MemberReader::capacity, null);
    // optional for a multilink member without an IP of its own: ConfigRules says when
    MemberProbe probe = m.section("probe", v -> probe(v, iface), null);
    PppdMatch pppd = m.section("pppd", MemberReader::pppd, null);
    RouteConfig route = m.section("route", MemberReader::route, null);
    Rate maxRate = m.get("maxRate", Rate::parse, null);
    return m.build(() -> new MemberConfig(name, iface, capacity, probe, pppd, route, maxRate));
  }

  private static Capacity capacity(YamlValue value) {
    YamlMap m = value.map("down", "up");
    if (m == null) {
      return null;
    }
    Rate down = m.get("down", Rate::parse, null);
    Rate up = m.get("up", Rate::parse, null);
    return m.build(() -> new Capacity(down, up));
  }

  private static MemberProbe probe(YamlValue value, String memberInterface) {
    YamlMap m = value.map("target", "targets", "quorum", "interface");
    if (m == null) {
      return null;
    }
    List<String> targets = targets(m);
    Integer quorum = m.get("quorum", Numbers::wholeNumber, 1);
    String iface = m.get("interface", Parsers::interfaceName, memberInterface);
    if (iface == null) {
      // the member's own interface is bad and already reported; the member is dropped anyway
      return null;
    }
    return m.build(() -> new MemberProbe(targets, quorum, iface));
  }

  /** {@code target: a} or {@code targets: [a, b]}, exactly one of them; null when reported. */
  private static List<String> targets(YamlMap m) {
    if (!m.has("targets")) {
      String target = m.required("target", Parsers::host);
      return target == null ? null : List.of(target);
    }
    List<String> targets = m.section("targets", MemberReader::targetList, null);
    if (m.has("target")) {
      return m.section(
          "targets",
          v -> {
            v.problem(
                "cannot be given with target: write target: a for one, targets: [a, b] for several");
            return null;
          },
          null);
    }
    return targets;
  }

  /** Each item a host, none twice (as the same address written differently, too). */
  private static List<String> targetList(YamlValue value) {
    Map<String, Integer> first = new HashMap<>();
    int[] index = {0};
    return value.listOf(
        item -> {
          int i = index[0]++;
          String target = item.as(Parsers::host);
          if (target == null) {
            return null;
          }
          Integer earlier = first.putIfAbsent(Hosts.canonical(target), i);
          if (earlier != null) {
            item.problem(
                YamlValue.quote(target)
                    + " is already targets["
                    + earlier
                    + "]; list each target once");
            return null;
          }
          return target;
        });
  }

  private static PppdMatch pppd(YamlValue value) {
    YamlMap m = value.map("device", "ifname", "linkname");
    if (m == null) {
      return null;
    }
    String device = m.get("device", Parsers::interfaceName, null);
    String ifname = m.get("ifname", Parsers::interfaceName, null);
    String linkname = m.get("linkname", Parsers::name, null);
    return m.build(() -> new PppdMatch(device, ifname, linkname));
  }

  private static RouteConfig route(YamlValue value) {
    YamlMap m = value.map("via", "dev");
    if (m == null) {
      return null;
    }
    String via = m.required("via", Parsers::ipAddress);
    String dev = m.required("dev", Parsers::interfaceName);
    return m.build(() -> new RouteConfig(via, dev));
  }
}
