package io.bondwatch.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

/** Inline-YAML helpers for config tests. */
final class ConfigYaml {
  static final String MINIMAL = ConfigYamlSamples.MINIMAL;

  private ConfigYaml() {}

  static BondwatchConfig valid(String yaml) {
    ConfigResult result = ConfigLoader.parse(yaml, "test.yml");
    assertThat(result.problems()).as("problems of a config meant to be valid").isEmpty();
    return ((ConfigResult.Valid) result).config();
  }

  /** The rendered problems of a config meant to be invalid (never empty). */
  static List<String> problems(String yaml) {
    ConfigResult result = ConfigLoader.parse(yaml, "test.yml");
    assertThat(result.isValid()).as("config meant to be invalid was accepted").isFalse();
    return result.problems().stream().map(ConfigProblem::render).toList();
  }

  /** The rendered warnings of a config meant to be valid. */
  static List<String> warnings(String yaml) {
    ConfigResult result = ConfigLoader.parse(yaml, "test.yml");
    assertThat(result.problems()).as("problems of a config meant to be valid").isEmpty();
    return ((ConfigResult.Valid) result).warnings().stream().map(ConfigProblem::render).toList();
  }

  /** MINIMAL plus more top-level sections. */
  static BondwatchConfig validWith(String sections) {
    return valid(MINIMAL + sections);
  }

  static List<String> problemsWith(String sections) {
    return problems(MINIMAL + sections);
  }
}
