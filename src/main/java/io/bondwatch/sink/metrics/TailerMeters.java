package io.bondwatch.sink.metrics;

import static io.bondwatch.sink.metrics.MetricNames.LOG_CHECKPOINT_FALLBACKS;
import static io.bondwatch.sink.metrics.MetricNames.LOG_LINES_CAPPED;
import static io.bondwatch.sink.metrics.MetricNames.LOG_NOT_REGULAR;
import static io.bondwatch.sink.metrics.MetricNames.LOG_RECOVERED_BYTES;
import static io.bondwatch.sink.metrics.MetricNames.LOG_ROTATIONS;
import static io.bondwatch.sink.metrics.MetricNames.TAG_KIND;
import static io.bondwatch.sink.metrics.MetricNames.TAG_OUTCOME;

import io.bondwatch.source.pppd.FileKind;
import io.bondwatch.source.pppd.TailerMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * The pppd log source's counters on Micrometer, every series registered at 0 up front (each label
 * of its closed set), so that {@code increase()} and alerts see the first event too.
 */
final class TailerMeters implements TailerMetrics {
  private final Counter capped;
  private final Counter recovered;
  private final Map<RotationKind, Counter> rotations = new EnumMap<>(RotationKind.class);
  private final Map<FileKind, Counter> notRegular = new EnumMap<>(FileKind.class);
  private final Map<CheckpointFallback, Counter> fallbacks =
      new EnumMap<>(CheckpointFallback.class);

  TailerMeters(MeterRegistry registry) {
    capped =
        Counter.builder(LOG_LINES_CAPPED)
            .description("pppd log lines cut at the line length cap")
            .register(registry);
    recovered =
        Counter.builder(LOG_RECOVERED_BYTES)
            .description("Bytes read from a rotated copy after a copytruncate rotation")
            .baseUnit("bytes")
            .register(registry);
    for (RotationKind k : RotationKind.values()) {
      rotations.put(
          k,
          Counter.builder(LOG_ROTATIONS)
              .description("Rotations of the pppd log file seen by the tailer")
              .tag(TAG_KIND, label(k))
              .register(registry));
    }
    for (FileKind k : FileKind.values()) {
      if (k.isUnusable()) {
        notRegular.put(
            k,
            Counter.builder(LOG_NOT_REGULAR)
                .description(
                    "Times the pppd log path began to name something other than a regular file")
                .tag(TAG_KIND, k.label())
                .register(registry));
      }
    }
    for (CheckpointFallback f : CheckpointFallback.values()) {
      fallbacks.put(
          f,
          Counter.builder(LOG_CHECKPOINT_FALLBACKS)
              .description(
                  "Starts that found a pppd log checkpoint unusable, by what the source did instead")
              .tag(TAG_OUTCOME, label(f))
              .register(registry));
    }
  }

  private static String label(Enum<?> e) {
    return e.name().toLowerCase(Locale.ROOT);
  }

  @Override
  public void lineCapped() {
    capped.increment();
  }

  @Override
  public void rotation(RotationKind kind) {
    rotations.get(kind).increment();
  }

  @Override
  public void bytesRecovered(long bytes) {
    recovered.increment(bytes);
  }

  @Override
  public void notRegular(FileKind kind) {
    Counter c = notRegular.get(kind);
    if (c != null) {
      c.increment();
    }
  }

  @Override
  public void checkpointFallback(CheckpointFallback outcome) {
    fallbacks.get(outcome).increment();
  }
}
