package io.bondwatch.bench;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The phases of bench/footprint: each fills in its part of a {@link Row}. */
final class Measure {
  private Measure() {}

  /** Nothing scrapes: the service's own cost. {@code other} may be null. */
  static void idle(Duration length, ProcStats bw, Row mine, ProcStats other, Row theirs)
      throws InterruptedException {
    Cpu a = new Cpu(bw);
    Cpu b = other == null ? null : new Cpu(other);
    Thread.sleep(length.toMillis());
    a.into(mine, true);
    if (b != null) {
      b.into(theirs, true);
    }
  }

  /** One scrape a second of each, kept alive, as Prometheus does. */
  static void scraped(
      Duration length, int port, ProcStats bw, Row mine, NodeExporter ne, Row theirs)
      throws IOException, InterruptedException {
    Cpu a = new Cpu(bw);
    Cpu b = ne == null ? null : new Cpu(ne.stats());
    List<Double> mineMs = new ArrayList<>();
    List<Double> theirsMs = new ArrayList<>();
    try (BenchHttp c = new BenchHttp(port, true);
        BenchHttp d = ne == null ? null : new BenchHttp(ne.port(), true)) {
      long start = System.nanoTime();
      for (long next = start; next - start < length.toNanos(); next += 1_000_000_000L) {
        mine.body = timed(c, mineMs);
        if (d != null) {
          theirs.body = timed(d, theirsMs);
        }
        Thread.sleep(Math.max(0, (next + 1_000_000_000L - System.nanoTime()) / 1_000_000));
      }
    }
    a.into(mine, false);
    mine.p50Steady = Figures.percentile(mineMs, 50);
    mine.p99Steady = Figures.percentile(mineMs, 99);
    if (b != null) {
      b.into(theirs, false);
      theirs.p50Steady = Figures.percentile(theirsMs, 50);
      theirs.p99Steady = Figures.percentile(theirsMs, 99);
    }
  }

  /** Scrapes back to back, unmeasured, so that the JIT compiles the scrape path. */
  static void warmUp(int port, int n) throws IOException {
    try (BenchHttp c = new BenchHttp(port, true)) {
      for (int i = 0; i < n; i++) {
        c.get("/metrics");
      }
    }
  }

  /** {@code n} scrapes back to back on one connection, then n/8 with a connection each. */
  static void burst(int n, int port, ProcStats p, Row row) throws IOException {
    List<Double> kept = new ArrayList<>(n);
    try (BenchHttp c = new BenchHttp(port, true)) {
      for (int i = 0; i < n; i++) {
        timed(c, kept);
      }
    }
    List<Double> fresh = new ArrayList<>(n / 8);
    try (BenchHttp c = new BenchHttp(port, false)) {
      for (int i = 0; i < n / 8; i++) {
        timed(c, fresh);
      }
    }
    row.p50KeepAlive = Figures.percentile(kept, 50);
    row.p99KeepAlive = Figures.percentile(kept, 99);
    row.p50Close = Figures.percentile(fresh, 50);
    row.p99Close = Figures.percentile(fresh, 99);
    row.rssBurst = p.rssMb();
    row.threadsAfter = p.threads();
  }

  private static int timed(BenchHttp c, List<Double> ms) throws IOException {
    long t0 = System.nanoTime();
    int body = c.get("/metrics");
    ms.add((System.nanoTime() - t0) / 1e6);
    return body;
  }

  /** CPU readings at the start of a phase. */
  private static final class Cpu {
    private final ProcStats p;
    private final long t0 = System.nanoTime();
    private final Duration cpu0;
    private final Duration ping0;
    private final boolean pings;

    Cpu(ProcStats p) {
      this.p = p;
      cpu0 = p.cpu();
      ping0 = p.pingCpu();
      pings = p.pings() > 0;
    }

    void into(Row row, boolean idle) {
      Duration wall = Duration.ofNanos(System.nanoTime() - t0);
      double cpu = ProcStats.percent(cpu0, p.cpu(), wall);
      Duration ping1 = p.pingCpu();
      double ping = pings ? ProcStats.percent(ping0, ping1, wall) : Double.NaN;
      if (idle) {
        row.cpuIdle = cpu;
        row.pingIdle = ping;
        row.rssIdle = p.rssMb();
        row.threadsIdle = p.threads();
      } else {
        row.cpuScraped = cpu;
        row.pingScraped = ping;
        row.rssScraped = p.rssMb();
      }
    }
  }
}
