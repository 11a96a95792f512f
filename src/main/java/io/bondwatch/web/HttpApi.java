package io.bondwatch.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.bondwatch.time.TimeSource;
import io.prometheus.client.CollectorRegistry;
import io.prometheus.client.exporter.common.TextFormat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one HTTP port: {@code /metrics}, {@code /-/healthy}, {@code /-/ready}, {@code /api/v1/status}
 * (JSON) and {@code /} (status page), on Jetty (docs/http.md says why and how it is bounded).
 *
 * <p>No request waits on a source: {@code /-/healthy} touches nothing, {@code /-/ready} asks a
 * check that answers from flags, and the metrics and status are collected off the request threads
 * with the last good result served when a collection is late ({@link LastGood}).
 */
public final class HttpApi implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(HttpApi.class);
  private static final byte[] HEALTHY = "healthy\n".getBytes(StandardCharsets.UTF_8);
  private static final byte[] READY = "ready\n".getBytes(StandardCharsets.UTF_8);
  // a scrape of 8 members is about 26 KB; the buffer grows once if a config has more
  private static final int METRICS_BUFFER = 32 * 1024;

  private final Server server;
  private final ThreadPoolExecutor collectors;
  private final LastGood<byte[]> metrics;
  private final LastGood<StatusDocument> status;
  private final ReadinessCheck ready;
  private final ObjectWriter json =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
          .writerWithDefaultPrettyPrinter();

  public HttpApi(
      String host,
      int port,
      CollectorRegistry registry,
      Supplier<StatusDocument> status,
      ReadinessCheck ready)
      throws IOException {
    this(host, port, registry, status, ready, HttpLimits.DEFAULTS);
  }

  public HttpApi(
      String host,
      int port,
      CollectorRegistry registry,
      Supplier<StatusDocument> status,
      ReadinessCheck ready,
      HttpLimits limits)
      throws IOException {
    this.ready = ready;
    // one thread per kind at most (LastGood never runs two of a kind), gone when idle
    collectors =
        new ThreadPoolExecutor(
            0,
            2,
            60,
            TimeUnit.SECONDS,
            new SynchronousQueue<>(),
            r -> JettyServer.daemon(r, "bondwatch-collect"));
    Utf8Buffer buffer = new Utf8Buffer(METRICS_BUFFER);
    metrics =
        new LastGood<>(
            "metrics",
            () -> expose(registry, buffer),
            collectors,
            limits.collectPatience(),
            TimeSource.SYSTEM);
    this.status =
        new LastGood<>("status", status, collectors, limits.collectPatience(), TimeSource.SYSTEM);
    server =
        JettyServer.start(
            host,
            port,
            limits,
            deadline ->
                new Routes(deadline)
                    .get("/metrics", this::metrics)
                    .get(
                        "/-/healthy",
                        (rq, rs, cb) -> Replies.send(rs, cb, 200, Replies.TEXT, HEALTHY))
                    .get("/-/ready", this::ready)
                    .get("/api/v1/status", this::statusJson)
                    .get("/", this::page));
    log.info("http: listening on {}:{}", host, port());
  }

  public int port() {
    return JettyServer.port(server);
  }

  private static byte[] expose(CollectorRegistry registry, Utf8Buffer buffer) {
    buffer.reset();
    try {
      TextFormat.write004(buffer, registry.metricFamilySamples());
    } catch (IOException e) {
      throw new UncheckedIOException(e); // the buffer never throws
    }
    return buffer.toByteArray();
  }

  private void metrics(Request request, Response response, Callback callback)
      throws InterruptedException {
    byte[] body = metrics.get().value();
    if (body == null) {
      Replies.text(response, callback, 503, "metrics not collected yet\n");
      return;
    }
    Replies.send(response, callback, 200, Replies.METRICS, body);
  }

  private void ready(Request request, Response response, Callback callback) {
    Readiness r;
    try {
      r = ready.ready();
    } catch (RuntimeException e) {
      log.warn("http /-/ready: the readiness check failed", e);
      r = Readiness.notReady("readiness check failed");
    }
    if (r.ok()) {
      Replies.send(response, callback, 200, Replies.TEXT, READY);
      return;
    }
    StringBuilder body = new StringBuilder();
    for (String p : r.problems()) {
      body.append("not ready: ").append(p.replace('\n', ' ')).append('\n');
    }
    Replies.text(response, callback, 503, body.toString());
  }

  private void statusJson(Request request, Response response, Callback callback)
      throws InterruptedException, IOException {
    StatusDocument doc = status.get().value();
    if (doc == null) {
      Replies.text(response, callback, 503, "status not collected yet\n");
      return;
    }
    Replies.send(response, callback, 200, Replies.JSON, json.writeValueAsBytes(doc));
  }

  private void page(Request request, Response response, Callback callback)
      throws InterruptedException {
    StatusDocument doc = status.get().value();
    if (doc == null) {
      Replies.text(response, callback, 503, "status not collected yet\n");
      return;
    }
    byte[] html = StatusPage.render(doc).getBytes(StandardCharsets.UTF_8);
    Replies.send(response, callback, 200, Replies.HTML, html);
  }

  @Override
  public void close() {
    JettyServer.stop(server);
    collectors.shutdownNow();
  }
}
