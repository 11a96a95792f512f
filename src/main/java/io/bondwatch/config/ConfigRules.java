package io.bondwatch.config;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Every rule that spans more than one record, in one place. (A record's own invariants, such as
 * {@code sources.pppd} having exactly one of log/journal, are checked by the record.) Problems
 * carry key paths; {@link ConfigLoader} adds the lines. The policy's rules are in {@link
 * PolicyRules}.
 */
public final class ConfigRules {
  private ConfigRules() {}

  public static List<ConfigProblem> check(BondwatchConfig config) {
    List<ConfigProblem> problems = new ArrayList<>();
    members(config, problems);
    multilinkProbes(config, problems);
    PolicyRules.check(config, problems);
    actuator(config, problems);
    unique(config.reports(), ReportConfig::name, "reports", "name", problems);
    return List.copyOf(problems);
  }

  private static void members(BondwatchConfig config, List<ConfigProblem> problems) {
    List<MemberConfig> members = config.members();
    if (members.isEmpty()) {
      problems.add(problem("members", "must list at least one member"));
    }
    unique(members, MemberConfig::name, "members", "name", problems);
    unique(members, MemberConfig::interfaceName, "members", "interface", problems);
    unique(
        members,
        m -> m.pppd() == null ? null : m.pppd().device(),
        "members",
        "pppd.device",
        problems);
    unique(
        members,
        m -> m.pppd() == null ? null : m.pppd().ifname(),
        "members",
        "pppd.ifname",
        problems);
    unique(
        members,
        m -> m.pppd() == null ? null : m.pppd().linkname(),
        "members",
        "pppd.linkname",
        problems);
    String bondInterface = config.bond().interfaceName();
    for (int i = 0; i < members.size(); i++) {
      if (members.get(i).interfaceName().equals(bondInterface)) {
        problems.add(
            problem(
                "bond.interface",
                "'"
                    + bondInterface
                    + "' is also members["
                    + i
                    + "].interface; the bond interface is the bundle (e.g. ppp0)"));
      }
    }
  }

  /**
   * A member may leave out its probe only as a multilink member without an IP of its own, judged by
   * its underlay and the bundle probe (DESIGN.md 1b); the bundle probe leaves through the bundle.
   */
  private static void multilinkProbes(BondwatchConfig config, List<ConfigProblem> problems) {
    BondConfig bond = config.bond();
    if (bond.probe() != null && bond.interfaceName() == null) {
      problems.add(
          problem(
              "bond.interface",
              "is required by bond.probe: the bundle interface its pings leave through (e.g. ppp0)"));
    }
    boolean mp = bond.mode() == BondMode.MULTILINK && bond.probe() != null;
    List<MemberConfig> members = config.members();
    for (int i = 0; i < members.size(); i++) {
      if (members.get(i).probe() == null && !mp) {
        problems.add(
            problem(
                "members[" + i + "].probe",
                "is required unless bond.mode is multilink with a bond.probe (a multilink member"
                    + " without an IP of its own is judged by its underlay; docs/multilink.md)"));
      }
    }
  }

  private static void actuator(BondwatchConfig config, List<ConfigProblem> problems) {
    ActuatorConfig a = config.actuator();
    if (a.type() == ActuatorType.IP_ROUTE) {
      List<MemberConfig> members = config.members();
      for (int i = 0; i < members.size(); i++) {
        if (members.get(i).route() == null) {
          problems.add(
              problem(
                  "members[" + i + "].route",
                  "is required by actuator.type ip-route: route: { via: <gateway address>, dev: <interface> }"));
        }
      }
    }
    if (a.type() == ActuatorType.COMMAND) {
      CommandTemplates c = a.commands();
      if (c.drop().isEmpty()) {
        problems.add(
            problem(
                "actuator.drop",
                "is required by actuator.type command, e.g. drop: [poff, \"{member}\"]"));
      }
      if (c.restore().isEmpty()) {
        problems.add(
            problem(
                "actuator.restore",
                "is required by actuator.type command, e.g. restore: [pon, \"{member}\"]"));
      }
      if (c.weight().isEmpty() && config.bond().mode() == BondMode.WEIGHTED) {
        problems.add(
            problem(
                "actuator.weight",
                "is required by actuator.type command with bond.mode weighted, e.g. weight: [set-weight, \"{member}\", \"{weight}\"]"));
      }
    }
  }

  /** Reports every item whose {@code key} repeats an earlier item's (null keys are skipped). */
  private static <T> void unique(
      List<T> items,
      Function<T, String> key,
      String list,
      String field,
      List<ConfigProblem> problems) {
    Map<String, Integer> first = new HashMap<>();
    for (int i = 0; i < items.size(); i++) {
      String value = key.apply(items.get(i));
      if (value == null) {
        continue;
      }
      Integer earlier = first.putIfAbsent(value, i);
      if (earlier != null) {
        problems.add(
            problem(
                list + "[" + i + "]." + field,
                "'"
                    + value
                    + "' is already used by "
                    + list
                    + "["
                    + earlier
                    + "]; each "
                    + field
                    + " must be unique"));
      }
    }
  }

  static ConfigProblem problem(String path, String message) {
    return new ConfigProblem(path, message, 0);
  }
}
