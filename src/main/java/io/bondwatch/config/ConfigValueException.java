package io.bondwatch.config;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Thrown by a config record whose values break its own rules. It lists every broken field, so that
 * the loader can report each one at its key and line.
 */
public final class ConfigValueException extends IllegalArgumentException {

  /**
   * One broken field.
   *
   * @param field the YAML key inside the record ({@code interval}); empty for the record as a whole
   * @param value the value as the record saw it, for messages about defaults
   * @param message a predicate about the value ({@code must be at least 10ms})
   */
  public record Violation(String field, String value, String message) {}

  private final transient List<Violation> violations;

  ConfigValueException(List<Violation> violations) {
    super(
        violations.stream()
            .map(v -> (v.field().isEmpty() ? "" : v.field() + ": ") + v.message())
            .collect(Collectors.joining("; ")));
    this.violations = List.copyOf(violations);
  }

  public List<Violation> violations() {
    return violations;
  }
}
