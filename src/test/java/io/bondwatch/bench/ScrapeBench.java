package io.bondwatch.bench;

import com.sun.management.ThreadMXBean;
import io.bondwatch.sink.metrics.BondwatchMetrics;
import io.bondwatch.source.probe.ProbeResult;
import io.bondwatch.web.HttpApi;
import io.bondwatch.web.Readiness;
import io.micrometer.core.instrument.Clock;
import io.micrometer.prometheus.PrometheusConfig;
import io.micrometer.prometheus.PrometheusMeterRegistry;
import io.prometheus.client.CollectorRegistry;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * bench/scrape: what one /metrics scrape of N members costs the server, in process: bytes allocated
 * on the server's threads per scrape (ThreadMXBean), and latency p50/p99 kept alive and with a new
 * connection each. Beside it, for reference, what {@code registry.scrape()} alone allocates: the
 * String the simpleclient server's handler started from, before its own copies.
 */
public final class ScrapeBench {
  private ScrapeBench() {}

  public static void main(String[] args) throws Exception {
    int members = args.length > 0 ? Integer.parseInt(args[0]) : 8;
    int scrapes = args.length > 1 ? Integer.parseInt(args[1]) : 5000;
    PrometheusMeterRegistry registry =
        new PrometheusMeterRegistry(
            PrometheusConfig.DEFAULT, new CollectorRegistry(), Clock.SYSTEM);
    registry.config().commonTags("bond", "bench");
    SyntheticMembers source = new SyntheticMembers(members);
    BondwatchMetrics metrics = new BondwatchMetrics(source, "bench");
    metrics.bindTo(registry);
    for (String m : source.members()) {
      for (int i = 0; i < 200; i++) {
        metrics.onProbe(
            new ProbeResult(
                m,
                i,
                0,
                Instant.EPOCH,
                ProbeResult.Outcome.REPLY,
                Duration.ofMillis(5 + i % 60),
                null));
      }
    }
    ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
    try (HttpApi api =
        new HttpApi(
            "127.0.0.1", 0, registry.getPrometheusRegistry(), () -> null, () -> Readiness.READY)) {
      int port = api.port();
      int body;
      try (BenchHttp c = new BenchHttp(port, true)) {
        body = c.get("/metrics");
        for (int i = 0; i < scrapes; i++) { // warm-up: let the JIT compile the path
          c.get("/metrics");
        }
      }
      long before = serverAllocated(threads);
      List<Double> kept = run(port, true, scrapes);
      long perScrape = (serverAllocated(threads) - before) / scrapes;
      List<Double> fresh = run(port, false, scrapes / 5);

      long t = Thread.currentThread().getId();
      long a0 = threads.getThreadAllocatedBytes(t);
      for (int i = 0; i < scrapes; i++) {
        registry.scrape().getBytes(StandardCharsets.UTF_8);
      }
      long reference = (threads.getThreadAllocatedBytes(t) - a0) / scrapes;
      System.out.printf(
          Locale.ROOT,
          "bench/scrape: %d members, /metrics %d B, %d scrapes after %d to warm up%n"
              + "allocated on the server's threads: %,d B per scrape"
              + " (registry.scrape() plus its bytes alone, the old handler's start: %,d B)%n"
              + "latency p50/p99: %.3f/%.3f ms kept alive, %.3f/%.3f ms new connection each%n",
          members,
          body,
          scrapes,
          scrapes,
          perScrape,
          reference,
          Figures.percentile(kept, 50),
          Figures.percentile(kept, 99),
          Figures.percentile(fresh, 50),
          Figures.percentile(fresh, 99));
    }
  }

  private static List<Double> run(int port, boolean keepAlive, int n) throws Exception {
    List<Double> ms = new ArrayList<>(n);
    try (BenchHttp c = new BenchHttp(port, keepAlive)) {
      for (int i = 0; i < n; i++) {
        long t0 = System.nanoTime();
        c.get("/metrics");
        ms.add((System.nanoTime() - t0) / 1e6);
      }
    }
    return ms;
  }

  /** Bytes allocated so far by the server's threads (Jetty's pool and timer, the collector). */
  private static long serverAllocated(ThreadMXBean threads) {
    long sum = 0;
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      if (t.getName().startsWith("bondwatch-")) {
        sum += threads.getThreadAllocatedBytes(t.getId());
      }
    }
    return sum;
  }
}
