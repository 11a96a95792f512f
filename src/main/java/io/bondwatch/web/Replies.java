package io.bondwatch.web;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.http.PreEncodedHttpField;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** Writes whole responses: status, type, length and body in one go. */
final class Replies {
  static final HttpField TEXT =
      new PreEncodedHttpField(HttpHeader.CONTENT_TYPE, "text/plain; charset=utf-8");
  static final HttpField METRICS =
      new PreEncodedHttpField(HttpHeader.CONTENT_TYPE, "text/plain; version=0.0.4; charset=utf-8");
  static final HttpField JSON =
      new PreEncodedHttpField(HttpHeader.CONTENT_TYPE, "application/json");
  static final HttpField HTML =
      new PreEncodedHttpField(HttpHeader.CONTENT_TYPE, "text/html; charset=utf-8");

  private Replies() {}

  /**
   * Sends {@code body} with a Content-Length, so a kept-alive client knows where it ends; for HEAD,
   * Jetty sends the headers only.
   */
  static void send(Response response, Callback callback, int status, HttpField type, byte[] body) {
    response.setStatus(status);
    response.getHeaders().put(type);
    response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
    response.write(true, ByteBuffer.wrap(body), callback);
  }

  static void text(Response response, Callback callback, int status, String body) {
    send(response, callback, status, TEXT, body.getBytes(StandardCharsets.UTF_8));
  }

  /** The body of every error: the status and its standard phrase, nothing from the request. */
  static String errorBody(int status) {
    return status + " " + HttpStatus.getMessage(status) + "\n";
  }
}
