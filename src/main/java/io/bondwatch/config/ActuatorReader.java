package io.bondwatch.config;

import java.util.List;

/**
 * Reads {@code actuator:} and the entries of {@code reports:}, the sections later issues act on.
 */
final class ActuatorReader {
  private ActuatorReader() {}

  static ActuatorConfig actuator(YamlValue value) {
    YamlMap m = value.map("type", "route", "drop", "restore", "weight", "timeout");
    if (m == null) {
      return null;
    }
    ActuatorConfig d = ActuatorConfig.defaults();
    ActuatorType type = m.get("type", Parsers.oneOf(ActuatorType.class), d.type());
    ActuatorRoute route = m.section("route", ActuatorReader::route, d.route());
    List<String> drop = m.section("drop", ActuatorReader::argv, List.of());
    List<String> restore = m.section("restore", ActuatorReader::argv, List.of());
    List<String> weight = m.section("weight", ActuatorReader::argv, List.of());
    var timeout = m.get("timeout", Durations::parse, d.commands().timeout());
    return m.build(
        () ->
            new ActuatorConfig(type, route, new CommandTemplates(drop, restore, weight, timeout)));
  }

  private static ActuatorRoute route(YamlValue value) {
    YamlMap m = value.map("destination", "table");
    if (m == null) {
      return null;
    }
    ActuatorRoute d = ActuatorRoute.defaults();
    String destination = m.get("destination", Parsers::text, d.destination());
    String table = m.get("table", Parsers::text, d.table());
    return m.build(() -> new ActuatorRoute(destination, table));
  }

  private static List<String> argv(YamlValue value) {
    List<String> argv = value.listOfValues(text -> text);
    if (argv != null && argv.isEmpty()) {
      value.problem("must not be empty; leave the key out instead");
      return null;
    }
    return argv;
  }

  static ReportConfig report(YamlValue value) {
    YamlMap m = value.map("name", "cron", "period", "formats");
    if (m == null) {
      return null;
    }
    String name = m.required("name", Parsers::name);
    String cron = m.required("cron", Cron::parse);
    ReportPeriod period = m.required("period", Parsers.oneOf(ReportPeriod.class));
    List<ReportFormat> formats =
        m.requiredSection("formats", v -> v.listOfValues(Parsers.oneOf(ReportFormat.class)));
    return m.build(() -> new ReportConfig(name, cron, period, formats));
  }
}
