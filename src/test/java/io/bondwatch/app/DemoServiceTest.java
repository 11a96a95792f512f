package io.bondwatch.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bondwatch.config.BondwatchConfig;
import io.bondwatch.source.probe.SimulatedProber.Condition;
import io.bondwatch.source.probe.SimulatedProber.LinkScript;
import io.bondwatch.time.TimeSource;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The wired service on the demo config, on a real HTTP port with real threads: simulated probes
 * only, everything downstream real.
 */
class DemoServiceTest {
  @TempDir Path dir;
  private final AtomicBoolean dsl2Alive = new AtomicBoolean(true);
  private final HttpClient http = HttpClient.newHttpClient();
  private final ObjectMapper json = new ObjectMapper();
  private Wiring wiring;

  @BeforeEach
  void start() throws Exception {
    Files.writeString(
        dir.resolve("net-dev"),
        "Inter-| Receive | Transmit\n face |bytes packets|bytes packets\n    lo: 0 0 0 0\n");
    Files.writeString(dir.resolve("messages"), "");
    BondwatchConfig cfg =
        DemoCommand.demoConfig(
            dir.resolve("net-dev"), dir.resolve("messages"), dir.resolve("state"));
    Map<String, LinkScript> scripts =
        Map.of(
            "dsl1", t -> Condition.ok(10, 0),
            "dsl2", t -> dsl2Alive.get() ? Condition.ok(20, 0) : Condition.ok(20, 1.0));
    wiring =
        Wiring.start(cfg, TimeSource.SYSTEM, Probers.simulated(cfg, TimeSource.SYSTEM, scripts), 0);
  }

  @AfterEach
  void stop() {
    wiring.close();
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + wiring.httpPort() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private String state(String member) throws Exception {
    JsonNode status = json.readTree(get("/api/v1/status").body());
    for (JsonNode m : status.get("members")) {
      if (m.get("name").asText().equals(member)) {
        return m.get("state").asText();
      }
    }
    throw new AssertionError("no member " + member);
  }

  @Test
  void membersComeUpAndASilentOneGoesDownAndBack() throws Exception {
    await()
        .atMost(Duration.ofSeconds(15))
        .until(() -> state("dsl1").equals("up") && state("dsl2").equals("up"));
    dsl2Alive.set(false);
    await().atMost(Duration.ofSeconds(15)).until(() -> state("dsl2").equals("down"));
    assertThat(state("dsl1")).isEqualTo("up");
    String metrics = get("/metrics").body();
    assertThat(metrics)
        .contains("bondwatch_member_state{bond=\"demo0\",member=\"dsl2\",state=\"down\",} 1.0")
        .contains(
            "bondwatch_bond_effective_rate_bytes_per_second{bond=\"demo0\",direction=\"receive\",} 625000.0");
    dsl2Alive.set(true);
    await().atMost(Duration.ofSeconds(15)).until(() -> state("dsl2").equals("up"));
  }

  @Test
  void servesEveryEndpointOnOnePort() throws Exception {
    await().atMost(Duration.ofSeconds(10)).until(() -> get("/-/ready").statusCode() == 200);
    assertThat(get("/-/healthy").statusCode()).isEqualTo(200);
    HttpResponse<String> metrics = get("/metrics");
    assertThat(metrics.statusCode()).isEqualTo(200);
    assertThat(metrics.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
    assertThat(metrics.body()).contains("# HELP bondwatch_build_info ");
    HttpResponse<String> status = get("/api/v1/status");
    assertThat(status.headers().firstValue("Content-Type").orElse(""))
        .isEqualTo("application/json");
    JsonNode doc = json.readTree(status.body());
    assertThat(doc.at("/bond/name").asText()).isEqualTo("demo0");
    assertThat(doc.at("/bond/mode").asText()).isEqualTo("multilink");
    assertThat(doc.get("members")).hasSize(2);
    HttpResponse<String> page = get("/");
    assertThat(page.body()).contains("<table id=\"members\">").contains("dsl2");
    assertThat(get("/nope").statusCode()).isEqualTo(404);
    HttpResponse<String> post =
        http.send(
            HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + wiring.httpPort() + "/api/v1/status"))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(post.statusCode()).isEqualTo(405);
  }

  @Test
  void notReadyAfterClose() throws Exception {
    await().atMost(Duration.ofSeconds(10)).until(() -> get("/-/ready").statusCode() == 200);
    int port = wiring.httpPort();
    wiring.close();
    assertThat(
            org.assertj.core.api.Assertions.catchThrowable(
                () ->
                    http.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/-/ready"))
                            .build(),
                        HttpResponse.BodyHandlers.ofString())))
        .isNotNull();
  }
}
