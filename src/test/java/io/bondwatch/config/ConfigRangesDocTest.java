package io.bondwatch.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The Ranges table of docs/configuration.md against the code: for every row with literal bounds,
 * each bound is accepted and the value just beyond it is refused at that key, so the table cannot
 * drift from what check-config does.
 */
class ConfigRangesDocTest {
  private static final Path DOC = Path.of("docs/configuration.md");
  private static final Pattern ROW =
      Pattern.compile("^\\| ([^|]*) \\| ([^|]*) \\| ([^|]*) \\|.*$", Pattern.MULTILINE);
  private static final Pattern LITERAL = Pattern.compile("`([0-9]+(\\.[0-9]+)?[A-Za-z]*)`");
  private static final Pattern KEY = Pattern.compile("`([^`]+)`(.*)");
  private static final Pattern RANGE_WORDING =
      Pattern.compile("must be (at least|at most|between)");

  /** Rows whose bounds are not one literal each; covered by ConfigLoaderTest instead. */
  private static final Set<String> NOT_LITERAL =
      Set.of(
          "members[].probe.targets",
          "members[].probe.quorum",
          "policy.down.maxConsecutiveLost",
          "policy.degraded.loss",
          "policy.drop.loss",
          "http.listen",
          "reports[].cron");

  /**
   * @param plainKey false for a key with a remark ("`http.listen` (port)"): its bounds are not
   *     bounds of the value as written
   */
  record Row(String key, boolean plainKey, String min, String max) {}

  static List<Row> rows() throws IOException {
    String doc = Files.readString(DOC);
    String section = doc.substring(doc.indexOf("## Ranges"));
    section = section.substring(0, section.indexOf("\n## ", 1));
    List<Row> rows = new ArrayList<>();
    Matcher m = ROW.matcher(section);
    while (m.find()) {
      Matcher key = KEY.matcher(m.group(1).strip());
      if (key.matches()) {
        rows.add(
            new Row(key.group(1), key.group(2).isEmpty(), m.group(2).strip(), m.group(3).strip()));
      }
    }
    return rows;
  }

  @Test
  void everyLiteralBoundIsTheCodesBound() throws IOException {
    List<String> checked = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    for (Row row : rows()) {
      String min = literal(row.min());
      String max = literal(row.max());
      if (!row.plainKey() || min == null || max == null) {
        skipped.add(row.key());
        continue;
      }
      assertThat(rangeProblems(row.key(), min)).as(row + " at its minimum").isEmpty();
      assertThat(rangeProblems(row.key(), max)).as(row + " at its maximum").isEmpty();
      assertThat(rangeProblems(row.key(), beyond(min, -1))).as(row + " below").isNotEmpty();
      assertThat(rangeProblems(row.key(), beyond(max, +1))).as(row + " above").isNotEmpty();
      checked.add(row.key());
    }
    assertThat(skipped).containsExactlyInAnyOrderElementsOf(NOT_LITERAL);
    assertThat(checked).hasSizeGreaterThanOrEqualTo(15);
  }

  /** The cell's value when it is exactly one literal, else null. */
  private static String literal(String cell) {
    Matcher m = LITERAL.matcher(cell);
    return m.matches() ? m.group(1) : null;
  }

  /** The smallest step past {@code bound} that the value's kind can express. */
  private static String beyond(String bound, int direction) {
    if (bound.matches("[0-9]+")) {
      return Long.toString(Long.parseLong(bound) + direction);
    }
    if (bound.matches("[0-9.]+(ms|s|m|h)")) {
      Duration d = Durations.parse(bound).plusMillis(direction);
      return Durations.format(d);
    }
    long bits = Rate.parse(bound).bitsPerSecond() + direction;
    return BigDecimal.valueOf(bits).toPlainString() + "bit";
  }

  /** The problems at {@code key} worded as a range violation, with {@code value} set there. */
  private static List<String> rangeProblems(String key, String value) {
    String path = key.replace("[]", "[0]");
    ConfigResult r = ConfigLoader.parse(withValue(key, value), "ranges.yml");
    return r.problems().stream()
        .filter(p -> p.path().equals(path) && RANGE_WORDING.matcher(p.message()).find())
        .map(ConfigProblem::render)
        .toList();
  }

  private static String withValue(String key, String value) {
    if (key.startsWith("members[].")) {
      String[] parts = key.substring("members[].".length()).split("\\.");
      return ConfigYaml.MINIMAL.replace(
          "interface: eth1,", "interface: eth1, " + flow(parts, value) + ",");
    }
    return ConfigYaml.MINIMAL + flow(key.split("\\."), value) + "\n";
  }

  /** {@code [a, b, c]} and v as {@code a: { b: { c: v } }}. */
  private static String flow(String[] parts, String value) {
    String text = parts[parts.length - 1] + ": " + value;
    for (int i = parts.length - 2; i >= 0; i--) {
      text = parts[i] + ": { " + text + " }";
    }
    return text;
  }
}
