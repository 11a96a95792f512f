package io.bondwatch.chaos;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Random;

/**
 * Appends syslog lines to a pppd log the way syslogd does (open, append, close per line) and puts
 * the log through what logrotate and careless hands do to it. Every line written is counted; the
 * writer pauses for the operations that would lose lines by themselves (a copytruncate racing an
 * append, a deletion of unread lines), so that any line the service misses is its own loss.
 */
final class PppdLogWriter implements AutoCloseable {
  private static final DateTimeFormatter SYSLOG =
      DateTimeFormatter.ofPattern("MMM d HH:mm:ss", Locale.ROOT);

  /** What can happen to the log path. */
  enum Mishap {
    ROTATE_RENAME,
    ROTATE_COPYTRUNCATE,
    DELETE,
    DIRECTORY,
    FIFO,
  }

  private final Path path;
  private final Thread thread;
  private final Object lock = new Object();
  private long written;
  private long rotations;
  private boolean paused;
  private volatile boolean running = true;

  PppdLogWriter(Path path) {
    this.path = path;
    thread = new Thread(this::loop, "chaos-pppd-log");
    thread.setDaemon(true);
    thread.start();
  }

  private void loop() {
    while (running) {
      try {
        synchronized (lock) {
          if (!paused && Files.isRegularFile(path) || !paused && Files.notExists(path)) {
            appendLine();
          }
        }
        Thread.sleep(20);
      } catch (InterruptedException e) {
        return;
      } catch (IOException e) {
        System.err.println("chaos-pppd-log: " + e);
      }
    }
  }

  /** One line, as syslogd writes it; alternately a pppd line and another daemon's. */
  private void appendLine() throws IOException {
    long n = written + 1;
    String stamp = LocalDateTime.now().format(SYSLOG);
    String line =
        n % 3 == 0
            ? stamp + " router cron[77]: (root) CMD (run-parts /etc/cron.hourly) #" + n
            : stamp + " router pppd[4242]: Sent " + n + " bytes, received " + (2 * n) + " bytes.";
    Files.write(
        path,
        (line + "\n").getBytes(StandardCharsets.UTF_8),
        StandardOpenOption.CREATE,
        StandardOpenOption.APPEND,
        StandardOpenOption.WRITE);
    written = n;
  }

  /** Lines written so far. */
  long written() {
    synchronized (lock) {
      return written;
    }
  }

  /** Stops writing (after the line in progress) and returns the count written. */
  long pause() {
    synchronized (lock) {
      paused = true;
      return written;
    }
  }

  void resume() {
    synchronized (lock) {
      paused = false;
    }
  }

  /** Writes {@code n} lines at once, whether or not the writer is paused (e.g. while stopped). */
  void burst(int n) throws IOException {
    synchronized (lock) {
      for (int i = 0; i < n; i++) {
        appendLine();
      }
    }
  }

  /**
   * A rotation under a live writer. Copytruncate holds the writer for the copy and the truncation,
   * as logrotate's own race would lose lines appended between them.
   */
  void rotate(boolean copytruncate) throws IOException {
    synchronized (lock) {
      if (!Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
        return;
      }
      rotations++;
      Path old = path.resolveSibling(path.getFileName() + ".1");
      if (Files.exists(old)) {
        Files.move(
            old,
            path.resolveSibling(path.getFileName() + ".2"),
            StandardCopyOption.REPLACE_EXISTING);
      }
      if (copytruncate) {
        Files.copy(path, old, StandardCopyOption.REPLACE_EXISTING);
        try (var ch = java.nio.channels.FileChannel.open(path, StandardOpenOption.WRITE)) {
          ch.truncate(0);
        }
      } else {
        Files.move(path, old);
        Files.createFile(path);
      }
    }
  }

  /**
   * Something other than the log at its path for {@code holdMillis}, then a regular file again. The
   * caller pauses the writer and waits until the service has read everything first: deleting unread
   * lines would be the test's loss, not the service's.
   */
  void replace(Mishap m, long holdMillis, Random random) throws IOException, InterruptedException {
    synchronized (lock) {
      Path aside = path.resolveSibling(path.getFileName() + ".gone");
      if (Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
        Files.move(path, aside, StandardCopyOption.REPLACE_EXISTING);
      }
      switch (m) {
        case DELETE -> Files.deleteIfExists(aside);
        case DIRECTORY -> Files.createDirectory(path);
        case FIFO -> SyntheticNetDev.run("mkfifo", path.toString());
        default -> throw new IllegalArgumentException(m + " is a rotation");
      }
      Thread.sleep(holdMillis);
      if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
        Files.delete(path);
      } else {
        Files.deleteIfExists(path);
      }
      Files.deleteIfExists(aside);
      appendLine();
    }
  }

  @Override
  public void close() {
    running = false;
    thread.interrupt();
  }
}
