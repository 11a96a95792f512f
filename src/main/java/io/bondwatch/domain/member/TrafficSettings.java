package io.bondwatch.domain.member;

/**
 * How traffic of a device is judged.
 *
 * @param defaultCeiling the most a device is believed to carry per second when neither a {@code
 *     maxRate} nor a capacity is configured. The default, 2.5 Gbit/s, is well above any DSL bond
 *     and narrow enough that a 32-bit wrap is told from a reset.
 * @param maxRate the member's configured {@code maxRate} in bytes per second, NaN when not set
 * @param estimator how capacity is estimated where none is configured
 */
public record TrafficSettings(
    double defaultCeiling, double maxRate, CapacityEstimator.Settings estimator) {

  /**
   * A configured capacity is what the bond model should use, not a hard limit of the device: the
   * device counts frame headers, and an admin may configure a conservative figure. Twice it is
   * still far below the built-in default, which is what narrows the window for bad readings.
   */
  public static final double CAPACITY_HEADROOM = 2;

  public static final TrafficSettings DEFAULT =
      new TrafficSettings(2.5e9 / 8, Double.NaN, CapacityEstimator.Settings.DEFAULT);

  public TrafficSettings {
    if (!(defaultCeiling > 0) || Double.isInfinite(defaultCeiling)) {
      throw new IllegalArgumentException("defaultCeiling must be > 0: " + defaultCeiling);
    }
    if (!Double.isNaN(maxRate) && (!(maxRate > 0) || Double.isInfinite(maxRate))) {
      throw new IllegalArgumentException("maxRate must be > 0 or NaN: " + maxRate);
    }
    if (estimator == null) {
      throw new IllegalArgumentException("estimator settings missing");
    }
  }

  /** These settings with the member's configured {@code maxRate}, bytes per second. */
  public TrafficSettings withMaxRate(double bytesPerSecond) {
    return new TrafficSettings(defaultCeiling, bytesPerSecond, estimator);
  }

  /**
   * What a counter step of one direction is judged against, bytes per second: the configured {@code
   * maxRate}, else {@link #CAPACITY_HEADROOM} times the configured capacity, else the default. An
   * estimated capacity is never used: it says what the line has carried, not what it can, and a low
   * estimate would refuse real traffic and so never grow.
   */
  public double ceiling(Capacity configured) {
    if (!Double.isNaN(maxRate)) {
      return maxRate;
    }
    if (configured.source() == Capacity.Source.CONFIGURED) {
      return CAPACITY_HEADROOM * configured.bytesPerSecond();
    }
    return defaultCeiling;
  }
}
