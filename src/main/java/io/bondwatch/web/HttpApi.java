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
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.thread.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one HTTP port: {@code /metrics}, {@code /-/healthy}, {@code /-/ready}, {@code /api/v1/status}
 * (JSON) and {@code /} (status page), on Jetty (docs/http.md says why and how it is bounded).
 *
 * <p>No request waits on a source: {@code /-/healthy} touches nothing, {@code /-/ready} asks a
 * check that answers from flags, and the metrics and status are collected on collector threads, the
 * last good result served when a collection is late ({@link LastGood}).
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
    Scheduler scheduler = JettyServer.scheduler();
    LastGood.Timer timer =
        (nanos, task) -> scheduler.schedule(task, nanos, TimeUnit.NANOSECONDS)::cancel;
    Utf8Buffer buffer = new Utf8Buffer(METRICS_BUFFER);
    metrics =
        new LastGood<>(
            "metrics",
            () -> expose(registry, buffer),
            collectors,
            timer,
            limits.collectPatience(),
            TimeSource.SYSTEM);
    this.status =
        new LastGood<>(
            "status", status, collectors, timer, limits.collectPatience(), TimeSource.SYSTEM);
    try {
      server =
          JettyServer.start(
              host,
              port,
              limits,
              scheduler,
              deadline ->
                  new Routes(deadline)
                      .get("/metrics", ex -> collected(ex, metrics, Exchange.METRICS, b -> b))
                      .get("/-/healthy", ex -> ex.send(200, Exchange.TEXT, HEALTHY))
                      .get("/-/ready", this::ready)
                      .get(
                          "/api/v1/status",
                          ex -> collected(ex, this.status, Exchange.JSON, this::json))
                      .get("/", ex -> collected(ex, this.status, Exchange.HTML, HttpApi::page)));
    } catch (IOException | RuntimeException e) {
      collectors.shutdownNow();
      throw e;
    }
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

  /** Answers with what {@code source} collects, rendered, once it is there (or is late). */
  private static <T> void collected(
      Exchange ex, LastGood<T> source, HttpField type, Render<T> render) {
    source
        .get()
        .whenComplete(
            (r, e) -> {
              try {
                if (r.value() == null) {
                  ex.text(503, "not collected yet\n");
                } else {
                  ex.send(200, type, render.apply(r.value()));
                }
              } catch (IOException | RuntimeException failure) {
                ex.fail(failure);
              }
            });
  }

  @FunctionalInterface
  private interface Render<T> {
    byte[] apply(T value) throws IOException;
  }

  private void ready(Exchange ex) {
    Readiness r;
    try {
      r = ready.ready();
    } catch (RuntimeException e) {
      log.warn("http /-/ready: the readiness check failed", e);
      r = Readiness.notReady("readiness check failed");
    }
    if (r.ok()) {
      ex.send(200, Exchange.TEXT, READY);
      return;
    }
    // one reason a line (a task that stopped, a source still starting)
    StringBuilder body = new StringBuilder();
    for (String p : r.problems()) {
      body.append(p.replace('\n', ' ')).append('\n');
    }
    ex.text(503, body.toString());
  }

  private byte[] json(StatusDocument doc) throws IOException {
    return json.writeValueAsBytes(doc);
  }

  private static byte[] page(StatusDocument doc) {
    return StatusPage.render(doc).getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    JettyServer.stop(server);
    collectors.shutdownNow();
  }
}
