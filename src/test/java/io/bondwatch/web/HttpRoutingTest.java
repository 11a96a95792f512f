package io.bondwatch.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.bondwatch.web.RawClient.Reply;
import io.prometheus.client.exporter.common.TextFormat;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What each path answers, on a real port: exact paths, methods, HEAD, errors without details. */
class HttpRoutingTest {
  @RegisterExtension final ApiFixture fx = new ApiFixture();

  private Reply get(String method, String path) throws Exception {
    try (RawClient c = fx.client()) {
      return c.request(method, path);
    }
  }

  @Test
  void servesEveryEndpoint() throws Exception {
    Reply metrics = get("GET", "/metrics");
    assertThat(metrics.status()).isEqualTo(200);
    assertThat(metrics.header("Content-Type"))
        .isEqualTo("text/plain; version=0.0.4; charset=utf-8");
    assertThat(get("GET", "/-/healthy").status()).isEqualTo(200);
    assertThat(get("GET", "/-/ready").body()).isEqualTo("ready\n");
    Reply status = get("GET", "/api/v1/status");
    assertThat(status.header("Content-Type")).isEqualTo("application/json");
    assertThat(status.body()).contains("\"version\" : \"9.9.9\"");
    assertThat(get("GET", "/").body()).contains("<h1>bond mp0 (multilink)</h1>");
  }

  @Test
  void metricsBodyIsTheExpositionTextInUtf8() throws Exception {
    StringWriter expected = new StringWriter();
    TextFormat.write004(expected, fx.registry.metricFamilySamples());
    Reply r = get("GET", "/metrics");
    assertThat(r.body()).isEqualTo(expected.toString()).contains("member=\"dsl1 ü\"");
    assertThat(Integer.parseInt(r.header("Content-Length")))
        .isEqualTo(expected.toString().getBytes(StandardCharsets.UTF_8).length);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/metricsX",
        "/metrics/",
        "/metrics/x",
        "/api/v1/status/anything",
        "/api/v1",
        "/-/healthyX",
        "/index.html"
      })
  void servesOnlyExactPaths(String path) throws Exception {
    Reply r = get("GET", path);
    assertThat(r.status()).isEqualTo(404);
    assertThat(r.body()).isEqualTo("404 Not Found\n");
  }

  @Test
  void queryStringsDoNotChangeTheRoute() throws Exception {
    assertThat(get("GET", "/metrics?name[]=x").status()).isEqualTo(200);
  }

  @ParameterizedTest
  @ValueSource(strings = {"POST", "PUT", "DELETE", "PATCH", "OPTIONS"})
  void refusesMethodsAPathDoesNotTake(String method) throws Exception {
    for (String path : List.of("/metrics", "/-/healthy", "/-/ready", "/api/v1/status", "/")) {
      Reply r = get(method, path);
      assertThat(r.status()).as(method + " " + path).isEqualTo(405);
      assertThat(r.header("Allow")).isEqualTo("GET, HEAD");
      assertThat(r.body()).isEqualTo("405 Method Not Allowed\n");
    }
  }

  @Test
  void headAnswersWithTheHeadersOfGetAndNoBody() throws Exception {
    int length = Integer.parseInt(get("GET", "/metrics").header("Content-Length"));
    try (RawClient c = fx.client()) {
      Reply head = c.request("HEAD", "/metrics");
      assertThat(head.status()).isEqualTo(200);
      assertThat(head.header("Content-Length")).isEqualTo(String.valueOf(length));
      // had a body followed, this second response would be read from the middle of it
      assertThat(c.request("GET", "/-/healthy").body()).isEqualTo("healthy\n");
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "GET /?<script>alert(1)</script> HTTP/1.1\r\nHost: x\r\n\r\n",
        "GET /<script> HTTP/1.1\r\nHost: x\r\n\r\n",
        "GET /%zz HTTP/1.1\r\nHost: x\r\n\r\n",
        "GET /metrics HTTP/1.1\r\nHost: x\r\nBad Header <script>\r\n\r\n",
        "GET /metrics HTTP/9.9\r\nHost: x\r\n\r\n",
        "GET /a/../../etc/passwd HTTP/1.1\r\nHost: x\r\n\r\n",
        "GET //metrics HTTP/1.1\r\nHost: x\r\n\r\n",
        "<script> / HTTP/1.1\r\nHost: x\r\n\r\n"
      })
  void malformedRequestsGetNoExceptionTextNorTheirOwnInputBack(String request) throws Exception {
    try (RawClient c = fx.client()) {
      c.send(request);
      Reply r = c.read(false);
      String all = r.headers() + r.body();
      assertThat(all).doesNotContainIgnoringCase("exception").doesNotContain("<script>");
      assertThat(all).doesNotContain("zz").doesNotContain("passwd").doesNotContain("jetty");
      if (r.status() != 200) {
        assertThat(r.body()).matches("\\d{3} [A-Za-z ]+\n");
      }
    }
  }

  @Test
  void queryWithMarkupGetsThePageNotAnError() throws Exception {
    try (RawClient c = fx.client()) {
      c.send("GET /?<script> HTTP/1.1\r\nHost: x\r\n\r\n");
      Reply r = c.read(false);
      assertThat(r.body()).doesNotContain("URISyntaxException").doesNotContain("<script>");
    }
  }

  @Test
  void readinessNamesEveryProblem() throws Exception {
    fx.readiness = Readiness.notReady("starting", "pppd log: not opened yet");
    Reply r = get("GET", "/-/ready");
    assertThat(r.status()).isEqualTo(503);
    assertThat(r.body()).isEqualTo("starting\npppd log: not opened yet\n");
    fx.readiness = Readiness.READY;
    assertThat(get("GET", "/-/ready").status()).isEqualTo(200);
  }
}
