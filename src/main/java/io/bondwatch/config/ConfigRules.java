package io.bondwatch.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Every rule that spans more than one record, in one place. (A record's own invariants, such as
 * {@code sources.pppd} having exactly one of log/journal, are checked by the record.) Problems
 * carry key paths; {@link ConfigLoader} adds the lines.
 *
 * <p>Decisions worth knowing:
 *
 * <ul>
 *   <li>{@code restore.consecutiveOk} must exceed {@code down.consecutiveLost}, the configured
 *       minimum, but not the adaptive ceiling {@code maxConsecutiveLost}: the adaptive threshold
 *       only rises on members with high baseline loss, where demanding an even longer good run
 *       would keep them out almost for good. (The defaults, 10 and 15, rely on this.)
 *   <li>{@code degraded.window} must hold at least {@value #MIN_PROBES_PER_WINDOW} probes, or its
 *       loss figure moves in steps too coarse to compare with a threshold.
 *   <li>Damping must be able to suppress at all: RFC 2439 caps the penalty at {@code reuse *
 *       2^(maxSuppress / halfLife)}, which must exceed {@code suppress}.
 * </ul>
 */
public final class ConfigRules {
  static final int MIN_PROBES_PER_WINDOW = 10;

  private ConfigRules() {}

  public static List<ConfigProblem> check(BondwatchConfig config) {
    List<ConfigProblem> problems = new ArrayList<>();
    members(config, problems);
    policy(config, problems);
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

  private static void policy(BondwatchConfig config, List<ConfigProblem> problems) {
    PolicyConfig p = config.policy();
    if (p.restore().consecutiveOk() <= p.down().consecutiveLost()) {
      problems.add(
          problem(
              "policy.restore.consecutiveOk",
              p.restore().consecutiveOk()
                  + " must be greater than policy.down.consecutiveLost ("
                  + p.down().consecutiveLost()
                  + "), so that a member stays good longer before it is restored than it takes to call it down"));
    }
    if (p.degraded().loss().value() >= p.drop().loss().value()) {
      problems.add(
          problem(
              "policy.degraded.loss",
              p.degraded().loss() + " must be below policy.drop.loss (" + p.drop().loss() + ")"));
    }
    if (p.degraded().rtt().compareTo(p.drop().rtt()) >= 0) {
      problems.add(
          problem(
              "policy.degraded.rtt",
              Durations.format(p.degraded().rtt())
                  + " must be below policy.drop.rtt ("
                  + Durations.format(p.drop().rtt())
                  + ")"));
    }
    Duration minWindow = config.probe().interval().multipliedBy(MIN_PROBES_PER_WINDOW);
    if (p.degraded().window().compareTo(minWindow) < 0) {
      problems.add(
          problem(
              "policy.degraded.window",
              Durations.format(p.degraded().window())
                  + " must hold at least "
                  + MIN_PROBES_PER_WINDOW
                  + " probes at probe.interval "
                  + Durations.format(config.probe().interval())
                  + ": make it at least "
                  + Durations.format(minWindow)));
    }
    damping(p.damping(), problems);
  }

  private static void damping(DampingPolicy d, List<ConfigProblem> problems) {
    if (d.reuse() >= d.suppress()) {
      problems.add(
          problem(
              "policy.damping.reuse",
              Numbers.format(d.reuse())
                  + " must be below policy.damping.suppress ("
                  + Numbers.format(d.suppress())
                  + ")"));
    } else if (d.ceiling() <= d.suppress()) {
      problems.add(
          problem(
              "policy.damping.suppress",
              Numbers.format(d.suppress())
                  + " can never be reached: the penalty is capped at reuse x 2^(maxSuppress/halfLife) = "
                  + Numbers.format(Math.floor(d.ceiling()))
                  + "; raise maxSuppress or lower suppress"));
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

  private static ConfigProblem problem(String path, String message) {
    return new ConfigProblem(path, message, 0);
  }
}
