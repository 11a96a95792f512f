package io.bondwatch.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.bondwatch.web.RawClient.Reply;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Clients that never finish a request cannot blind the port: others are served meanwhile, and the
 * server drops them once the head timeout (500 ms here; the idle timeout is 30 s) has passed.
 */
class HttpSlowClientTest {
  private static final Duration BOUND = Duration.ofSeconds(5);
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(BOUND).build();
  private final List<RawClient> slow = new ArrayList<>();
  @RegisterExtension final ApiFixture fx = new ApiFixture();

  @AfterEach
  void closeSlowClients() throws IOException {
    for (RawClient c : slow) {
      c.close();
    }
  }

  private int get(String path) throws Exception {
    HttpRequest req =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + fx.port() + path))
            .timeout(BOUND)
            .build();
    return http.send(req, HttpResponse.BodyHandlers.ofString()).statusCode();
  }

  @Test
  void halfOpenClientsBeyondThePoolSizeBlindNothingAndAreDropped() throws Exception {
    int clients = ApiFixture.LIMITS.maxThreads() * 3;
    for (int i = 0; i < clients; i++) {
      RawClient c = fx.client();
      c.send("GET /metrics HTTP/1.1\r\nHost: x\r\n"); // no final blank line, then silence
      slow.add(c);
    }
    for (int i = 0; i < 3; i++) {
      assertThat(get("/-/healthy")).isEqualTo(200);
      assertThat(get("/metrics")).isEqualTo(200);
      assertThat(get("/api/v1/status")).isEqualTo(200);
    }
    for (RawClient c : slow) {
      await("half-open client dropped").atMost(BOUND).until(() -> c.closedByServer(100));
    }
  }

  @Test
  void aSlowlorisIsCutWhileItIsStillSending() throws Exception {
    RawClient c = fx.client();
    slow.add(c);
    c.send("GET /metrics HTTP/1.1\r\nHost: x\r\n");
    AtomicInteger sent = new AtomicInteger();
    ScheduledExecutorService trickle = Executors.newSingleThreadScheduledExecutor();
    try {
      // a header line every 50 ms: never idle long enough for the 30 s idle timeout
      trickle.scheduleAtFixedRate(
          () -> {
            try {
              c.send("X-Slow-" + sent.incrementAndGet() + ": 1\r\n");
            } catch (IOException e) {
              // cut: the await below sees it
            }
          },
          0,
          50,
          TimeUnit.MILLISECONDS);
      // within BOUND, far less than the 30 s idle timeout: the head deadline cut it
      await("slowloris dropped").atMost(BOUND).until(() -> c.closedByServer(100));
      assertThat(sent.get()).as("header lines it had sent").isGreaterThan(3);
    } finally {
      trickle.shutdownNow();
    }
    assertThat(get("/-/healthy")).isEqualTo(200);
  }

  @Test
  void aConnectionThatNeverSendsIsDroppedLongBeforeTheIdleTimeout() throws Exception {
    RawClient c = fx.client();
    slow.add(c);
    await("silent connection dropped").atMost(BOUND).until(() -> c.closedByServer(100));
  }

  @Test
  void keepAliveServesSeveralRequestsOnOneConnection() throws Exception {
    try (RawClient c = fx.client()) {
      Reply first = c.request("GET", "/metrics");
      Reply second = c.request("GET", "/metrics");
      Reply third = c.request("GET", "/-/healthy");
      assertThat(first.status()).isEqualTo(200);
      assertThat(second.body()).isEqualTo(first.body());
      assertThat(third.body()).isEqualTo("healthy\n");
      assertThat(first.header("Connection")).isNull();
    }
  }

  @Test
  void aKeptAliveConnectionMayIdleLongerThanTheHeadTimeout() throws Exception {
    try (RawClient c = fx.client()) {
      assertThat(c.request("GET", "/-/healthy").status()).isEqualTo(200);
      Duration threeHeadTimeouts = ApiFixture.LIMITS.headTimeout().multipliedBy(3);
      await()
          .during(threeHeadTimeouts)
          .atMost(threeHeadTimeouts.plus(BOUND))
          .until(() -> !c.closedByServer(50));
      assertThat(c.request("GET", "/-/healthy").status()).isEqualTo(200);
    }
  }
}
