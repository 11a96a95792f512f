package io.bondwatch.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** What /proc says of one process: resident memory, threads, CPU time (its own and of pings). */
final class ProcStats {
  private final ProcessHandle process;

  ProcStats(long pid) {
    this.process =
        ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException("no process " + pid));
  }

  long pid() {
    return process.pid();
  }

  boolean alive() {
    return process.isAlive();
  }

  /** Resident set size in MB (VmRSS). */
  double rssMb() {
    return status("VmRSS:") / 1024.0;
  }

  int threads() {
    return (int) status("Threads:");
  }

  /** CPU time the process has used, all threads, user and system. */
  Duration cpu() {
    return process.info().totalCpuDuration().orElse(Duration.ZERO);
  }

  /** CPU time used by its child processes named ping (the probes), alive now. */
  Duration pingCpu() {
    return pingProcesses()
        .map(p -> p.info().totalCpuDuration().orElse(Duration.ZERO))
        .reduce(Duration.ZERO, Duration::plus);
  }

  long pings() {
    return pingProcesses().count();
  }

  private java.util.stream.Stream<ProcessHandle> pingProcesses() {
    return process
        .descendants()
        .filter(p -> p.info().command().map(c -> c.endsWith("ping")).orElse(false));
  }

  private long status(String key) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid()), "status"))) {
        if (line.startsWith(key)) {
          return Long.parseLong(line.substring(key.length()).trim().split("\\s+")[0]);
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException("process " + pid() + " is gone: " + e.getMessage(), e);
    }
    throw new IllegalStateException("no " + key + " in /proc/" + pid() + "/status");
  }

  /** CPU used between two readings as a percentage of one core over {@code wall}. */
  static double percent(Duration before, Duration after, Duration wall) {
    return 100.0 * (after.toNanos() - before.toNanos()) / wall.toNanos();
  }
}
