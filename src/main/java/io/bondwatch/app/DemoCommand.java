package io.bondwatch.app;

import io.bondwatch.config.BondwatchConfig;
import io.bondwatch.config.ConfigLoader;
import io.bondwatch.config.ConfigResult;
import io.bondwatch.source.probe.SimulatedProber.Condition;
import io.bondwatch.source.probe.SimulatedProber.LinkScript;
import io.bondwatch.time.TimeSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bondwatch demo}: the real service on two simulated members, for a first look without root
 * or DSL lines. Probes, /proc/net/dev and pppd's syslog are simulated; everything after them is the
 * real service.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = {
      "Run the real service on two simulated members (no root, no DSL needed).",
      // one string per paragraph: picocli wraps them to the terminal's width
      "dsl1 (5 Mbit/s down) is steady. dsl2 (6 Mbit/s down) loses its link 25 s after start"
          + " for 15 s, then flaps (3 s dead, 4 s alive) from 70 s to 95 s; the script repeats"
          + " every 120 s. After 4 s of the long outage its simulated pppd reports an LCP echo"
          + " failure, and a new pppd rejoins the bundle when the link is back. Simulated traffic"
          + " fills both lines.",
      "Watch http://127.0.0.1:PORT/ (status page), /metrics and /api/v1/status; the URL is"
          + " printed at start. Stops cleanly on SIGTERM or Ctrl-C."
    })
public final class DemoCommand implements Callable<Integer> {
  static final double CYCLE_SECONDS = 120;
  private static final double MBIT = 1e6 / 8;

  @Option(
      names = "--port",
      paramLabel = "N",
      defaultValue = "9469",
      description = "HTTP port on 127.0.0.1 (default: ${DEFAULT-VALUE}; 0 picks a free one).")
  int port;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    if (port < 0 || port > 65535) {
      throw new CommandLine.ParameterException(
          spec.commandLine(),
          "Invalid value for option '--port': " + port + " is not a port (0 to 65535)");
    }
    PrintWriter err = spec.commandLine().getErr();
    Path work = Files.createTempDirectory("bondwatch-demo-");
    work.toFile().deleteOnExit();
    SimulatedNetDev netdev =
        new SimulatedNetDev(
            work.resolve("net-dev"),
            List.of(
                new SimulatedNetDev.Device("sim1", t -> 4.6 * MBIT, t -> 0.7 * MBIT),
                new SimulatedNetDev.Device(
                    "sim2", t -> alive(t) ? 5.5 * MBIT : 0, t -> alive(t) ? 0.45 * MBIT : 0),
                new SimulatedNetDev.Device(
                    "demo0",
                    t -> (alive(t) ? 9.2 : 4.6) * MBIT,
                    t -> (alive(t) ? 0.9 : 0.7) * MBIT)));
    netdev.writeAt(0);
    SimulatedPppdLog pppd =
        new SimulatedPppdLog(
            work.resolve("messages"),
            List.of(
                new SimulatedPppdLog.Link("sim1", t -> true),
                new SimulatedPppdLog.Link("sim2", DemoCommand::alive)));
    Files.writeString(pppd.file(), "");
    BondwatchConfig cfg = demoConfig(netdev.file(), pppd.file(), work.resolve("state"));
    Map<String, LinkScript> scripts =
        Map.of("dsl1", DemoCommand::steady, "dsl2", DemoCommand::troubled);
    TimeSource time = TimeSource.SYSTEM;
    long start = time.monotonicNanos();
    return Service.runUntilStopped(
        err,
        () -> {
          Wiring w = Wiring.start(cfg, time, Probers.simulated(cfg, time, scripts), port);
          // the bound port: with --port 0 the one the system picked
          err.println("bondwatch demo: http://127.0.0.1:" + w.httpPort() + "/ (Ctrl-C stops)");
          err.flush();
          w.every("demo netdev", () -> netdev.writeAt((time.monotonicNanos() - start) / 1e9));
          w.every(
              "demo pppd log",
              () ->
                  pppd.writeAt(
                      (time.monotonicNanos() - start) / 1e9,
                      SimulatedPppdLog.utc(time.wallTime())));
          return w;
        });
  }

  /** The demo's config: the shipped demo.yml with this run's files and state directory. */
  static BondwatchConfig demoConfig(Path netdev, Path pppdLog, Path state) {
    try (InputStream in = DemoCommand.class.getResourceAsStream("demo.yml")) {
      String yaml =
          new String(in.readAllBytes(), StandardCharsets.UTF_8)
              .replace("NETDEV", netdev.toString())
              .replace("PPPDLOG", pppdLog.toString())
              .replace("STATEDIR", state.toString());
      ConfigResult r = ConfigLoader.parse(yaml, "demo.yml");
      if (r instanceof ConfigResult.Valid v) {
        return v.config();
      }
      throw new IllegalStateException("built-in demo.yml is invalid: " + r.problems());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Condition steady(double seconds) {
    return Condition.ok(11, 0.002);
  }

  static boolean alive(double seconds) {
    double t = seconds % CYCLE_SECONDS;
    if (t >= 25 && t < 40) {
      return false;
    }
    return !(t >= 70 && t < 95 && (t - 70) % 7 < 3);
  }

  static Condition troubled(double seconds) {
    return alive(seconds) ? Condition.ok(18, 0.005) : Condition.ok(18, 1.0);
  }
}
