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
}
