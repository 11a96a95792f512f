package io.bondwatch.config;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A data rate, held as whole bits per second.
 *
 * <p>Text form: a decimal number, optional space, a unit, an optional {@code /s}: {@code 5Mbit},
 * {@code 5.0Mbit}, {@code 800kbit}, {@code 1.5MB/s}, {@code 100kB}. Units are {@code bit, kbit,
 * Mbit, Gbit} (bits) and {@code B, kB, MB, GB} (bytes), with SI factors (1 kbit = 1000 bit).
 *
 * <p>Units are case-sensitive, because case is what tells bits from bytes: {@code mbit} or {@code
 * Kbit} are rejected with the right spelling suggested, and {@code Mb}, {@code mb}, {@code Mbps}
 * are rejected as ambiguous (tc reads {@code mbps} as megabytes, most people as megabits).
 */
public record Rate(long bitsPerSecond) {
  private static final Map<String, Long> BITS_PER_UNIT = new LinkedHashMap<>();

  static {
    BITS_PER_UNIT.put("bit", 1L);
    BITS_PER_UNIT.put("kbit", 1_000L);
    BITS_PER_UNIT.put("Mbit", 1_000_000L);
    BITS_PER_UNIT.put("Gbit", 1_000_000_000L);
    BITS_PER_UNIT.put("B", 8L);
    BITS_PER_UNIT.put("kB", 8_000L);
    BITS_PER_UNIT.put("MB", 8_000_000L);
    BITS_PER_UNIT.put("GB", 8_000_000_000L);
  }

  private static final String UNITS =
      "use bit, kbit, Mbit, Gbit or B, kB, MB, GB (e.g. 5Mbit, 800kbit, 1.5MB/s)";

  public Rate {
    if (bitsPerSecond <= 0) {
      throw new IllegalArgumentException("rate must be above 0, got " + bitsPerSecond + " bit/s");
    }
  }

  public static Rate ofBitsPerSecond(long bits) {
    return new Rate(bits);
  }

  public double bytesPerSecond() {
    return bitsPerSecond / 8.0;
  }

  public static Rate parse(String text) {
    Numbers.Quantity q = Numbers.quantity(text, "rate", UNITS);
    String unit = q.unit().endsWith("/s") ? q.unit().substring(0, q.unit().length() - 2) : q.unit();
    Long perUnit = BITS_PER_UNIT.get(unit);
    if (perUnit == null) {
      throw new IllegalArgumentException(unknownUnit(unit));
    }
    BigDecimal bits = q.number().multiply(BigDecimal.valueOf(perUnit));
    if (bits.signum() == 0) {
      throw new IllegalArgumentException("must be above 0");
    }
    return new Rate(
        Numbers.exactLong(bits, "is not a whole number of bits per second, or too large"));
  }

  private static String unknownUnit(String unit) {
    String lower = unit.toLowerCase(Locale.ROOT);
    // "mb", "Kb", "mbps": a lowercase b or a "ps" suffix is read as bits by some, bytes by others
    int bAt = lower.startsWith("b") ? 0 : 1;
    if (lower.matches("[kmg]?b(ps)?") && unit.charAt(bAt) == 'b') {
      String prefix = unit.substring(0, bAt);
      String bits = prefix.isEmpty() ? "bit" : canonicalPrefix(prefix) + "bit";
      String bytes = prefix.isEmpty() ? "B" : canonicalPrefix(prefix) + "B";
      return "has ambiguous unit '"
          + unit
          + "'; write "
          + bits
          + " (bits) or "
          + bytes
          + " (bytes) per second";
    }
    for (String known : BITS_PER_UNIT.keySet()) {
      if (known.equalsIgnoreCase(unit) || (known + "ps").equalsIgnoreCase(unit)) {
        return "has unit '"
            + unit
            + "'; units are case-sensitive (bit or B tells bits from bytes): did you mean '"
            + known
            + "'?";
      }
    }
    return "has unknown unit '" + unit + "'; " + UNITS;
  }

  private static String canonicalPrefix(String prefix) {
    return prefix.equalsIgnoreCase("k") ? "k" : prefix.toUpperCase(Locale.ROOT);
  }

  /** The shortest exact spelling in bits: {@code 10Mbit}, {@code 1.024Mbit}, {@code 800kbit}. */
  @Override
  public String toString() {
    String[] units = {"Gbit", "Mbit", "kbit"};
    for (String unit : units) {
      long per = BITS_PER_UNIT.get(unit);
      if (bitsPerSecond >= per) {
        return BigDecimal.valueOf(bitsPerSecond)
                .divide(BigDecimal.valueOf(per))
                .stripTrailingZeros()
                .toPlainString()
            + unit;
      }
    }
    return bitsPerSecond + "bit";
  }
}
