package io.bondwatch.web;

import io.prometheus.client.Collector;
import io.prometheus.client.CollectorRegistry;
import io.prometheus.client.GaugeMetricFamily;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * An {@link HttpApi} on a free loopback port over sources the test controls: a metric whose
 * collection can be made to hang (as a source stuck in a read would make it), a status document
 * likewise, and a readiness. Register it with {@code @RegisterExtension}: it starts before each
 * test and stops after it.
 */
final class ApiFixture implements BeforeEachCallback, AfterEachCallback {
  static final HttpLimits LIMITS =
      new HttpLimits(4, 64, Duration.ofMillis(500), Duration.ofSeconds(30), Duration.ofMillis(300));

  final Gate metricsGate = new Gate();
  final Gate statusGate = new Gate();
  final AtomicInteger metricCollections = new AtomicInteger();
  volatile double value = 1;
  volatile Readiness readiness = Readiness.READY;
  final CollectorRegistry registry = new CollectorRegistry();
  private HttpApi api;

  @Override
  public void beforeEach(ExtensionContext context) throws IOException {
    new Collector() {
      @Override
      public List<MetricFamilySamples> collect() {
        metricCollections.incrementAndGet();
        metricsGate.pass();
        GaugeMetricFamily g =
            new GaugeMetricFamily("test_value", "A value the test sets", List.of("member"));
        g.addMetric(List.of("dsl1 ü"), value);
        return List.of(g);
      }
    }.register(registry);
    api =
        new HttpApi(
            "127.0.0.1",
            0,
            registry,
            () -> {
              statusGate.pass();
              return status(value);
            },
            () -> readiness,
            LIMITS);
  }

  int port() {
    return api.port();
  }

  static StatusDocument status(double value) {
    return new StatusDocument(
        "9.9.9",
        Instant.parse("2026-11-29T10:00:00Z"),
        new StatusDocument.Bond(
            "mp0", "multilink", 1, 1, Map.of("receive", value), Map.of(), Map.of()),
        List.of());
  }

  RawClient client() throws IOException {
    return new RawClient(port());
  }

  @Override
  public void afterEach(ExtensionContext context) {
    metricsGate.open();
    statusGate.open();
    api.close();
  }

  /** Lets collections through, or holds them until opened, as a source stuck in a read would. */
  static final class Gate {
    private volatile CountDownLatch latch;

    void close() {
      latch = new CountDownLatch(1);
    }

    void open() {
      CountDownLatch l = latch;
      latch = null;
      if (l != null) {
        l.countDown();
      }
    }

    void pass() {
      CountDownLatch l = latch;
      if (l != null) {
        try {
          l.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    }
  }
}
