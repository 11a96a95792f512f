package io.bondwatch.domain.member;

/**
 * How traffic of a device is judged.
 *
 * @param maxBytesPerSecond the most a device is believed to carry; a counter delta above it is a
 *     glitch, not traffic. The default, 2.5 Gbit/s, is well above any DSL bond and narrow enough
 *     that a 32-bit wrap is told from a reset.
 * @param estimator how capacity is estimated where none is configured
 */
public record TrafficSettings(double maxBytesPerSecond, CapacityEstimator.Settings estimator) {
  public static final TrafficSettings DEFAULT =
      new TrafficSettings(2.5e9 / 8, CapacityEstimator.Settings.DEFAULT);

  public TrafficSettings {
    if (!(maxBytesPerSecond > 0) || Double.isInfinite(maxBytesPerSecond)) {
      throw new IllegalArgumentException("maxBytesPerSecond must be > 0: " + maxBytesPerSecond);
    }
    if (estimator == null) {
      throw new IllegalArgumentException("estimator settings missing");
    }
  }
}
