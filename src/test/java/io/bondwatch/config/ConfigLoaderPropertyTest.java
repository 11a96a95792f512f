package io.bondwatch.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Whatever text it gets, the loader returns a result, never throws and never hits its own bug
 * guard.
 */
class ConfigLoaderPropertyTest {
  private static final String EXAMPLE = example();
  private static final List<String> YAML_BITS =
      List.of(
          ":",
          "- ",
          "{",
          "}",
          "[",
          "]",
          ",",
          "\n",
          "  ",
          "&a ",
          "*a",
          "!!str ",
          "? ",
          "|\n",
          ">-\n",
          "'",
          "\"",
          "#",
          "~",
          "null",
          "---\n",
          "...\n",
          "%YAML 1.1\n",
          "<<: ",
          "\t",
          "\u0000",
          "\uFEFF",
          "members",
          "bond",
          "probe",
          "interval",
          "5Mbit",
          "300.1.2.3",
          "10%",
          "1e999",
          "-1",
          "0x1F");

  @Property(tries = 300)
  void randomTextNeverThrows(@ForAll String text) {
    assertHandled(text);
  }

  @Property(tries = 300)
  void randomYamlTokensNeverThrow(@ForAll("yamlTokens") String text) {
    assertHandled(text);
  }

  @Property(tries = 400)
  void garbledExampleNeverThrows(
      @ForAll @IntRange(min = 0, max = 4000) int at,
      @ForAll @IntRange(min = 0, max = 40) int cut,
      @ForAll("yamlTokens") String insert) {
    int start = Math.min(at, EXAMPLE.length());
    int end = Math.min(start + cut, EXAMPLE.length());
    assertHandled(EXAMPLE.substring(0, start) + insert + EXAMPLE.substring(end));
  }

  @Provide
  Arbitrary<String> yamlTokens() {
    return Arbitraries.of(YAML_BITS).list().ofMaxSize(30).map(bits -> String.join("", bits));
  }

  private static void assertHandled(String text) {
    ConfigResult result = ConfigLoader.parse(text, "fuzz.yml");
    assertThat(result).isNotNull();
    for (ConfigProblem p : result.problems()) {
      assertThat(p.message()).doesNotStartWith("internal error");
      assertThat(p.render()).doesNotContain("\n");
    }
    if (result instanceof ConfigResult.Valid valid) {
      assertThat(ConfigRules.check(valid.config())).isEmpty();
    }
  }

  private static String example() {
    try (InputStream in = ConfigLoaderPropertyTest.class.getResourceAsStream("example.yml")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
