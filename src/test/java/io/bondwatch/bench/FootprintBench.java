package io.bondwatch.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bondwatch.testbed.BondwatchProcess;
import io.bondwatch.testbed.NetnsTestBed;
import io.bondwatch.testbed.SystemTests;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * bench/footprint: the real service as {@code scripts/start} runs it (the launcher's JVM flags), on
 * N members probed by real ping at 5 probes/s, and node_exporter beside it when installed. Per
 * member count: a warm-up (scrapes, so that the JIT has compiled the scrape path, as it has in a
 * service that runs for months), an idle phase (no scrapes), a phase scraped once a second, a burst
 * of back-to-back scrapes (the scrapes of hours in seconds) with and without keep-alive. Prints
 * RSS, CPU % of one core (the java process, and its pings apart), threads and /metrics latency.
 *
 * <p>Members are veth links into a network namespace as root; without root (or with {@code
 * --loopback}) every member pings 127.0.0.1 through {@code lo}, with a device name that does not
 * exist (no counters), which costs the same probing and parsing.
 */
public final class FootprintBench {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static final int WARM_UP_SCRAPES = 3000;

  record Options(double minutes, List<Integer> members, int burst, boolean loopback) {}

  private FootprintBench() {}

  public static void main(String[] args) throws Exception {
    Options o = parse(args);
    Path root = Path.of("").toAbsolutePath();
    Path launcher = root.resolve("scripts/start");
    System.out.printf(
        Locale.ROOT,
        "bench/footprint: members %s, %s, 5 probes/s each; per member count: warm-up %d scrapes"
            + " and %s, idle %s, 1 scrape/s %s, burst of %d scrapes kept alive + %d with a"
            + " connection each%n",
        o.members(),
        o.loopback() ? "loopback pings (no namespace)" : "namespace links",
        WARM_UP_SCRAPES,
        fmt(phase(o, 0.2)),
        fmt(phase(o, 0.3)),
        fmt(phase(o, 0.5)),
        o.burst(),
        o.burst() / 8);
    System.out.println(
        "CPU figures include the probe output parsing; rerun after changes to it. "
            + Runtime.getRuntime().availableProcessors()
            + " cores, shared with whatever else runs.");
    List<Row> rows = new ArrayList<>();
    try (NodeExporter ne = NodeExporter.startIfInstalled()) {
      if (ne == null) {
        System.out.println(
            "node_exporter: not installed (Debian: apt-get install prometheus-node-exporter);"
                + " measuring bondwatch alone");
      }
      for (int n : o.members()) {
        rows.addAll(runOne(o, n, launcher, ne));
      }
    }
    System.out.println();
    Row.printTable(rows);
    Row.printRatios(rows);
  }

  private static List<Row> runOne(Options o, int n, Path launcher, NodeExporter ne)
      throws Exception {
    Path dir = Files.createTempDirectory("bondwatch-footprint-");
    int port = BondwatchProcess.freePort();
    try (Members members = o.loopback() ? Members.loopback(n) : Members.netns(n)) {
      Path cfg = dir.resolve("bondwatch.yml");
      Files.writeString(cfg, members.config(port, dir));
      Files.writeString(dir.resolve("messages"), "");
      ProcessBuilder pb =
          new ProcessBuilder(launcher.toString())
              .redirectErrorStream(true)
              .redirectOutput(dir.resolve("bondwatch.log").toFile());
      pb.environment().put("BONDWATCH_CONFIG", cfg.toString());
      Process p = pb.start();
      try {
        ProcStats bw = new ProcStats(p.pid());
        awaitUp(port, n, bw, dir);
        System.out.printf(
            "%n%d member(s): pid %d, %s%n", n, p.pid(), cmdline(p.pid()).replace(cfg + "", "CFG"));
        // a service runs for months: measure it with the scrape path compiled, as it will be
        // after its first hour, not interpreted as in its first minutes at 1 scrape/s
        Measure.warmUp(port, WARM_UP_SCRAPES);
        Thread.sleep(phase(o, 0.2).toMillis());
        Row mine = new Row("bondwatch", n, o.loopback() ? "lo" : "netns");
        Row theirs = ne == null ? null : new Row("node_exporter", n, "-");
        Measure.idle(phase(o, 0.3), bw, mine, ne == null ? null : ne.stats(), theirs);
        Measure.scraped(phase(o, 0.5), port, bw, mine, ne, theirs);
        Measure.burst(o.burst(), port, bw, mine);
        if (ne != null) {
          Measure.burst(o.burst(), ne.port(), ne.stats(), theirs);
        }
        System.out.println("  " + mine.line());
        if (theirs != null) {
          System.out.println("  " + theirs.line());
        }
        return theirs == null ? List.of(mine) : List.of(mine, theirs);
      } finally {
        p.destroy();
        if (!p.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
          p.destroyForcibly();
        }
      }
    }
  }

  private static void awaitUp(int port, int n, ProcStats bw, Path dir) throws Exception {
    long giveUp = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    try (BenchHttp http = new BenchHttp(port, false)) {
      while (System.nanoTime() < giveUp) {
        if (!bw.alive()) {
          throw new IllegalStateException(
              "bondwatch exited:\n" + Files.readString(dir.resolve("bondwatch.log")));
        }
        try {
          if (up(port) == n) {
            return;
          }
        } catch (IOException notYet) {
          // not listening yet
        }
        Thread.sleep(250);
      }
    }
    throw new IllegalStateException(
        "members not all up within 90 s:\n" + Files.readString(dir.resolve("bondwatch.log")));
  }

  private static int up(int port) throws IOException {
    java.net.http.HttpClient c = java.net.http.HttpClient.newHttpClient();
    try {
      String body =
          c.send(
                  java.net.http.HttpRequest.newBuilder(
                          java.net.URI.create("http://127.0.0.1:" + port + "/api/v1/status"))
                      .timeout(Duration.ofSeconds(5))
                      .build(),
                  java.net.http.HttpResponse.BodyHandlers.ofString())
              .body();
      int up = 0;
      for (JsonNode m : JSON.readTree(body).get("members")) {
        up += "up".equals(m.get("state").asText()) ? 1 : 0;
      }
      return up;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    } catch (RuntimeException e) {
      throw new IOException(e);
    }
  }

  private static String cmdline(long pid) throws IOException {
    byte[] raw = Files.readAllBytes(Path.of("/proc", String.valueOf(pid), "cmdline"));
    return new String(raw, StandardCharsets.UTF_8).replace('\0', ' ').trim();
  }

  static Duration phase(Options o, double share) {
    return Duration.ofMillis((long) (o.minutes() * 60_000 * share));
  }

  static String fmt(Duration d) {
    return d.toSeconds() >= 120 ? d.toMinutes() + " min" : d.toSeconds() + " s";
  }

  private static Options parse(String[] args) {
    double minutes = 5;
    List<Integer> members = List.of(1, 4, 8);
    int burst = 8000;
    boolean loopback = !SystemTests.isRoot() || SystemTests.which("ip") == null;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--minutes" -> minutes = Double.parseDouble(value(args, ++i));
        case "--members" ->
            members =
                java.util.Arrays.stream(value(args, ++i).split(","))
                    .map(String::trim)
                    .map(Integer::parseInt)
                    .toList();
        case "--burst" -> burst = Integer.parseInt(value(args, ++i));
        case "--loopback" -> loopback = true;
        default -> usage("unknown argument " + args[i]);
      }
    }
    if (minutes <= 0 || burst < 8 || members.isEmpty() || members.stream().anyMatch(m -> m < 1)) {
      usage("--minutes must be > 0, --burst >= 8, --members a list of counts >= 1");
    }
    return new Options(minutes, members, burst, loopback);
  }

  private static final String USAGE =
      "bench/footprint [--minutes N per member count (default 5)] [--members 1,4,8]"
          + " [--burst SCRAPES (default 8000)] [--loopback]";

  private static String value(String[] args, int i) {
    return BenchArgs.value(args, i, "bench/footprint", USAGE);
  }

  private static void usage(String problem) {
    BenchArgs.usage("bench/footprint", problem, USAGE);
  }

  /** The members' links and their part of the config. */
  interface Members extends AutoCloseable {
    String config(int port, Path dir);

    @Override
    void close();

    static Members netns(int n) {
      NetnsTestBed bed = NetnsTestBed.create(n);
      return new Members() {
        @Override
        public String config(int port, Path dir) {
          StringBuilder sb = new StringBuilder();
          for (NetnsTestBed.Link l : bed.links()) {
            sb.append(member(l.index(), l.hostDev(), "{ target: " + l.farIp() + " }"));
          }
          return Members.yaml(sb, port, dir);
        }

        @Override
        public void close() {
          bed.close();
        }
      };
    }

    static Members loopback(int n) {
      return new Members() {
        @Override
        public String config(int port, Path dir) {
          StringBuilder sb = new StringBuilder();
          for (int i = 0; i < n; i++) {
            sb.append(member(i, "bwsim" + i, "{ target: 127.0.0.1, interface: lo }"));
          }
          return Members.yaml(sb, port, dir);
        }

        @Override
        public void close() {}
      };
    }

    private static String member(int i, String dev, String probe) {
      return "  - name: dsl" + (i + 1) + "\n    interface: " + dev + "\n    probe: " + probe + "\n";
    }

    private static String yaml(StringBuilder members, int port, Path dir) {
      return "bond: { name: bench, mode: multilink }\nmembers:\n"
          + members
          + "probe: { interval: 200ms, timeout: 1s }\n"
          + "sources: { pppd: { log: "
          + dir.resolve("messages")
          + " } }\n"
          + "http: { listen: \"127.0.0.1:"
          + port
          + "\" }\n"
          + "storage: { dir: "
          + dir.resolve("state")
          + " }\n";
    }
  }
}
