package io.bondwatch.config;

import java.util.List;
import java.util.Objects;

/** What {@link ConfigLoader} gives back: a complete valid config, or every problem found. */
public sealed interface ConfigResult permits ConfigResult.Valid, ConfigResult.Invalid {

  /** Empty for a valid config. */
  List<ConfigProblem> problems();

  default boolean isValid() {
    return this instanceof Valid;
  }

  /**
   * A config that passed every value check and every rule of {@link ConfigRules}.
   *
   * @param warnings values that are valid but probably not meant (placeholders such as
   *     documentation addresses); the config is usable, the admin should see them
   */
  record Valid(BondwatchConfig config, List<ConfigProblem> warnings) implements ConfigResult {
    public Valid {
      Objects.requireNonNull(config, "config");
      warnings = List.copyOf(warnings);
    }

    @Override
    public List<ConfigProblem> problems() {
      return List.of();
    }
  }

  /** At least one problem; nothing of the file is usable. */
  record Invalid(List<ConfigProblem> problems) implements ConfigResult {
    public Invalid {
      problems = List.copyOf(problems);
      if (problems.isEmpty()) {
        throw new IllegalArgumentException("an invalid config needs at least one problem");
      }
    }
  }
}
