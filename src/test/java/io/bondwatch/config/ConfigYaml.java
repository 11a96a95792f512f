package io.bondwatch.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

/** Inline-YAML helpers for config tests. */
final class ConfigYaml {
  /** A smallest valid config: four lines, so appended sections start at line 5. */
  static final String MINIMAL =
      """
      bond: { name: mp0 }
      members:
        - { name: dsl1, interface: eth1, probe: { target: 192.0.2.1 } }
        - { name: dsl2, interface: eth2, probe: { target: 198.51.100.1 } }
      """;

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

  /** MINIMAL plus more top-level sections. */
  static BondwatchConfig validWith(String sections) {
    return valid(MINIMAL + sections);
  }

  static List<String> problemsWith(String sections) {
    return problems(MINIMAL + sections);
  }
}
