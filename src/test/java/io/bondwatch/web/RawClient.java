package io.bondwatch.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A client that speaks HTTP/1.1 by hand over one socket, so a test can send what real clients never
 * do (half a head, a byte at a time, raw bytes in the target) and see exactly what comes back.
 */
final class RawClient implements AutoCloseable {
  private final Socket socket;
  private final InputStream in;
  private final OutputStream out;

  RawClient(int port) throws IOException {
    socket = new Socket("127.0.0.1", port);
    socket.setSoTimeout(5000); // a generous bound: a test fails, it never hangs
    in = socket.getInputStream();
    out = socket.getOutputStream();
  }

  void send(String text) throws IOException {
    out.write(text.getBytes(StandardCharsets.ISO_8859_1));
    out.flush();
  }

  /** Sends a whole request head for {@code method path} and reads the response. */
  Reply request(String method, String path) throws IOException {
    send(method + " " + path + " HTTP/1.1\r\nHost: x\r\n\r\n");
    return read(method.equals("HEAD"));
  }

  /** Reads one response: status line, headers, and a body of Content-Length bytes. */
  Reply read(boolean head) throws IOException {
    String status = line();
    if (status == null) {
      throw new IOException("connection closed before a response");
    }
    Map<String, String> headers = new LinkedHashMap<>();
    for (String l = line(); l != null && !l.isEmpty(); l = line()) {
      int colon = l.indexOf(':');
      headers.put(
          l.substring(0, colon).trim().toLowerCase(Locale.ROOT), l.substring(colon + 1).trim());
    }
    int length = head ? 0 : Integer.parseInt(headers.getOrDefault("content-length", "0"));
    byte[] body = in.readNBytes(length);
    return new Reply(
        Integer.parseInt(status.split(" ")[1]), headers, new String(body, StandardCharsets.UTF_8));
  }

  private String line() throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    int c;
    while ((c = in.read()) != -1 && c != '\n') {
      if (c != '\r') {
        b.write(c);
      }
    }
    return c == -1 && b.size() == 0 ? null : b.toString(StandardCharsets.ISO_8859_1);
  }

  /**
   * True once the server has closed the connection: a read sees end of stream (or a reset). False
   * while it is open and silent (the read times out after {@code waitMillis}).
   */
  boolean closedByServer(int waitMillis) throws IOException {
    socket.setSoTimeout(waitMillis);
    try {
      return in.read() == -1;
    } catch (SocketTimeoutException e) {
      return false;
    } catch (IOException e) {
      return true; // reset
    } finally {
      socket.setSoTimeout(5000);
    }
  }

  /** Everything the server sends until it closes the connection (or 5 s pass: then an error). */
  String readToClose() throws IOException {
    try {
      return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
    } catch (SocketTimeoutException e) {
      throw new IOException("the server has not closed the connection", e);
    } catch (IOException e) {
      return "(reset)";
    }
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }

  record Reply(int status, Map<String, String> headers, String body) {
    String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }
  }
}
