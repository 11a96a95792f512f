package io.bondwatch.sink.metrics;

import io.bondwatch.source.probe.ProbeResult;
import io.bondwatch.time.FakeTimeSource;
import io.bondwatch.time.PeriodicTasks;
import io.bondwatch.time.TaskHealth;
import io.micrometer.core.instrument.MockClock;
import io.micrometer.prometheus.PrometheusConfig;
import io.micrometer.prometheus.PrometheusMeterRegistry;
import io.prometheus.client.CollectorRegistry;
import java.time.Duration;
import java.time.Instant;

/** A scrape of {@link BondwatchMetrics} over fixed figures, the same every time. */
final class MetricsScrape {
  private MetricsScrape() {}

  /** A registry with the metrics bound and nothing recorded yet. */
  static PrometheusMeterRegistry bound(BondwatchMetrics metrics) {
    PrometheusMeterRegistry registry =
        new PrometheusMeterRegistry(
            PrometheusConfig.DEFAULT, new CollectorRegistry(), new MockClock());
    registry.config().commonTags("bond", "mp0");
    metrics.bindTo(registry);
    return registry;
  }

  static String text() {
    BondwatchMetrics metrics = new BondwatchMetrics(new FixedMetricsSource(), "1.2.3");
    PrometheusMeterRegistry registry = bound(metrics);
    metrics.onProbe(
        new ProbeResult(
            "dsl1", 1, 0, Instant.EPOCH, ProbeResult.Outcome.REPLY, Duration.ofMillis(12), null));
    metrics.onProbe(
        new ProbeResult("dsl2", 1, 0, Instant.EPOCH, ProbeResult.Outcome.LOST, null, null));
    metrics.onLogLine("parsed");
    metrics.onLogLine("ignored");
    metrics.onPppdEvent("dsl2", "echo_timeout");
    metrics.linkMetrics().watching(java.util.List.of("eth1", "eth2"));
    metrics.linkMetrics().onLinkEvent("eth2", io.bondwatch.domain.link.LinkEvent.CARRIER_LOST);
    metrics.tailerMetrics().rotation(io.bondwatch.source.pppd.TailerMetrics.RotationKind.REPLACED);
    FakeTimeSource clock = new FakeTimeSource();
    PeriodicTasks tasks = new PeriodicTasks(clock);
    tasks.onRegister(metrics::bindTask);
    TaskHealth netdev = tasks.register("netdev", "netdev sampler", Duration.ofSeconds(5));
    netdev.succeeded();
    netdev.failed("read of /proc/net/dev hung");
    clock.advance(Duration.ofSeconds(3));
    tasks.register("tick", "clock watchdog", Duration.ofSeconds(5));
    return registry.scrape();
  }
}
