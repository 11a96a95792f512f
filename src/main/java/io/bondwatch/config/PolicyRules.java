package io.bondwatch.config;

import static io.bondwatch.config.ConfigRules.problem;

import java.time.Duration;
import java.util.List;

/**
 * The rules between the keys of {@code policy:} and {@code probe:}, part of {@link ConfigRules}.
 *
 * <p>Decisions worth knowing:
 *
 * <ul>
 *   <li>{@code restore.consecutiveOk} must exceed {@code down.consecutiveLost}, the configured
 *       minimum, but not the adaptive ceiling {@code maxConsecutiveLost}: the adaptive threshold
 *       only rises on members with high baseline loss, where demanding an even longer good run
 *       would keep them out almost for good. (The defaults, 10 and 15, rely on this.)
 *   <li>{@code degraded.window} must hold at least {@value #MIN_PROBES_PER_WINDOW} probes, or its
 *       loss figure moves in steps too coarse to compare with a threshold, and at most {@value
 *       #MAX_PROBES_PER_WINDOW}, since every probe in it is kept in memory (on a small router).
 *   <li>Damping must be able to suppress at all: RFC 2439 caps the penalty at {@code reuse *
 *       2^(maxSuppress / halfLife)}, which must exceed {@code suppress}.
 * </ul>
 */
final class PolicyRules {
  static final int MIN_PROBES_PER_WINDOW = 10;
  static final int MAX_PROBES_PER_WINDOW = 100_000;

  private PolicyRules() {}

  static void check(BondwatchConfig config, List<ConfigProblem> problems) {
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
    window(config.policy().degraded().window(), config.probe().interval(), problems);
    damping(p.damping(), problems);
  }

  private static void window(Duration window, Duration interval, List<ConfigProblem> problems) {
    long probes = window.toNanos() / interval.toNanos();
    String atInterval = " probes at probe.interval " + Durations.format(interval);
    if (probes < MIN_PROBES_PER_WINDOW) {
      problems.add(
          problem(
              "policy.degraded.window",
              String.format(
                  "%s must hold at least %d%s: make it at least %s",
                  Durations.format(window),
                  MIN_PROBES_PER_WINDOW,
                  atInterval,
                  Durations.format(interval.multipliedBy(MIN_PROBES_PER_WINDOW)))));
    } else if (probes > MAX_PROBES_PER_WINDOW) {
      problems.add(
          problem(
              "policy.degraded.window",
              String.format(
                  "%s would hold %d%s; each is kept in memory, so at most %d: shorten the window"
                      + " or probe less often",
                  Durations.format(window), probes, atInterval, MAX_PROBES_PER_WINDOW)));
    }
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
}
