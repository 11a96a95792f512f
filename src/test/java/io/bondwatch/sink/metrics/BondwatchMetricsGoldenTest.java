package io.bondwatch.sink.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The exported names, labels, help texts and values, pinned in one file: dashboards and alert rules
 * depend on them. After an intended change, regenerate with {@code -Dbondwatch.golden.update=true}
 * and review the diff.
 */
class BondwatchMetricsGoldenTest {
  private static final String GOLDEN = "/metrics/golden.prom";

  @Test
  void scrapeMatchesTheGoldenFileExactly() throws IOException {
    String actual = canonical(MetricsScrape.text());
    if (Boolean.getBoolean("bondwatch.golden.update")) {
      Files.writeString(Path.of("src/test/resources" + GOLDEN), actual);
    }
    try (InputStream in = getClass().getResourceAsStream(GOLDEN)) {
      assertThat(in).as("golden file " + GOLDEN).isNotNull();
      String expected = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      assertThat(actual).isEqualTo(canonical(expected));
    }
  }

  /** Families sorted by name, each as its HELP and TYPE lines followed by its sorted samples. */
  static String canonical(String text) {
    java.util.TreeMap<String, java.util.List<String>> families = new java.util.TreeMap<>();
    String current = "";
    for (String line : text.split("\n")) {
      if (line.isBlank()) {
        continue;
      }
      if (line.startsWith("# HELP ")) {
        current = line.split(" ")[2];
      }
      families.computeIfAbsent(current, k -> new java.util.ArrayList<>()).add(line);
    }
    StringBuilder sb = new StringBuilder();
    for (java.util.List<String> lines : families.values()) {
      java.util.List<String> comments = lines.stream().filter(l -> l.startsWith("#")).toList();
      java.util.List<String> samples =
          lines.stream().filter(l -> !l.startsWith("#")).sorted().toList();
      comments.forEach(l -> sb.append(l).append('\n'));
      samples.forEach(l -> sb.append(l).append('\n'));
    }
    return sb.toString();
  }

  @Test
  void theLogSourceCountersAreExportedAtZeroBeforeTheirFirstIncrement() {
    String text =
        MetricsScrape.bound(new BondwatchMetrics(new FixedMetricsSource(), "1.2.3")).scrape();
    assertThat(text)
        .contains("bondwatch_log_rotations_total{bond=\"mp0\",kind=\"replaced\",} 0.0")
        .contains("bondwatch_log_rotations_total{bond=\"mp0\",kind=\"truncated\",} 0.0")
        .contains("bondwatch_log_lines_capped_total{bond=\"mp0\",} 0.0")
        .contains("bondwatch_log_recovered_bytes_total{bond=\"mp0\",} 0.0")
        .contains("bondwatch_log_not_regular_total{bond=\"mp0\",kind=\"directory\",} 0.0")
        .contains("bondwatch_log_not_regular_total{bond=\"mp0\",kind=\"fifo\",} 0.0")
        .contains(
            "bondwatch_log_checkpoint_fallbacks_total{bond=\"mp0\",outcome=\"from_start\",} 0.0")
        .contains("bondwatch_log_lines_total{bond=\"mp0\",result=\"malformed\",} 0.0");
  }

  @Test
  void theLogLineResultsExportedAtZeroAreTheParsersOutcomes() {
    assertThat(BondwatchMetrics.LOG_LINE_RESULTS)
        .containsExactlyInAnyOrderElementsOf(
            java.util.Arrays.stream(io.bondwatch.source.pppd.ParseOutcome.Result.values())
                .map(io.bondwatch.source.pppd.ParseOutcome.Result::tag)
                .toList());
  }

  @Test
  void everyDesignMetricThisVersionFillsIsExported() {
    String text = MetricsScrape.text();
    for (String name :
        List.of(
            "bondwatch_member_state",
            "bondwatch_member_active",
            "bondwatch_member_weight",
            "bondwatch_member_rtt_seconds",
            "bondwatch_member_loss_ratio",
            "bondwatch_probe_rtt_seconds_bucket",
            "bondwatch_probes_sent_total",
            "bondwatch_probes_lost_total",
            "bondwatch_member_receive_bytes_total",
            "bondwatch_member_transmit_bytes_total",
            "bondwatch_member_capacity_bytes_per_second",
            "bondwatch_member_flaps_total",
            "bondwatch_member_session_up",
            "bondwatch_pppd_events_total",
            "bondwatch_bond_members",
            "bondwatch_bond_members_active",
            "bondwatch_bond_effective_rate_bytes_per_second",
            "bondwatch_bond_nominal_rate_bytes_per_second",
            "bondwatch_bond_receive_bytes_total",
            "bondwatch_bond_transmit_bytes_total",
            "bondwatch_log_lines_total",
            "bondwatch_build_info")) {
      assertThat(text).as(name).containsPattern("(?m)^" + name + "\\{");
      assertThat(text)
          .as("help of " + name)
          .containsPattern("(?m)^# HELP " + name.replaceFirst("_bucket$", "") + " \\S");
    }
    assertThat(text)
        .contains("bondwatch_member_state{bond=\"mp0\",member=\"dsl2\",state=\"down\",} 1.0");
  }
}
