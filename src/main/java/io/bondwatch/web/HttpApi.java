package io.bondwatch.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.prometheus.client.CollectorRegistry;
import io.prometheus.client.exporter.HTTPServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one HTTP port: {@code /metrics} and {@code /-/healthy} from the Prometheus simpleclient
 * server, plus {@code /-/ready}, {@code /api/v1/status} (JSON) and {@code /} (status page).
 */
public final class HttpApi implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(HttpApi.class);

  private final HTTPServer metricsServer;
  private final ExecutorService executor;
  private final ObjectMapper json =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS);

  public HttpApi(
      String host,
      int port,
      CollectorRegistry registry,
      Supplier<StatusDocument> status,
      Supplier<List<String>> notReadyBecause)
      throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 16);
    executor = Executors.newFixedThreadPool(2, r -> daemon(r, "bondwatch-http"));
    server.setExecutor(executor);
    metricsServer = new HTTPServer.Builder().withHttpServer(server).withRegistry(registry).build();
    // the simpleclient server maps "/" to the metrics too; ours is the status page
    server.removeContext("/");
    server.createContext("/", ex -> guarded(ex, () -> page(ex, status.get())));
    server.createContext("/api/v1/status", ex -> guarded(ex, () -> statusJson(ex, status.get())));
    server.createContext(
        "/-/ready",
        ex ->
            guarded(
                ex,
                () -> {
                  // one line per reason (a task that stopped, a source still starting)
                  List<String> problems = notReadyBecause.get();
                  boolean ok = problems.isEmpty();
                  send(
                      ex,
                      ok ? 200 : 503,
                      "text/plain",
                      ok ? "ready\n" : String.join("\n", problems) + "\n");
                }));
    log.info("http: listening on {}:{}", host, port());
  }

  public int port() {
    return metricsServer.getPort();
  }

  private void statusJson(HttpExchange ex, StatusDocument doc) throws IOException {
    send(
        ex, 200, "application/json", json.writerWithDefaultPrettyPrinter().writeValueAsString(doc));
  }

  private void page(HttpExchange ex, StatusDocument doc) throws IOException {
    if (!"/".equals(ex.getRequestURI().getPath())) {
      send(ex, 404, "text/plain", "not found\n");
      return;
    }
    send(ex, 200, "text/html; charset=utf-8", StatusPage.render(doc));
  }

  private interface Handler {
    void handle() throws IOException;
  }

  private static void guarded(HttpExchange ex, Handler h) {
    try (ex) {
      if (!"GET".equals(ex.getRequestMethod()) && !"HEAD".equals(ex.getRequestMethod())) {
        send(ex, 405, "text/plain", "only GET\n");
        return;
      }
      h.handle();
    } catch (IOException | RuntimeException e) {
      log.warn("http {}: {}", ex.getRequestURI(), e.toString());
    }
  }

  private static void send(HttpExchange ex, int code, String type, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", type);
    boolean head = "HEAD".equals(ex.getRequestMethod());
    ex.sendResponseHeaders(code, head ? -1 : bytes.length);
    if (!head) {
      try (OutputStream out = ex.getResponseBody()) {
        out.write(bytes);
      }
    }
  }

  private static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }

  @Override
  public void close() {
    metricsServer.close();
    executor.shutdownNow();
  }
}
