package io.bondwatch.config;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;

/**
 * Config durations: a decimal number and one of the units {@code ms}, {@code s}, {@code m}, {@code
 * h}, case-sensitive ({@code 200ms}, {@code 1.5s}, {@code 2m}). A bare number is rejected rather
 * than guessed to be seconds or milliseconds.
 */
public final class Durations {
  private static final Map<String, Long> NANOS_PER_UNIT =
      Map.of("ms", 1_000_000L, "s", 1_000_000_000L, "m", 60_000_000_000L, "h", 3_600_000_000_000L);
  private static final String UNITS = "use ms, s, m or h (e.g. 200ms, 1.5s, 2m)";

  private Durations() {}

  public static Duration parse(String text) {
    Numbers.Quantity q = Numbers.quantity(text, "duration", UNITS);
    String unit = q.unit();
    Long nanosPerUnit = NANOS_PER_UNIT.get(unit);
    if (nanosPerUnit == null) {
      String hint =
          NANOS_PER_UNIT.containsKey(unit.toLowerCase(java.util.Locale.ROOT))
              ? "units are case-sensitive; "
              : "";
      throw new IllegalArgumentException("has unknown unit '" + unit + "'; " + hint + UNITS);
    }
    BigDecimal nanos = q.number().multiply(BigDecimal.valueOf(nanosPerUnit));
    return Duration.ofNanos(
        Numbers.exactLong(nanos, "is finer than a nanosecond or longer than 290 years"));
  }

  /** The shortest config spelling of a duration: {@code 2m}, {@code 1.5s}, {@code 200ms}. */
  public static String format(Duration d) {
    if (d.isNegative()) {
      return "-" + format(d.negated());
    }
    long nanos;
    try {
      nanos = d.toNanos();
    } catch (ArithmeticException e) {
      return d.toString();
    }
    for (String unit : new String[] {"h", "m", "s"}) {
      if (nanos != 0 && nanos % NANOS_PER_UNIT.get(unit) == 0) {
        return nanos / NANOS_PER_UNIT.get(unit) + unit;
      }
    }
    if (nanos >= 1_000_000_000L) {
      return BigDecimal.valueOf(nanos, 9).stripTrailingZeros().toPlainString() + "s";
    }
    return BigDecimal.valueOf(nanos, 6).stripTrailingZeros().toPlainString() + "ms";
  }
}
