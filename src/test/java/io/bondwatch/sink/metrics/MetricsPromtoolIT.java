package io.bondwatch.sink.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.bondwatch.testbed.SystemTests;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Prometheus' own linter finds nothing to say about what bondwatch exports. */
class MetricsPromtoolIT {

  @Test
  void promtoolCheckMetricsReportsNothing() throws Exception {
    SystemTests.requireTools("promtool");
    Process p =
        new ProcessBuilder("promtool", "check", "metrics").redirectErrorStream(true).start();
    p.getOutputStream().write(MetricsScrape.text().getBytes(StandardCharsets.UTF_8));
    p.getOutputStream().close();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(out).as("promtool output").isEmpty();
    assertThat(p.exitValue()).isZero();
  }
}
