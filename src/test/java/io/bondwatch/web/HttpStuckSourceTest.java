package io.bondwatch.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.bondwatch.web.RawClient.Reply;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A source stuck in a read (here: a collection held at a gate) never holds up a request: health
 * answers, and metrics and status serve the last good values until the source moves again.
 */
class HttpStuckSourceTest {
  @RegisterExtension final ApiFixture fx = new ApiFixture();

  private Reply get(String path) throws Exception {
    try (RawClient c = fx.client()) {
      return c.request("GET", path);
    }
  }

  @Test
  void metricsServeTheLastGoodValuesWhileACollectionHangs() throws Exception {
    assertThat(get("/metrics").body()).contains("} 1.0");
    fx.metricsGate.close();
    fx.value = 2;
    int before = fx.metricCollections.get();
    for (int i = 0; i < 6; i++) { // more than the worker threads
      Reply r = get("/metrics");
      assertThat(r.status()).isEqualTo(200);
      assertThat(r.body()).contains("} 1.0");
      assertThat(get("/-/healthy").status()).isEqualTo(200);
    }
    assertThat(fx.metricCollections.get())
        .as("one collection hangs; no second one piles up behind it")
        .isEqualTo(before + 1);
    fx.metricsGate.open();
    await().atMost(Duration.ofSeconds(5)).until(() -> get("/metrics").body().contains("} 2.0"));
  }

  @Test
  void healthAnswersAndMetricsSayWhyWhenNothingWasEverCollected() throws Exception {
    fx.metricsGate.close();
    assertThat(get("/-/healthy").status()).isEqualTo(200);
    Reply r = get("/metrics");
    assertThat(r.status()).isEqualTo(503);
    assertThat(r.body()).isEqualTo("not collected yet\n");
    assertThat(get("/-/ready").status()).isEqualTo(200);
  }

  @Test
  void statusServesTheLastGoodDocumentWhileACollectionHangs() throws Exception {
    assertThat(get("/api/v1/status").body()).contains("\"receive\" : 1.0");
    fx.statusGate.close();
    fx.value = 2;
    for (int i = 0; i < 3; i++) {
      assertThat(get("/api/v1/status").body()).contains("\"receive\" : 1.0");
      assertThat(get("/").status()).isEqualTo(200);
      assertThat(get("/metrics").status()).as("metrics do not wait on the status").isEqualTo(200);
    }
    fx.statusGate.open();
    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> get("/api/v1/status").body().contains("\"receive\" : 2.0"));
  }
}
