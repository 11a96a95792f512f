package io.bondwatch.config;

import io.bondwatch.config.ConfigValueException.Violation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Collects what a record's compact constructor finds wrong, so that every broken field is reported
 * at once rather than the first only. Each check treats null as "is required".
 */
final class Checks {
  private final List<Violation> violations = new ArrayList<>();

  boolean present(Object value, String field) {
    if (value == null) {
      violations.add(new Violation(field, null, "is required"));
      return false;
    }
    return true;
  }

  void require(boolean ok, String field, Object value, String message) {
    if (!ok) {
      violations.add(new Violation(field, value == null ? null : value.toString(), message));
    }
  }

  void atLeast(Duration value, Duration min, String field) {
    if (present(value, field)) {
      require(
          value.compareTo(min) >= 0,
          field,
          Durations.format(value),
          "must be at least " + Durations.format(min));
    }
  }

  void atMost(Duration value, Duration max, String field) {
    if (value != null) {
      require(
          value.compareTo(max) <= 0,
          field,
          Durations.format(value),
          "must be at most " + Durations.format(max));
    }
  }

  /** {@code min <= value <= max}; one message, naming the bound that is crossed. */
  void within(Duration value, Duration min, Duration max, String field) {
    atLeast(value, min, field);
    if (value != null && value.compareTo(min) >= 0) {
      atMost(value, max, field);
    }
  }

  /** A rate, when given, within {@code min..max}. */
  void within(Rate value, Rate min, Rate max, String field) {
    if (value != null) {
      require(
          value.bitsPerSecond() >= min.bitsPerSecond()
              && value.bitsPerSecond() <= max.bitsPerSecond(),
          field,
          value,
          "must be between " + min + " and " + max);
    }
  }

  void between(long value, long min, long max, String field) {
    require(value >= min && value <= max, field, value, "must be between " + min + " and " + max);
  }

  void between(double value, double min, double max, String field) {
    require(
        value >= min && value <= max,
        field,
        Numbers.format(value),
        "must be between " + Numbers.format(min) + " and " + Numbers.format(max));
  }

  void nonEmpty(Collection<?> values, String field) {
    if (present(values, field)) {
      require(!values.isEmpty(), field, "[]", "must not be empty");
    }
  }

  void matches(
      String value, java.util.function.Predicate<String> valid, String field, String what) {
    if (present(value, field)) {
      require(valid.test(value), field, value, what);
    }
  }

  void throwIfAny() {
    if (!violations.isEmpty()) {
      throw new ConfigValueException(violations);
    }
  }
}
