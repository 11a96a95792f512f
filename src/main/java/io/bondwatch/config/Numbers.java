package io.bondwatch.config;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Plain numbers in config text: no signs, no exponents, no YAML 1.1 oddities like 0x10 or 1_000.
 */
final class Numbers {
  private static final Pattern DECIMAL = Pattern.compile("[0-9]+(\\.[0-9]+)?");
  private static final Pattern QUANTITY =
      Pattern.compile("([0-9]+(?:\\.[0-9]+)?)\\s*([A-Za-z]*(?:/s)?)");

  /** A number with its unit as written: {@code 1.5MB/s} is (1.5, "MB/s"). */
  record Quantity(BigDecimal number, String unit) {}

  private Numbers() {}

  /** A non-negative decimal, or null when the text is not one. */
  static BigDecimal decimalOrNull(String text) {
    return DECIMAL.matcher(text).matches() ? new BigDecimal(text) : null;
  }

  /**
   * Splits {@code 200ms} or {@code 1.5 MB/s} into number and unit; {@code kind} and {@code units}
   * word the messages ("is not a duration; use ms, s, m or h").
   */
  static Quantity quantity(String text, String kind, String units) {
    Matcher m = QUANTITY.matcher(text.strip());
    if (!m.matches()) {
      throw new IllegalArgumentException("is not a " + kind + "; " + units);
    }
    if (m.group(2).isEmpty()) {
      throw new IllegalArgumentException("has no unit; " + units);
    }
    return new Quantity(new BigDecimal(m.group(1)), m.group(2));
  }

  /** {@code value} as a long, if it is whole and fits; else {@code message} as the problem. */
  static long exactLong(BigDecimal value, String message) {
    try {
      return value.setScale(0, RoundingMode.UNNECESSARY).longValueExact();
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException(message);
    }
  }

  static int wholeNumber(String text) {
    String t = text.strip();
    if (!t.matches("-?[0-9]+")) {
      throw new IllegalArgumentException("is not a whole number");
    }
    try {
      return Integer.parseInt(t);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("is too large");
    }
  }

  static double number(String text) {
    BigDecimal value = decimalOrNull(text.strip());
    if (value == null) {
      throw new IllegalArgumentException("is not a number (e.g. 1000 or 2.5)");
    }
    return value.doubleValue();
  }

  /** {@code 1000} rather than {@code 1000.0}, for messages. */
  static String format(double value) {
    if (!Double.isFinite(value)) {
      return Double.toString(value);
    }
    return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
  }
}
