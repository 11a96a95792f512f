package io.bondwatch.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.bondwatch.config.BondwatchConfig;
import io.bondwatch.config.ConfigLoader;
import io.bondwatch.config.ConfigResult;
import io.bondwatch.source.probe.SimulatedProber.Condition;
import io.bondwatch.time.TimeSource;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The wired service and its state directory: created and locked at start with or without a pppd
 * source, a second instance refused in one line, and readiness that reflects the log source.
 */
class WiringStateTest {
  @TempDir Path dir;
  private Wiring wiring;

  @AfterEach
  void stop() {
    if (wiring != null) {
      wiring.close();
    }
  }

  private BondwatchConfig config(String sources) throws Exception {
    Files.writeString(dir.resolve("net-dev"), "");
    String yaml =
        """
        bond: { name: mp0 }
        members:
          - { name: dsl1, interface: eth1, probe: { target: 192.0.2.1 } }
        sources: { %s netdev: %s }
        http: { listen: "127.0.0.1:0" }
        storage: { dir: %s }
        """
            .formatted(sources, dir.resolve("net-dev"), dir.resolve("state/bw"));
    ConfigResult r = ConfigLoader.parse(yaml, "test");
    assertThat(r.problems()).isEmpty();
    return ((ConfigResult.Valid) r).config();
  }

  private static Wiring start(BondwatchConfig cfg) throws java.io.IOException {
    return Wiring.start(
        cfg,
        TimeSource.SYSTEM,
        Probers.simulated(cfg, TimeSource.SYSTEM, Map.of("dsl1", t -> Condition.ok(10, 0))),
        0);
  }

  private int ready() throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + wiring.httpPort() + "/-/ready"))
                .build(),
            HttpResponse.BodyHandlers.ofString())
        .statusCode();
  }

  @Test
  void withoutAPppdSourceTheStateDirIsCreatedAndLockedAndASecondStartIsRefused() throws Exception {
    BondwatchConfig cfg = config("");
    wiring = start(cfg);
    assertThat(dir.resolve("state/bw/lock")).hasContent(ProcessHandle.current().pid() + "\n");

    StringWriter err = new StringWriter();
    int code = Service.runUntilStopped(new PrintWriter(err, true), () -> start(cfg));
    assertThat(code).isEqualTo(1);
    assertThat(err.toString())
        .isEqualTo(
            "bondwatch: cannot start: storage.dir "
                + dir.resolve("state/bw")
                + " is in use by another bondwatch (pid "
                + ProcessHandle.current().pid()
                + ")"
                + System.lineSeparator());
    assertThat(ready()).as("the first instance runs on").isEqualTo(200);
  }

  @Test
  void notReadyWhileTheLogPathIsADirectoryAndReadyOnceItIsAFileAgain() throws Exception {
    Path log = dir.resolve("messages");
    Files.createDirectory(log);
    wiring = start(config("pppd: { log: " + log + " },"));
    assertThat(wiring.notReady())
        .isEqualTo(List.of("log " + log + " is a directory, not a regular file"));
    assertThat(ready()).isEqualTo(503);
    Files.delete(log);
    Files.writeString(log, "Nov 24 10:00:01 r pppd[200]: Starting negotiation on eth1\n");
    await().atMost(Duration.ofSeconds(10)).until(() -> wiring.notReady().isEmpty());
    assertThat(ready()).isEqualTo(200);
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> wiring.scrape().contains("event=\"negotiation\",member=\"dsl1\""));
  }
}
