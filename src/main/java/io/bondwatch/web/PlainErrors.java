package io.bondwatch.web;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's errors (a malformed request, a head too large) as one plain line: the status and its
 * standard phrase. Jetty's own page repeats the parser's reason, which quotes the request; nothing
 * a client sent, and no exception text, goes back to it.
 */
final class PlainErrors extends ErrorHandler {

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    int status = response.getStatus();
    Exchange.send(
        response,
        callback,
        status,
        Exchange.TEXT,
        Exchange.errorBody(status).getBytes(StandardCharsets.UTF_8));
    return true;
  }

  @Override
  public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
    fields.put(Exchange.TEXT);
    return ByteBuffer.wrap(Exchange.errorBody(status).getBytes(StandardCharsets.UTF_8));
  }
}
