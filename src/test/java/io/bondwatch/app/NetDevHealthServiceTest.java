package io.bondwatch.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.bondwatch.config.BondwatchConfig;
import io.bondwatch.config.ConfigLoader;
import io.bondwatch.config.ConfigResult;
import io.bondwatch.source.probe.SimulatedProber.Condition;
import io.bondwatch.source.probe.SimulatedProber.LinkScript;
import io.bondwatch.time.TimeSource;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The wired service with {@code sources.netdev} at files that are not /proc/net/dev: it keeps
 * answering, counts the failures and says in /-/ready what is wrong.
 */
class NetDevHealthServiceTest {
  @TempDir Path dir;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private Wiring wiring;

  private void start(Path netdev) throws Exception {
    String yaml =
        """
        bond: { name: mp0 }
        members:
          - { name: dsl1, interface: eth1, probe: { target: 192.0.2.1 } }
        sources: { netdev: %s }
        http: { listen: "127.0.0.1:0" }
        storage: { dir: %s }
        """
            .formatted(netdev, dir.resolve("state"));
    BondwatchConfig cfg = ((ConfigResult.Valid) ConfigLoader.parse(yaml, "test.yml")).config();
    Map<String, LinkScript> steady = Map.of("dsl1", t -> Condition.ok(10, 0));
    wiring =
        Wiring.start(cfg, TimeSource.SYSTEM, Probers.simulated(cfg, TimeSource.SYSTEM, steady), 0);
  }

  @AfterEach
  void stop() {
    if (wiring != null) {
      wiring.close();
    }
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + wiring.httpPort() + path))
            .timeout(Duration.ofSeconds(5))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void aFifoIsRefusedTheServiceAnswersAndReadinessSaysWhy() throws Exception {
    Path fifo = dir.resolve("fifo");
    assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
    start(fifo);

    assertThat(get("/-/healthy").statusCode()).isEqualTo(200);
    assertThat(get("/metrics").body()).contains("bondwatch_netdev_read_failures_total");
    await().atMost(Duration.ofSeconds(20)).until(() -> get("/-/ready").statusCode() == 503);
    assertThat(get("/-/ready").body())
        .startsWith("netdev sampler has failed for ")
        .contains(fifo + " is a FIFO, not a regular file; not read");
    assertThat(get("/metrics").body())
        .containsPattern("bondwatch_task_failures_total\\{bond=\"mp0\",task=\"netdev\",\\} [1-9]")
        .contains("bondwatch_task_since_success_seconds{bond=\"mp0\",task=\"netdev\",} NaN");
  }

  @Test
  void devZeroIsRefusedAndTheServiceKeepsRunning() throws Exception {
    start(Path.of("/dev/zero"));

    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> get("/-/ready").body().contains("/dev/zero is a character device"));
    assertThat(get("/-/healthy").statusCode()).isEqualTo(200);
    assertThat(wiring.members().get("dsl1").snapshot().probesSent()).isPositive();
  }
}
