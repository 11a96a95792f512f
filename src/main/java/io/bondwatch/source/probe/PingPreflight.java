package io.bondwatch.source.probe;

import io.bondwatch.os.BoundedCommand;
import io.bondwatch.time.Durations;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Checks once, before any member starts, that ping exists, is iputils and may probe here. */
final class PingPreflight {
  private static final Logger log = LoggerFactory.getLogger(PingPreflight.class);
  private static final List<String> NOT_PERMITTED =
      List.of(
          "operation not permitted",
          "permission denied",
          "cannot flood",
          "minimal interval",
          "cap_net_raw");

  /** How long one check may take: a ping that prints nothing and never exits must not hang us. */
  static final Duration LIMIT = Duration.ofSeconds(10);

  private PingPreflight() {}

  static void check(PingSettings settings) {
    check(settings, LIMIT);
  }

  static void check(PingSettings settings, Duration limit) {
    String exe = settings.command().get(0);
    if (resolve(exe) == null) {
      throw new ProbeUnavailableException(
          "'"
              + exe
              + "' not found "
              + (exe.contains("/") ? "or not executable" : "on PATH")
              + ": install iputils-ping");
    }
    List<String> version = new ArrayList<>(settings.command());
    version.add("-V");
    String v = run(version, limit);
    if (!v.toLowerCase(Locale.ROOT).contains("iputils")) {
      throw new ProbeUnavailableException(
          "'"
              + exe
              + "' is not iputils ping (it says '"
              + firstLine(v)
              + "'): bondwatch needs iputils for -O and -D");
    }
    // binding to a device and the configured interval are what needs privilege; loopback only
    List<String> self = new ArrayList<>(settings.command());
    self.addAll(
        List.of(
            "-n",
            "-c",
            "1",
            "-W",
            "1",
            "-i",
            PingSettings.seconds(settings.interval()),
            "-I",
            "lo",
            "127.0.0.1"));
    String out = run(self, limit);
    String lower = out.toLowerCase(Locale.ROOT);
    if (NOT_PERMITTED.stream().anyMatch(lower::contains)) {
      throw new ProbeUnavailableException(
          "ping may not probe as this user ("
              + firstLine(out)
              + "): run bondwatch as root or give it CAP_NET_RAW");
    }
    if (!out.contains(" bytes from ")) {
      log.warn("ping self-test on loopback got no reply ({}); probing anyway", firstLine(out));
    }
  }

  private static Path resolve(String exe) {
    if (exe.contains("/")) {
      Path p = Path.of(exe);
      return Files.isExecutable(p) ? p : null;
    }
    for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, exe))) {
        return Path.of(dir, exe);
      }
    }
    return null;
  }

  /** Runs a check to its end and returns its merged output, waiting at most {@code limit}. */
  private static String run(List<String> argv, Duration limit) {
    BoundedCommand.Result r;
    try {
      r = BoundedCommand.run(argv, limit, true);
    } catch (IOException e) {
      throw new ProbeUnavailableException("cannot run " + argv.get(0) + ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ProbeUnavailableException("interrupted while checking " + argv.get(0));
    }
    if (r.timedOut()) {
      String said = r.firstLine();
      throw new ProbeUnavailableException(
          "'"
              + String.join(" ", argv)
              + "' did not finish within "
              + Durations.human(limit)
              + (said.isEmpty() ? " and printed nothing" : " (it said '" + said + "')")
              + ": is this a working iputils ping?");
    }
    return r.output();
  }

  private static String firstLine(String s) {
    String t = s.strip();
    int nl = t.indexOf('\n');
    return nl < 0 ? t : t.substring(0, nl).strip();
  }
}
