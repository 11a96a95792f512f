package io.bondwatch.web;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Exact routing: a path is served only as registered ({@code /metricsX} and {@code /metrics/} are
 * 404), a method it does not take is 405 with {@code Allow}, and an endpoint's failure is a plain
 * 500 without its text. GET routes answer HEAD too.
 *
 * <p>Endpoints never block (they answer at once, or later from the thread that collected what they
 * serve), so Jetty may run them on its selector thread without a hand-off.
 */
final class Routes extends Handler.Abstract.NonBlocking {
  private static final Logger log = LoggerFactory.getLogger(Routes.class);

  /** Answers one exchange, now or later, exactly once. */
  @FunctionalInterface
  interface Endpoint {
    void serve(Exchange exchange) throws Exception;
  }

  private record Route(Set<String> methods, String allow, Endpoint endpoint) {}

  private final Map<String, Route> routes = new HashMap<>();
  private final HeadDeadline deadline;
  private boolean failedBefore;

  Routes(HeadDeadline deadline) {
    this.deadline = deadline;
  }

  /** Serves {@code path} exactly, for GET and HEAD. */
  Routes get(String path, Endpoint endpoint) {
    routes.put(path, new Route(Set.of("GET", "HEAD"), "GET, HEAD", endpoint));
    return this;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    Connection connection = request.getConnectionMetaData().getConnection();
    deadline.requestBegins(connection);
    Request.addCompletionListener(request, failure -> deadline.requestEnds(connection));
    Exchange ex = new Exchange(request, response, callback, this);
    Route route = routes.get(request.getHttpURI().getPath());
    if (route == null) {
      ex.text(404, Exchange.errorBody(404));
      return true;
    }
    if (!route.methods().contains(request.getMethod())) {
      response.getHeaders().put(HttpHeader.ALLOW, route.allow());
      ex.text(405, Exchange.errorBody(405));
      return true;
    }
    try {
      route.endpoint().serve(ex);
    } catch (Exception | LinkageError e) {
      ex.fail(e);
    }
    return true;
  }

  /** Logs an endpoint's failure: a bug that fails every scrape is told once, then at debug. */
  synchronized void failed(Request request, Throwable e) {
    if (!failedBefore) {
      failedBefore = true;
      log.warn("http {}: failed (further failures at debug)", request.getHttpURI().getPath(), e);
    } else {
      log.debug("http {}: failed", request.getHttpURI().getPath(), e);
    }
  }
}
