package io.bondwatch.source.probe;

import io.bondwatch.time.Durations;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
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

  /**
   * Runs a check to its end and returns its merged output. The output is read on a thread of its
   * own so that the wait below is bounded even when the command prints nothing and hangs.
   */
  private static String run(List<String> argv, Duration limit) {
    String command = String.join(" ", argv);
    Process p;
    try {
      p = new ProcessBuilder(argv).redirectErrorStream(true).start();
      p.getOutputStream().close();
    } catch (IOException e) {
      throw new ProbeUnavailableException("cannot run " + argv.get(0) + ": " + e.getMessage());
    }
    FutureTask<byte[]> output = new FutureTask<>(() -> p.getInputStream().readNBytes(64 * 1024));
    Thread reader = new Thread(output, "ping-preflight");
    reader.setDaemon(true);
    reader.start();
    try {
      if (!p.waitFor(limit.toNanos(), TimeUnit.NANOSECONDS)) {
        ProcessExits.kill(p);
        String said = firstLine(collected(output));
        throw new ProbeUnavailableException(
            "'"
                + command
                + "' did not finish within "
                + Durations.human(limit)
                + (said.isEmpty() ? " and printed nothing" : " (it said '" + said + "')")
                + ": is this a working iputils ping?");
      }
      return collected(output);
    } catch (InterruptedException e) {
      ProcessExits.kill(p);
      Thread.currentThread().interrupt();
      throw new ProbeUnavailableException("interrupted while checking " + argv.get(0));
    }
  }

  /** What the reader got; it ends with the process, or soon after when a child kept the pipe. */
  private static String collected(FutureTask<byte[]> output) throws InterruptedException {
    try {
      return new String(output.get(1, TimeUnit.SECONDS), StandardCharsets.UTF_8);
    } catch (ExecutionException | TimeoutException e) {
      output.cancel(true);
      return "";
    }
  }

  private static String firstLine(String s) {
    String t = s.strip();
    int nl = t.indexOf('\n');
    return nl < 0 ? t : t.substring(0, nl).strip();
  }
}
