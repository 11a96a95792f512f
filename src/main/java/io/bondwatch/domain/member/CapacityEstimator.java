package io.bondwatch.domain.member;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;

/**
 * Estimates what one direction of a link can carry from the rates it has been seen to sustain.
 *
 * <p>Every one-second rate enters a sliding {@code window}. The candidate is the {@code percentile}
 * of the rates in the window (nearest rank), so a peak counts only when it was held for a while:
 * with the defaults (60 s, 0.9) the line must have run at that rate for at least 6 seconds of the
 * last minute, which a queue draining in a burst, a driver publishing its counters late, or a
 * one-second coincidence do not achieve. No candidate is taken before {@code minSamples} rates are
 * in the window.
 *
 * <p>The estimate is the highest candidate seen, decaying with {@code halfLife} since it was set,
 * and never below the current candidate. Decay lets the estimate follow a line that retrains to a
 * lower speed; a half-life of a day keeps it from forgetting the line overnight (8 idle hours lose
 * 21%). The price: a line idle for days is underestimated until traffic shows its speed again, so a
 * known capacity should be configured. Estimates below {@link #MIN_ESTIMATE} (an idle line) are
 * reported as unknown.
 *
 * <p>Not thread-safe; {@link DirectionTraffic} serialises access.
 */
public final class CapacityEstimator {

  /** Below 1 kB/s a "peak" says only that the line was idle. */
  public static final double MIN_ESTIMATE = 1000;

  public record Settings(Duration window, double percentile, Duration halfLife, int minSamples) {
    public static final Settings DEFAULT =
        new Settings(Duration.ofSeconds(60), 0.9, Duration.ofHours(24), 10);

    public Settings {
      if (window == null || window.compareTo(Duration.ofSeconds(1)) < 0) {
        throw new IllegalArgumentException("window must be at least 1s, not " + window);
      }
      if (!(percentile > 0 && percentile <= 1)) {
        throw new IllegalArgumentException("percentile must be in (0, 1], not " + percentile);
      }
      if (halfLife == null || halfLife.isNegative() || halfLife.isZero()) {
        throw new IllegalArgumentException("halfLife must be > 0, not " + halfLife);
      }
      if (minSamples < 1) {
        throw new IllegalArgumentException("minSamples must be >= 1, not " + minSamples);
      }
    }
  }

  private record Sample(long nanos, double rate) {}

  private final Settings settings;
  private final ArrayDeque<Sample> window = new ArrayDeque<>();
  private double peak;
  private long peakNanos;

  public CapacityEstimator(Settings settings) {
    this.settings = settings;
  }

  /** Offers the rate of the one-second interval ending at monotonic time {@code nanos}. */
  public void offer(double bytesPerSecond, long nanos) {
    if (!(bytesPerSecond >= 0) || Double.isInfinite(bytesPerSecond)) {
      throw new IllegalArgumentException("rate must be finite and >= 0: " + bytesPerSecond);
    }
    long horizon = nanos - settings.window().toNanos();
    while (!window.isEmpty() && window.peekFirst().nanos() <= horizon) {
      window.removeFirst();
    }
    window.addLast(new Sample(nanos, bytesPerSecond));
    if (window.size() < settings.minSamples()) {
      return;
    }
    double candidate = percentile();
    if (candidate >= decayed(nanos)) {
      peak = candidate;
      peakNanos = nanos;
    }
  }

  private double percentile() {
    double[] rates = new double[window.size()];
    int i = 0;
    for (Sample s : window) {
      rates[i++] = s.rate();
    }
    Arrays.sort(rates);
    int rank = (int) Math.ceil(settings.percentile() * rates.length);
    return rates[Math.max(0, rank - 1)];
  }

  private double decayed(long nanos) {
    if (peak == 0) {
      return 0;
    }
    double halfLives = (double) Math.max(0, nanos - peakNanos) / settings.halfLife().toNanos();
    return peak * Math.pow(0.5, halfLives);
  }

  /** The estimate at monotonic time {@code nanos}: {@link Capacity.Source#ESTIMATED} or unknown. */
  public Capacity estimate(long nanos) {
    double v = decayed(nanos);
    return v < MIN_ESTIMATE ? Capacity.UNKNOWN : new Capacity(v, Capacity.Source.ESTIMATED);
  }
}
