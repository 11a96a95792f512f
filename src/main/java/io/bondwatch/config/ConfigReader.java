package io.bondwatch.config;

import java.util.List;

/** Reads the top level and the small sections of the YAML tree into records. */
final class ConfigReader {
  private ConfigReader() {}

  static BondwatchConfig read(YamlValue root) {
    YamlMap m =
        root.map(
            "bond",
            "members",
            "sources",
            "probe",
            "policy",
            "actuator",
            "http",
            "storage",
            "reports");
    if (m == null) {
      return null;
    }
    BondConfig bond = m.requiredSection("bond", ConfigReader::bond);
    List<MemberConfig> members = m.requiredSection("members", v -> v.listOf(MemberReader::member));
    SourcesConfig sources = m.section("sources", ConfigReader::sources, SourcesConfig.defaults());
    ProbeConfig probe = m.section("probe", ConfigReader::probe, ProbeConfig.defaults());
    PolicyConfig policy = m.section("policy", PolicyReader::policy, PolicyConfig.defaults());
    ActuatorConfig actuator =
        m.section("actuator", ActuatorReader::actuator, ActuatorConfig.defaults());
    HttpConfig http = m.section("http", ConfigReader::http, HttpConfig.defaults());
    StorageConfig storage = m.section("storage", ConfigReader::storage, StorageConfig.defaults());
    List<ReportConfig> reports =
        m.section("reports", v -> v.listOf(ActuatorReader::report), List.of());
    return m.build(
        () ->
            new BondwatchConfig(
                bond, members, sources, probe, policy, actuator, http, storage, reports));
  }

  private static BondConfig bond(YamlValue value) {
    YamlMap m = value.map("name", "mode", "interface", "probe");
    if (m == null) {
      return null;
    }
    String name = m.required("name", Parsers::name);
    BondMode mode = m.get("mode", Parsers.oneOf(BondMode.class), BondConfig.DEFAULT_MODE);
    String iface = m.get("interface", Parsers::interfaceName, null);
    BondProbe probe = m.section("probe", ConfigReader::bondProbe, null);
    return m.build(() -> new BondConfig(name, mode, iface, probe));
  }

  private static BondProbe bondProbe(YamlValue value) {
    YamlMap m = value.map("target");
    if (m == null) {
      return null;
    }
    String target = m.required("target", Parsers::host);
    return m.build(() -> new BondProbe(target));
  }

  private static SourcesConfig sources(YamlValue value) {
    YamlMap m = value.map("pppd", "netdev");
    if (m == null) {
      return null;
    }
    PppdSource pppd = m.section("pppd", ConfigReader::pppd, null);
    var netdev = m.get("netdev", Parsers::absolutePath, SourcesConfig.DEFAULT_NETDEV);
    return m.build(() -> new SourcesConfig(pppd, netdev));
  }

  private static PppdSource pppd(YamlValue value) {
    YamlMap m = value.map("log", "journal");
    if (m == null) {
      return null;
    }
    var log = m.get("log", Parsers::absolutePath, null);
    Boolean journal = m.get("journal", Parsers::bool, false);
    return m.build(() -> new PppdSource(log, journal));
  }

  private static ProbeConfig probe(YamlValue value) {
    YamlMap m = value.map("interval", "timeout");
    if (m == null) {
      return null;
    }
    ProbeConfig d = ProbeConfig.defaults();
    var interval = m.get("interval", Durations::parse, d.interval());
    var timeout = m.get("timeout", Durations::parse, d.timeout());
    return m.build(() -> new ProbeConfig(interval, timeout));
  }

  private static HttpConfig http(YamlValue value) {
    YamlMap m = value.map("listen");
    if (m == null) {
      return null;
    }
    HttpConfig listen = m.get("listen", HttpConfig::parseListen, HttpConfig.defaults());
    return m.build(() -> listen);
  }

  private static StorageConfig storage(YamlValue value) {
    YamlMap m = value.map("dir");
    if (m == null) {
      return null;
    }
    var dir = m.get("dir", Parsers::absolutePath, StorageConfig.DEFAULT_DIR);
    return m.build(() -> new StorageConfig(dir));
  }
}
