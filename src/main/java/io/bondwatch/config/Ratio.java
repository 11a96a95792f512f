package io.bondwatch.config;

import java.math.BigDecimal;

/**
 * A share between 0 and 1, written {@code 10%} or {@code 0.1}. A number above 1 without a percent
 * sign is rejected (it is probably a percentage with the sign forgotten), not divided by 100.
 */
public record Ratio(double value) {
  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  public Ratio {
    if (!(value >= 0 && value <= 1)) {
      throw new IllegalArgumentException("ratio must be between 0 and 1, got " + value);
    }
  }

  public static Ratio parse(String text) {
    String t = text.strip();
    boolean percent = t.endsWith("%");
    BigDecimal number = Numbers.decimalOrNull(percent ? t.substring(0, t.length() - 1).strip() : t);
    if (number == null) {
      throw new IllegalArgumentException(
          "is not a ratio; write a percentage (10%) or a number between 0 and 1 (0.1)");
    }
    if (percent) {
      if (number.compareTo(HUNDRED) > 0) {
        throw new IllegalArgumentException("is above 100%");
      }
      return new Ratio(number.divide(HUNDRED).doubleValue());
    }
    if (number.compareTo(BigDecimal.ONE) > 0) {
      throw new IllegalArgumentException(
          "is above 1; did you mean '" + number.toPlainString() + "%'?");
    }
    return new Ratio(number.doubleValue());
  }

  /** As a percentage, {@code 10%}. */
  @Override
  public String toString() {
    return BigDecimal.valueOf(value).multiply(HUNDRED).stripTrailingZeros().toPlainString() + "%";
  }
}
