package io.bondwatch.config;

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
    YamlMap m = value.map("target", "interface");
    if (m == null) {
      return null;
    }
    String target = m.required("target", Parsers::host);
    String iface = m.get("interface", Parsers::interfaceName, memberInterface);
    if (iface == null) {
      // the member's own interface is bad and already reported; the member is dropped anyway
      return null;
    }
    return m.build(() -> new MemberProbe(target, iface));
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
