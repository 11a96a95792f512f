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
 * 404), a method it does not take is 405 with {@code Allow}, and a handler's failure is a plain 500
 * without its text. GET routes answer HEAD too.
 */
final class Routes extends Handler.Abstract {
  private static final Logger log = LoggerFactory.getLogger(Routes.class);

  /** Serves one request; writes the whole response and completes the callback. */
  @FunctionalInterface
  interface Endpoint {
    void serve(Request request, Response response, Callback callback) throws Exception;
  }

  private record Route(Set<String> methods, String allow, Endpoint endpoint) {}

  private final Map<String, Route> routes = new HashMap<>();
  private final HeadDeadline deadline;
  private boolean failedBefore;

  Routes(HeadDeadline deadline) {
    // endpoints may wait (briefly) for a collection: never on the selector thread
    super(InvocationType.BLOCKING);
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
    Route route = routes.get(request.getHttpURI().getPath());
    if (route == null) {
      Replies.text(response, callback, 404, Replies.errorBody(404));
      return true;
    }
    if (!route.methods().contains(request.getMethod())) {
      response.getHeaders().put(HttpHeader.ALLOW, route.allow());
      Replies.text(response, callback, 405, Replies.errorBody(405));
      return true;
    }
    try {
      route.endpoint().serve(request, response, callback);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      fail(response, callback, 503, e);
    } catch (Exception | LinkageError e) {
      logFailure(request, e);
      fail(response, callback, 500, e);
    }
    return true;
  }

  private static void fail(Response response, Callback callback, int status, Throwable e) {
    if (response.isCommitted()) {
      callback.failed(e);
      return;
    }
    response.reset();
    Replies.text(response, callback, status, Replies.errorBody(status));
  }

  private synchronized void logFailure(Request request, Throwable e) {
    // a bug that fails every request would log every scrape: the first with its stack, then debug
    if (!failedBefore) {
      failedBefore = true;
      log.warn("http {}: failed (further failures at debug)", request.getHttpURI().getPath(), e);
    } else {
      log.debug("http {}: failed", request.getHttpURI().getPath(), e);
    }
  }
}
