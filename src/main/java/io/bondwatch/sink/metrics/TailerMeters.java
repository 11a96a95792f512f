package io.bondwatch.sink.metrics;

import static io.bondwatch.sink.metrics.MetricNames.LOG_LINES_CAPPED;
import static io.bondwatch.sink.metrics.MetricNames.LOG_RECOVERED_BYTES;
import static io.bondwatch.sink.metrics.MetricNames.LOG_ROTATIONS;

import io.bondwatch.source.pppd.TailerMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;

/** The pppd log tailer's counters on Micrometer. */
final class TailerMeters implements TailerMetrics {
  private final MeterRegistry registry;

  TailerMeters(MeterRegistry registry) {
    this.registry = registry;
  }

  @Override
  public void lineCapped() {
    Counter.builder(LOG_LINES_CAPPED)
        .description("pppd log lines cut at the line length cap")
        .register(registry)
        .increment();
  }

  @Override
  public void rotation(RotationKind kind) {
    Counter.builder(LOG_ROTATIONS)
        .description("Rotations of the pppd log file seen by the tailer")
        .tag("kind", kind.name().toLowerCase(Locale.ROOT))
        .register(registry)
        .increment();
  }

  @Override
  public void bytesRecovered(long bytes) {
    Counter.builder(LOG_RECOVERED_BYTES)
        .description("Bytes read from a rotated copy after a copytruncate rotation")
        .baseUnit("bytes")
        .register(registry)
        .increment(bytes);
  }
}
