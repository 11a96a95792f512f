package io.bondwatch.app;

import io.bondwatch.config.BondwatchConfig;
import io.bondwatch.config.ConfigProblem;
import io.bondwatch.config.ConfigResult;
import io.bondwatch.time.TimeSource;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bondwatch run}: the service on real links. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = {
      "Run the service on real links.",
      // one string per paragraph: picocli wraps them to the terminal's width
      "Probes every member with ping, follows pppd's log, /proc/net/dev and its devices' link"
          + " state (ip monitor), and serves /metrics, /api/v1/status and the status page on"
          + " http.listen. Placeholders left in the config"
          + " (see check-config) are logged as warnings at start.",
      "Stops cleanly on SIGTERM or SIGINT (exit 0); SIGHUP is logged and ignored (no reload"
          + " yet). Exit 2: invalid config; 1: could not start.",
      "Not acted on yet (validated only): actuator, policy.drop, policy.damping, reports. The"
          + " actuator is effectively dry-run: bondwatch observes and reports, it changes nothing."
    })
public final class RunCommand implements Callable<Integer> {
  private static final Logger log = LoggerFactory.getLogger(RunCommand.class);

  @Option(
      names = "--config",
      paramLabel = "FILE",
      defaultValue = "/etc/bondwatch/bondwatch.yml",
      description = "Configuration file (default: ${DEFAULT-VALUE}).")
  Path config;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    ConfigResult.Valid valid = ConfigCli.loadOrReport(config, err);
    if (valid == null) {
      return 2;
    }
    for (ConfigProblem w : valid.warnings()) {
      log.warn("config {}: {}", config, w.render());
    }
    BondwatchConfig cfg = valid.config();
    return Service.runUntilStopped(
        err,
        () ->
            Wiring.start(
                cfg,
                TimeSource.SYSTEM,
                Probers.ping(cfg, TimeSource.SYSTEM),
                LinkWatches.monitor(TimeSource.SYSTEM),
                cfg.http().port()));
  }
}
