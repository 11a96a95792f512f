package io.bondwatch.source.link;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs iproute2's {@code ip}: the check that it is there, the listing of every device, and the
 * long-lived monitor. {@code ip} is normally looked up on PATH; a prefix such as {@code ip netns
 * exec x ip} is allowed.
 */
final class IpCommand {
  /** A short command that has not finished by then is killed: it must not hold the monitor up. */
  static final Duration LIMIT = Duration.ofSeconds(5);

  private final List<String> ip;
  private final ScheduledExecutorService scheduler;

  IpCommand(List<String> ip, ScheduledExecutorService scheduler) {
    if (ip.isEmpty() || ip.stream().anyMatch(String::isBlank)) {
      throw new IllegalArgumentException("ip command must be non-empty words, not " + ip);
    }
    this.ip = List.copyOf(ip);
    this.scheduler = scheduler;
  }

  /**
   * Checks that {@code ip} runs and is iproute2's (BusyBox's cannot monitor).
   *
   * @throws LinkSourceUnavailableException saying what is wrong and what to install
   */
  void check() {
    Result r;
    try {
      r = run("-V");
    } catch (IOException e) {
      // "Cannot run program "ip": error=2, No such file or directory": the program is said already
      String why = String.valueOf(e.getMessage());
      throw new LinkSourceUnavailableException(
          "cannot run '"
              + ip.get(0)
              + "' ("
              + why.substring(why.lastIndexOf(": ") + 1).strip()
              + "): install iproute2");
    }
    if (!r.output().toLowerCase(Locale.ROOT).contains("iproute2")) {
      throw new LinkSourceUnavailableException(
          "'"
              + ip.get(0)
              + "' is not iproute2's ip (it says '"
              + r.firstLine()
              + "'): bondwatch needs 'ip -o monitor link'; install iproute2 (OpenWrt: ip-full)");
    }
  }

  /** Every device, one line each ({@code ip -o link show}), within {@link #LIMIT}. */
  Result listing() throws IOException {
    return run("-o", "link", "show");
  }

  /** Starts {@code ip -o monitor link}, stdout and stderr merged. */
  Process monitor() throws IOException {
    Process p = new ProcessBuilder(argv("-o", "monitor", "link")).redirectErrorStream(true).start();
    p.getOutputStream().close();
    return p;
  }

  private Result run(String... args) throws IOException {
    Process p = new ProcessBuilder(argv(args)).redirectErrorStream(true).start();
    p.getOutputStream().close();
    // read on this thread, bounded by a kill: a hung ip then ends its output, and this read
    Runnable destroy = p::destroyForcibly;
    ScheduledFuture<?> kill = scheduler.schedule(destroy, LIMIT.toMillis(), TimeUnit.MILLISECONDS);
    try {
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      return new Result(p.waitFor(), out);
    } catch (InterruptedException e) {
      p.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    } finally {
      kill.cancel(false);
    }
  }

  /** Waits for a process to end (so no zombie stays), forcing it after 2 s; -1 if it would not. */
  static int reap(Process p) {
    try {
      if (!p.waitFor(2, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        p.waitFor(2, TimeUnit.SECONDS);
      }
      return p.isAlive() ? -1 : p.exitValue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  private List<String> argv(String... args) {
    List<String> argv = new ArrayList<>(ip);
    argv.addAll(List.of(args));
    return argv;
  }

  String name() {
    return String.join(" ", ip);
  }

  record Result(int status, String output) {
    String firstLine() {
      String t = output.strip();
      int nl = t.indexOf('\n');
      return nl < 0 ? t : t.substring(0, nl).strip();
    }
  }
}
