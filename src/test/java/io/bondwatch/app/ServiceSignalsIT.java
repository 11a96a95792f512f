package io.bondwatch.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.bondwatch.testbed.BondwatchProcess;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real jar's lifecycle, as systemd and an admin see it: {@code bondwatch demo} (no root needed)
 * as a child process, sent real signals.
 */
class ServiceSignalsIT {
  private static final Pattern DEMO_URL =
      Pattern.compile("bondwatch demo: http://127\\.0\\.0\\.1:(\\d+)/");

  @TempDir Path dir;
  private BondwatchProcess bw;

  @AfterEach
  void cleanup(TestInfo info) {
    if (bw != null) {
      bw.close();
      System.err.println("--- output of " + info.getDisplayName() + " ---\n" + bw.output());
    }
  }

  private void startDemo() throws IOException {
    int port = BondwatchProcess.freePort();
    bw = BondwatchProcess.start(dir, port, "demo", "--port", Integer.toString(port));
    await("ready").atMost(Duration.ofSeconds(30)).until(() -> bw.get("/-/ready").code() == 200);
  }

  private void signal(String name) throws Exception {
    Process kill =
        new ProcessBuilder("kill", "-s", name, Long.toString(bw.process().pid()))
            .inheritIO()
            .start();
    assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();
    assertThat(kill.exitValue()).as("kill -s " + name).isZero();
  }

  private int exitCode() throws InterruptedException {
    assertThat(bw.process().waitFor(20, TimeUnit.SECONDS)).as("stopped within 20 s").isTrue();
    return bw.process().exitValue();
  }

  @Test
  void sighupIsLoggedAndIgnoredAndTheServiceKeepsServing() throws Exception {
    startDemo();
    signal("HUP");
    await("HUP logged")
        .atMost(Duration.ofSeconds(10))
        .until(() -> bw.output().contains("SIGHUP: ignored"));
    assertThat(bw.process().isAlive()).isTrue();
    BondwatchProcess.Response ready = bw.get("/-/ready");
    assertThat(ready.code()).as("/-/ready after SIGHUP: %s", ready.body()).isEqualTo(200);
    assertThat(bw.output()).doesNotContain("shutting down");
  }

  @Test
  void sigtermStopsCleanlyWithExitZeroAfterClosingEverything() throws Exception {
    startDemo();
    signal("TERM");
    assertThat(exitCode()).isZero();
    assertThat(bw.output())
        .containsSubsequence("shutting down (SIGTERM)", "stopped")
        .doesNotContain("Exception");
  }

  @Test
  void sigintStopsCleanlyWithExitZero() throws Exception {
    startDemo();
    signal("INT");
    assertThat(exitCode()).isZero();
    assertThat(bw.output()).containsSubsequence("shutting down (SIGINT)", "stopped");
  }

  @Test
  void demoOnPortZeroPrintsThePortItBound() throws Exception {
    bw = BondwatchProcess.start(dir, 0, "demo", "--port", "0");
    await("demo URL printed")
        .atMost(Duration.ofSeconds(30))
        .until(() -> DEMO_URL.matcher(bw.output()).find());
    Matcher m = DEMO_URL.matcher(bw.output());
    assertThat(m.find()).isTrue();
    int port = Integer.parseInt(m.group(1));
    assertThat(port).isPositive();
    assertThat(bw.output()).contains("http: listening on 127.0.0.1:" + port);
  }
}
