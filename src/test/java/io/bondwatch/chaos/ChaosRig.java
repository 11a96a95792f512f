package io.bondwatch.chaos;

import static org.awaitility.Awaitility.await;

import io.bondwatch.testbed.BondwatchProcess;
import io.bondwatch.testbed.NetnsTestBed;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The service under attack: the real jar as {@code bondwatch run} on two namespace links, its pppd
 * log and {@code /proc/net/dev} owned by the test, and its state directory kept across the restarts
 * the test forces. Each run of the process is a lifetime with its own baselines, since the exported
 * counters start at 0 with every process.
 */
final class ChaosRig implements AutoCloseable {
  static final List<String> MEMBERS = List.of("dsl1", "dsl2");

  /** Synthetic traffic per member, bytes per second. */
  static final long RX_RATE = 50_000;

  static final long TX_RATE = 10_000;

  private final Path dir;
  private final NetnsTestBed bed;
  private final int port;
  private final Path config;
  final Path log;
  final Path state;
  final SyntheticNetDev netdev;
  final PppdLogWriter pppd;
  private BondwatchProcess bw;
  private int lifetimes;
  private volatile long readyNanos;
  private final Map<String, Long> rxBaseline = new LinkedHashMap<>();
  private final Map<String, Long> txBaseline = new LinkedHashMap<>();

  ChaosRig(Path dir) throws IOException {
    this.dir = dir;
    this.bed = NetnsTestBed.create(MEMBERS.size());
    try {
      this.port = BondwatchProcess.freePort();
      this.log = dir.resolve("pppd.log");
      this.state = dir.resolve("state");
      Path netdevPath = dir.resolve("net-dev");
      this.netdev =
          new SyntheticNetDev(netdevPath, List.of(device(0), device(1)), RX_RATE, TX_RATE);
      this.pppd = new PppdLogWriter(log);
      pppd.pause();
      this.config = dir.resolve("bondwatch.yml");
      Files.writeString(config, yaml(netdevPath));
    } catch (IOException | RuntimeException e) {
      bed.close();
      throw e;
    }
  }

  private String yaml(Path netdevPath) {
    return """
        bond: { name: mp0, mode: multilink }
        members:
          - name: dsl1
            interface: %s
            capacity: { down: 5Mbit, up: 800kbit }
            probe: { target: %s }
          - name: dsl2
            interface: %s
            capacity: { down: 5Mbit, up: 800kbit }
            probe: { target: %s }
        sources:
          pppd: { log: %s }
          netdev: %s
        probe: { interval: 200ms, timeout: 1s }
        http: { listen: "127.0.0.1:%d" }
        storage: { dir: %s }
        """
        .formatted(
            device(0),
            bed.link(0).farIp(),
            device(1),
            bed.link(1).farIp(),
            log,
            netdevPath,
            port,
            state);
  }

  NetnsTestBed bed() {
    return bed;
  }

  String device(int member) {
    return bed.link(member).hostDev();
  }

  int port() {
    return port;
  }

  BondwatchProcess process() {
    return bw;
  }

  /** Starts a new lifetime and waits until it says it is ready. */
  void start() throws IOException {
    lifetimes++;
    Path out = dir.resolve("run-" + lifetimes);
    Files.createDirectories(out);
    for (int i = 0; i < MEMBERS.size(); i++) {
      rxBaseline.put(MEMBERS.get(i), netdev.trueRx(device(i)));
      txBaseline.put(MEMBERS.get(i), netdev.trueTx(device(i)));
    }
    bw = BondwatchProcess.start(out, port, "run", "--config", config.toString());
    await("lifetime " + lifetimes + " ready")
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(100))
        .until(() -> bw.get("/-/ready").code() == 200 || !bw.process().isAlive());
    if (!bw.process().isAlive()) {
      throw new IllegalStateException("bondwatch exited at start:\n" + bw.output());
    }
    readyNanos = System.nanoTime();
  }

  int lifetimes() {
    return lifetimes;
  }

  long readyNanos() {
    return readyNanos;
  }

  /** kill -9 and wait for the process to be gone. */
  void kill9() throws InterruptedException {
    readyNanos = Long.MAX_VALUE;
    List<ProcessHandle> children = bw.process().descendants().toList();
    bw.process().destroyForcibly();
    if (!bw.process().waitFor(20, TimeUnit.SECONDS)) {
      throw new IllegalStateException("bondwatch survived SIGKILL for 20 s");
    }
    // its pings die of SIGPIPE at their next line, but a frozen one never writes again
    children.forEach(ProcessHandle::destroyForcibly);
  }

  /** Bytes the member really received since this lifetime started. */
  long trueRxSinceStart(int member) {
    return netdev.trueRx(device(member)) - rxBaseline.get(MEMBERS.get(member));
  }

  long trueTxSinceStart(int member) {
    return netdev.trueTx(device(member)) - txBaseline.get(MEMBERS.get(member));
  }

  /** The value of one series in a scrape, or empty when absent. */
  static OptionalDouble sample(String scrape, String name, String labelsContain) {
    Pattern p =
        Pattern.compile("^" + Pattern.quote(name) + "\\{([^}]*)\\}\\s+(\\S+)$", Pattern.MULTILINE);
    Matcher m = p.matcher(scrape);
    while (m.find()) {
      if (m.group(1).contains(labelsContain)) {
        return OptionalDouble.of(Double.parseDouble(m.group(2)));
      }
    }
    return OptionalDouble.empty();
  }

  /** The sum of every series of a metric in a scrape. */
  static double sum(String scrape, String name) {
    Pattern p =
        Pattern.compile("^" + Pattern.quote(name) + "(\\{[^}]*\\})?\\s+(\\S+)$", Pattern.MULTILINE);
    Matcher m = p.matcher(scrape);
    double total = 0;
    while (m.find()) {
      total += Double.parseDouble(m.group(2));
    }
    return total;
  }

  /** The output of every lifetime so far, for a failure message. */
  String outputs() {
    StringBuilder sb = new StringBuilder();
    for (int i = 1; i <= lifetimes; i++) {
      Path f = dir.resolve("run-" + i).resolve("bondwatch.log");
      try {
        String text = Files.readString(f);
        String[] lines = text.split("\n");
        int from = Math.max(0, lines.length - 60);
        sb.append("--- lifetime ").append(i).append(" (last 60 lines) ---\n");
        for (int k = from; k < lines.length; k++) {
          sb.append(lines[k]).append('\n');
        }
      } catch (IOException e) {
        sb.append("--- lifetime ").append(i).append(": ").append(e).append('\n');
      }
    }
    return sb.toString();
  }

  @Override
  public void close() {
    try {
      if (bw != null) {
        bw.close();
      }
    } finally {
      netdev.close();
      pppd.close();
      bed.close();
    }
  }
}
