package io.bondwatch.bench;

import io.bondwatch.testbed.BondwatchProcess;
import io.bondwatch.testbed.NetnsTestBed;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * bench/cpu: the CPU the real service (the jar, as {@code bondwatch run}) uses with {@code
 * --members} members probed every 200 ms on netns links. Waits {@code --warmup} seconds (JIT, first
 * restores), then reads the process's utime+stime from /proc before and after {@code --seconds} and
 * prints it as a share of one core, next to the CPU of its ping processes.
 */
public final class CpuBench {
  private CpuBench() {}

  public static void main(String[] args) throws Exception {
    int members = 4;
    int warmup = 60;
    int seconds = 300;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--members" -> members = Integer.parseInt(value(args, ++i));
        case "--warmup" -> warmup = Integer.parseInt(value(args, ++i));
        case "--seconds" -> seconds = Integer.parseInt(value(args, ++i));
        default -> usage("unknown argument " + args[i]);
      }
    }
    if (members < 1 || warmup < 0 || seconds < 1) {
      usage("--members >= 1, --warmup >= 0 and --seconds >= 1");
    }
    Path dir = Files.createTempDirectory("bondwatch-cpu");
    int port = BondwatchProcess.freePort();
    try (NetnsTestBed bed = NetnsTestBed.create(members)) {
      Path cfg = dir.resolve("bondwatch.yml");
      Files.writeString(cfg, config(bed, port, dir));
      try (BondwatchProcess bw =
          BondwatchProcess.start(dir, port, "run", "--config", cfg.toString())) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (bw.get("/-/ready").code() != 200) {
          if (System.nanoTime() > deadline || !bw.process().isAlive()) {
            throw new IllegalStateException("bondwatch did not get ready:\n" + bw.output());
          }
          Thread.sleep(200);
        }
        System.out.printf(
            "bench/cpu: %d members x 5 probes/s, warm-up %d s, measuring %d s%n",
            members, warmup, seconds);
        Thread.sleep(warmup * 1000L);
        long pid = bw.process().pid();
        Map<String, Long> threads0 = threadTicks(pid);
        long java0 = cpuTicks(pid);
        long ping0 = childTicks(bw);
        long t0 = System.nanoTime();
        Thread.sleep(seconds * 1000L);
        long java1 = cpuTicks(pid);
        Map<String, Long> threads1 = threadTicks(pid);
        long ping1 = childTicks(bw);
        double wall = (System.nanoTime() - t0) / 1e9;
        System.out.printf(
            Locale.ROOT,
            "bondwatch (java): %.3f %% of one core (%d ms CPU in %.0f s)%n",
            100.0 * (java1 - java0) * 10 / 1000 / wall,
            (java1 - java0) * 10,
            wall);
        System.out.printf(
            Locale.ROOT,
            "ping processes together: %.3f %% of one core (if none restarted meanwhile)%n",
            100.0 * (ping1 - ping0) * 10 / 1000 / wall);
        System.out.println("by thread (ms CPU in the measured time):");
        threads1.entrySet().stream()
            .map(
                e ->
                    Map.entry(
                        e.getKey(), (e.getValue() - threads0.getOrDefault(e.getKey(), 0L)) * 10))
            .filter(e -> e.getValue() > 0)
            .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
            .forEach(e -> System.out.printf("  %-24s %6d%n", e.getKey(), e.getValue()));
        if (bw.output().contains("-> down")) {
          System.out.println("note: a member went down during the run; see the log in " + dir);
        }
        bw.stop();
      }
    }
  }

  private static String config(NetnsTestBed bed, int port, Path dir) {
    StringBuilder sb = new StringBuilder("bond: { name: mp0, mode: multilink }\nmembers:\n");
    for (NetnsTestBed.Link l : bed.links()) {
      sb.append("  - name: dsl")
          .append(l.index() + 1)
          .append("\n    interface: ")
          .append(l.hostDev())
          .append("\n    capacity: { down: 5.0Mbit, up: 800kbit }\n    probe: { target: ")
          .append(l.farIp())
          .append(" }\n");
    }
    sb.append("probe: { interval: 200ms, timeout: 1s }\n")
        .append("http: { listen: \"127.0.0.1:")
        .append(port)
        .append("\" }\nstorage: { dir: ")
        .append(dir.resolve("state"))
        .append(" }\n");
    return sb.toString();
  }

  /** utime + stime of a process, in clock ticks (USER_HZ, 100 on Linux). */
  private static long cpuTicks(long pid) throws IOException {
    return cpuTicks(Files.readString(Path.of("/proc", Long.toString(pid), "stat")));
  }

  private static long cpuTicks(String stat) {
    // fields after the command name, which is in parentheses and may contain spaces
    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return Long.parseLong(f[11]) + Long.parseLong(f[12]);
  }

  /** CPU ticks per thread name (threads of one name, e.g. the GC's, added up). */
  private static Map<String, Long> threadTicks(long pid) throws IOException {
    Map<String, Long> byName = new TreeMap<>();
    try (var tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
      for (Path t : tasks.toList()) {
        try {
          String stat = Files.readString(t.resolve("stat"));
          String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
          name = name.replaceAll("#?\\d+$", "#n");
          byName.merge(name, cpuTicks(stat), Long::sum);
        } catch (IOException | RuntimeException gone) {
          // a thread that ended between listing and reading
        }
      }
    }
    return byName;
  }

  private static long childTicks(BondwatchProcess bw) {
    List<ProcessHandle> kids = bw.process().descendants().toList();
    long sum = 0;
    for (ProcessHandle p : kids) {
      try {
        sum += cpuTicks(p.pid());
      } catch (IOException | RuntimeException gone) {
        // a child that exited between listing and reading: not counted
      }
    }
    return sum;
  }

  private static String value(String[] args, int i) {
    if (i >= args.length) {
      usage(args[i - 1] + " needs a value");
    }
    return args[i];
  }

  private static void usage(String problem) {
    System.err.println("bench/cpu: " + problem);
    System.err.println("usage: bench/cpu [--members N (4)] [--warmup S (60)] [--seconds S (300)]");
    System.exit(2);
  }
}
