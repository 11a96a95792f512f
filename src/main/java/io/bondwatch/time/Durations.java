package io.bondwatch.time;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Durations as people read them in logs and messages: {@code 10 s}, {@code 200 ms}, {@code 2 m 30
 * s}, never {@code PT2M30S}. Config files and the messages about them keep the config's own
 * spelling ({@code 10s}, {@code 200ms}; see {@code io.bondwatch.config.Durations}).
 */
public final class Durations {
  private static final long NANOS_PER_MS = 1_000_000L;
  private static final long NANOS_PER_S = 1_000_000_000L;

  private Durations() {}

  /**
   * From a minute up: hours, minutes and whole seconds ({@code 1 h 5 m}, {@code 2 m 30 s}); below:
   * seconds or milliseconds with at most three decimals ({@code 1.5 s}, {@code 200 ms}, {@code 0.25
   * ms}); below a microsecond, nanoseconds.
   */
  public static String human(Duration d) {
    if (d == null) {
      return "-";
    }
    if (d.isNegative()) {
      return "-" + human(d.negated());
    }
    if (d.compareTo(Duration.ofMinutes(1)) >= 0) {
      long seconds = d.getSeconds();
      boolean roundUp = d.getNano() >= 500_000_000 && seconds < Long.MAX_VALUE;
      return hoursMinutesSeconds(roundUp ? seconds + 1 : seconds);
    }
    long nanos = d.toNanos();
    if (nanos == 0) {
      return "0 s";
    }
    if (nanos >= NANOS_PER_S) {
      return decimal(nanos, 9) + " s";
    }
    if (nanos >= 1_000) {
      return decimal(nanos, 6) + " ms";
    }
    return nanos + " ns";
  }

  private static String hoursMinutesSeconds(long seconds) {
    List<String> parts = new ArrayList<>();
    if (seconds >= 3600) {
      parts.add(seconds / 3600 + " h");
    }
    if (seconds % 3600 >= 60) {
      parts.add(seconds % 3600 / 60 + " m");
    }
    if (seconds % 60 != 0) {
      parts.add(seconds % 60 + " s");
    }
    return String.join(" ", parts);
  }

  /** {@code nanos} shifted by {@code scale} digits, rounded to three decimals, no trailing 0s. */
  private static String decimal(long nanos, int scale) {
    return BigDecimal.valueOf(nanos, scale)
        .setScale(3, RoundingMode.HALF_UP)
        .stripTrailingZeros()
        .toPlainString();
  }
}
