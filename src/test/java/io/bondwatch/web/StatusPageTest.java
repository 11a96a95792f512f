package io.bondwatch.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StatusPageTest {

  private static Map<String, Double> directions(Double receive, Double transmit) {
    Map<String, Double> m = new HashMap<>();
    m.put("receive", receive);
    m.put("transmit", transmit);
    return m;
  }

  @Test
  void showsARateNotKnownYetAsUnknownNotZero() {
    StatusDocument doc =
        new StatusDocument(
            "1.2.3",
            Instant.EPOCH,
            new StatusDocument.Bond(
                "mp0",
                "multilink",
                2,
                2,
                directions(null, 200_000.0),
                directions(null, null),
                Map.of()),
            List.of());

    assertThat(StatusPage.render(doc))
        .contains("effective unknown down / 1.600 Mbit/s up; nominal unknown / unknown")
        .doesNotContain("0.000 Mbit/s");
  }

  @Test
  void showsTheBundleProbeAndABundleFaultNobodyIsBlamedFor() {
    Map<String, Object> extra = new java.util.LinkedHashMap<>();
    extra.put(
        "probe",
        Map.of(
            "target", "203.0.113.1", "state", "down", "reason", "5 consecutive probes lost (k=3)"));
    extra.put(
        "fault",
        "bundle stalled: bundle probes lost (5 in a row) and no member received frames for 1.20 s; nobody blamed");
    StatusDocument doc =
        new StatusDocument(
            "1.2.3",
            Instant.EPOCH,
            new StatusDocument.Bond(
                "mp0", "multilink", 2, 2, directions(1.0, 1.0), directions(1.0, 1.0), extra),
            List.of());

    assertThat(StatusPage.render(doc))
        .contains(
            "<p id=\"bundle-probe\" class=\"down\">bundle probe 203.0.113.1: down (5 consecutive"
                + " probes lost (k=3))</p>")
        .contains(
            "<p id=\"fault\" class=\"down\">bundle stalled: bundle probes lost (5 in a row) and no"
                + " member received frames for 1.20 s; nobody blamed</p>");
  }
}
