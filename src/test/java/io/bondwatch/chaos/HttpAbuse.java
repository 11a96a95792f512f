package io.bondwatch.chaos;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Clients that a port open to a LAN meets: half-open connections that send part of a request head
 * and fall silent, and slowloris clients that trickle a header byte at a time. They hold their
 * sockets until {@link #release()}.
 */
final class HttpAbuse implements AutoCloseable {
  private final List<Socket> sockets = new CopyOnWriteArrayList<>();
  private final List<Thread> tricklers = new CopyOnWriteArrayList<>();

  /** {@code n} connections that send a request head without its final blank line, then nothing. */
  void halfOpen(int port, int n) {
    for (int i = 0; i < n; i++) {
      try {
        Socket s = new Socket();
        s.connect(new InetSocketAddress("127.0.0.1", port), 1000);
        sockets.add(s);
        OutputStream out = s.getOutputStream();
        out.write("GET /metrics HTTP/1.1\r\nHost: x\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
      } catch (IOException e) {
        // a server that refuses more connections is allowed to
      }
    }
  }

  /** {@code n} clients sending one header byte every {@code gapMillis}, forever. */
  void slowloris(int port, int n, long gapMillis) {
    for (int i = 0; i < n; i++) {
      Thread t =
          new Thread(
              () -> {
                try (Socket s = new Socket()) {
                  s.connect(new InetSocketAddress("127.0.0.1", port), 1000);
                  sockets.add(s);
                  OutputStream out = s.getOutputStream();
                  out.write("GET /-/healthy HTTP/1.1\r\n".getBytes(StandardCharsets.US_ASCII));
                  byte[] header =
                      "X-Slow: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
                          .getBytes(StandardCharsets.US_ASCII);
                  for (int k = 0; ; k = (k + 1) % header.length) {
                    out.write(header[k]);
                    out.flush();
                    Thread.sleep(gapMillis);
                  }
                } catch (IOException | InterruptedException e) {
                  // cut by the server, or released
                }
              },
              "chaos-slowloris");
      t.setDaemon(true);
      tricklers.add(t);
      t.start();
    }
  }

  /** Closes every held connection. */
  void release() {
    tricklers.forEach(Thread::interrupt);
    tricklers.clear();
    for (Socket s : sockets) {
      try {
        s.close();
      } catch (IOException e) {
        // closing what the server may already have closed
      }
    }
    sockets.clear();
  }

  @Override
  public void close() {
    release();
  }
}
