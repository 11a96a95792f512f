package io.bondwatch.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A minimal HTTP/1.1 GET client for benches: one socket kept alive across requests, or a new one
 * per request. It reads Content-Length and chunked bodies (Go's servers, node_exporter, chunk large
 * ones), and measures from writing the request to the body's last byte, with nothing else in
 * between.
 */
final class BenchHttp implements AutoCloseable {
  private final int port;
  private final boolean keepAlive;
  private Socket socket;
  private InputStream in;
  private OutputStream out;

  BenchHttp(int port, boolean keepAlive) {
    this.port = port;
    this.keepAlive = keepAlive;
  }

  /** One GET; returns the body's length in bytes. Throws on any status but 200. */
  int get(String path) throws IOException {
    if (socket == null) {
      socket = new Socket();
      socket.setTcpNoDelay(true);
      socket.setSoTimeout(10_000);
      socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
      in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
      out = socket.getOutputStream();
    }
    String head =
        "GET "
            + path
            + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            + (keepAlive ? "" : "Connection: close\r\n")
            + "\r\n";
    out.write(head.getBytes(StandardCharsets.ISO_8859_1));
    out.flush();
    String status = line();
    if (!status.startsWith("HTTP/1.1 200")) {
      throw new IOException("GET " + path + ": " + status);
    }
    int length = -1;
    boolean chunked = false;
    for (String l = line(); !l.isEmpty(); l = line()) {
      String lower = l.toLowerCase(Locale.ROOT);
      if (lower.startsWith("content-length:")) {
        length = Integer.parseInt(l.substring(15).trim());
      } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
        chunked = true;
      }
    }
    int body = chunked ? chunks() : skip(length);
    if (!keepAlive) {
      close();
    }
    return body;
  }

  private int chunks() throws IOException {
    int total = 0;
    for (int n = Integer.parseInt(line().split(";")[0].trim(), 16); n > 0; ) {
      total += skip(n);
      line();
      n = Integer.parseInt(line().split(";")[0].trim(), 16);
    }
    line(); // the blank line after the last chunk (no trailers)
    return total;
  }

  private int skip(int n) throws IOException {
    if (n < 0) {
      throw new IOException("a response with neither Content-Length nor chunks");
    }
    if (in.readNBytes(n).length != n) {
      throw new IOException("connection closed in the body");
    }
    return n;
  }

  private String line() throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream(64);
    int c;
    while ((c = in.read()) != '\n') {
      if (c == -1) {
        throw new IOException("connection closed");
      }
      if (c != '\r') {
        b.write(c);
      }
    }
    return b.toString(StandardCharsets.ISO_8859_1);
  }

  @Override
  public void close() throws IOException {
    if (socket != null) {
      socket.close();
      socket = null;
    }
  }
}
