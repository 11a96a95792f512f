package io.bondwatch.web;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.http.PreEncodedHttpField;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * One request and its response: an endpoint answers it once, now or later from another thread, with
 * a whole body (status, type, length and bytes in one write).
 */
record Exchange(Request request, Response response, Callback callback, Routes routes) {
  static final HttpField TEXT =
      new PreEncodedHttpField(HttpHeader.CONTENT_TYPE, "text/plain; charset=utf-8");
  static final HttpField METRICS =
      new PreEncodedHttpField(HttpHeader.CONTENT_TYPE, "text/plain; version=0.0.4; charset=utf-8");
  static final HttpField JSON =
      new PreEncodedHttpField(HttpHeader.CONTENT_TYPE, "application/json");
  static final HttpField HTML =
      new PreEncodedHttpField(HttpHeader.CONTENT_TYPE, "text/html; charset=utf-8");

  /**
   * Sends {@code body} with a Content-Length, so a kept-alive client knows where it ends; for HEAD,
   * Jetty sends the headers only.
   */
  void send(int status, HttpField type, byte[] body) {
    send(response, callback, status, type, body);
  }

  void text(int status, String body) {
    send(status, TEXT, body.getBytes(StandardCharsets.UTF_8));
  }

  /** The endpoint failed: logged, and a plain 500 if nothing was sent yet. */
  void fail(Throwable e) {
    routes.failed(request, e);
    if (response.isCommitted()) {
      callback.failed(e);
      return;
    }
    response.reset();
    text(500, errorBody(500));
  }

  static void send(Response response, Callback callback, int status, HttpField type, byte[] body) {
    response.setStatus(status);
    response.getHeaders().put(type);
    response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
    response.write(true, ByteBuffer.wrap(body), callback);
  }

  /** The body of every error: the status and its standard phrase, nothing from the request. */
  static String errorBody(int status) {
    return status + " " + HttpStatus.getMessage(status) + "\n";
  }
}
