package io.bondwatch.source.pppd;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;

/**
 * Appends numbered lines at a steady rate, whole lines per write, like a syslog daemon: reopens the
 * path when it names another file (logrotate {@code create}), keeps O_APPEND so that copytruncate
 * leaves no hole.
 */
final class NumberedLineWriter implements AutoCloseable {
  private final Path log;
  private final int perSecond;
  private final Thread thread;
  private volatile boolean running = true;
  private volatile IOException failure;
  private long next;

  NumberedLineWriter(Path log, int perSecond) {
    this.log = log;
    this.perSecond = perSecond;
    this.thread = new Thread(this::run, "line-writer");
  }

  void start() {
    thread.start();
  }

  private void run() {
    long t0 = System.nanoTime();
    FileChannel ch = null;
    Optional<FileIdentity> id = Optional.empty();
    try {
      while (running) {
        Optional<FileIdentity> now = FileIdentity.of(log);
        if (ch == null || (now.isPresent() && !now.equals(id))) {
          if (ch != null) {
            ch.close();
          }
          ch = FileChannel.open(log, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
          id = FileIdentity.of(log);
        }
        long due = (System.nanoTime() - t0) * perSecond / 1_000_000_000L;
        StringBuilder sb = new StringBuilder();
        for (; next < due; next++) {
          sb.append(String.format("line %010d payload of a pppd-like length%n", next));
        }
        ch.write(ByteBuffer.wrap(sb.toString().getBytes(StandardCharsets.UTF_8)));
        LockSupport.parkNanos(1_000_000);
      }
    } catch (IOException e) {
      failure = e;
    } finally {
      try {
        if (ch != null) {
          ch.close();
        }
      } catch (IOException e) {
        failure = e;
      }
    }
  }

  /** Stops writing and returns how many lines were written. */
  int stopAndCount() throws InterruptedException, IOException {
    running = false;
    thread.join();
    if (failure != null) {
      throw failure;
    }
    return (int) next;
  }

  @Override
  public void close() throws InterruptedException {
    running = false;
    thread.join();
  }
}
