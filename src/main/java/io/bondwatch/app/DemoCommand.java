package io.bondwatch.app;

import io.bondwatch.config.BondwatchConfig;
import io.bondwatch.source.probe.SimulatedProber.Condition;
import io.bondwatch.source.probe.SimulatedProber.LinkScript;
import io.bondwatch.time.TimeSource;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bondwatch demo}: the real service on two simulated members, for a first look without root
 * or DSL lines. dsl1 is steady; dsl2 loses its link for 15 s every two minutes and later flaps, so
 * states, flaps and rates change in the first minute.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = {
      "Run the real service on two simulated members (no root, no DSL needed).",
      "dsl1 is steady. dsl2 loses its link at 25 s for 15 s, then flaps (3 s down, 4 s up)",
      "from 70 s to 95 s; the script repeats every 120 s. Watch http://127.0.0.1:PORT/,",
      "/metrics and /api/v1/status."
    })
public final class DemoCommand implements Callable<Integer> {
  static final double CYCLE_SECONDS = 120;

  @Option(
      names = "--port",
      paramLabel = "N",
      defaultValue = "9469",
      description = "HTTP port on 127.0.0.1 (default: ${DEFAULT-VALUE}; 0 picks a free one).")
  int port;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    BondwatchConfig cfg = demoConfig();
    Map<String, LinkScript> scripts =
        Map.of("dsl1", DemoCommand::steady, "dsl2", DemoCommand::troubled);
    return Service.runUntilStopped(
        err,
        () ->
            Wiring.start(
                cfg, TimeSource.SYSTEM, Probers.simulated(cfg, TimeSource.SYSTEM, scripts), port));
  }

  static BondwatchConfig demoConfig() {
    return ConfigCli.resource("demo.yml");
  }

  static Condition steady(double seconds) {
    return Condition.ok(11, 0.002);
  }

  static Condition troubled(double seconds) {
    double t = seconds % CYCLE_SECONDS;
    if (t >= 25 && t < 40) {
      return Condition.ok(18, 1.0);
    }
    if (t >= 70 && t < 95) {
      return (t - 70) % 7 < 3 ? Condition.ok(18, 1.0) : Condition.ok(18, 0.01);
    }
    return Condition.ok(18, 0.005);
  }
}
