package io.bondwatch.source.pppd;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bondwatch.time.TimeSource;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows journald through {@code journalctl --follow --output=json}, delivering each entry's JSON
 * object line as it is. After each processed batch the cursor of its last entry is checkpointed;
 * journalctl is restarted {@code --after-cursor} it when it exits, with backoff. Where reading
 * starts is decided before {@link #start} returns ({@link JournalStart}).
 */
public final class JournalSource implements LineSource {
  private static final Logger log = LoggerFactory.getLogger(JournalSource.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_BATCH = 1000;
  private final JournalOptions opts;
  private final TailerMetrics metrics;
  private final TimeSource time;
  private final ThreadFactory threads;
  private final CheckpointStore<JournalCursor> cursors;
  private final CountDownLatch closed = new CountDownLatch(1);
  private final JournalHealth health;
  private volatile Process process;
  private Thread thread;
  private boolean exitLogged;
  private JournalStart position;
  private boolean cursorRefused;

  public JournalSource(
      JournalOptions opts, TailerMetrics metrics, TimeSource time, ThreadFactory threads) {
    this.opts = opts;
    this.metrics = metrics;
    this.time = time;
    this.threads = threads;
    this.cursors = new CheckpointStore<>(opts.cursorFile(), JournalCursor.class);
    this.health = new JournalHealth(time, opts.maxBackoff());
  }

  /**
   * @throws IllegalStateException with a message for the operator when journalctl is not there
   */
  @Override
  public synchronized void start(LineConsumer consumer) {
    if (thread != null) {
      throw new IllegalStateException("journal source already started");
    }
    if (!isRunnable(opts.executable())) {
      throw new IllegalStateException(
          "journal: '"
              + opts.executable()
              + "' not found or not executable; install systemd's journalctl or read pppd's log"
              + " file instead (sources.pppd.log)");
    }
    position = JournalStart.resolve(opts, cursors, metrics);
    thread = threads.newThread(() -> run(consumer));
    thread.start();
  }

  @Override
  public List<String> problems() {
    return health.problems();
  }

  private void run(LineConsumer consumer) {
    JournalBackoff backoff = new JournalBackoff(opts.minBackoff(), opts.maxBackoff());
    while (closed.getCount() > 0) {
      long began = time.monotonicNanos();
      try {
        follow(consumer);
      } catch (IOException | RuntimeException e) {
        log.warn("journal: reading journalctl failed ({})", e.toString());
        health.failed("reading journalctl failed (" + e.getMessage() + ")");
      }
      Duration ran = Duration.ofNanos(time.monotonicNanos() - began);
      health.ended(ran);
      Duration wait = backoff.after(ran);
      try {
        if (closed.await(wait.toMillis(), TimeUnit.MILLISECONDS)) {
          return;
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private void follow(LineConsumer consumer) throws IOException {
    cursorRefused = false;
    Process p = new ProcessBuilder(position.command(opts)).redirectErrorStream(true).start();
    health.started();
    process = p;
    if (closed.getCount() == 0) {
      p.destroy();
    }
    try (BufferedReader in =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = in.readLine()) != null) {
        List<String> batch = new ArrayList<>();
        String last = take(line, batch, null);
        while (batch.size() < MAX_BATCH && in.ready() && (line = in.readLine()) != null) {
          last = take(line, batch, last);
        }
        deliver(consumer, batch, last);
      }
    }
    try {
      int code = p.waitFor();
      if (closed.getCount() > 0) {
        logExit(code);
      }
      if (cursorRefused) {
        // a cursor journalctl cannot seek to would be refused on every restart: never blind
        log.warn("journal: journalctl refused the saved cursor, reading from the journal's start");
        metrics.checkpointFallback(TailerMetrics.CheckpointFallback.FROM_START);
        position = new JournalStart(null, true);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Adds an entry line to the batch and returns the newest cursor; other text is journalctl's. */
  private String take(String line, List<String> batch, String lastCursor) {
    if (!line.startsWith("{")) {
      log.warn("journal: journalctl says: {}", line);
      cursorRefused |=
          lastCursor == null
              && position.cursor() != null
              && line.toLowerCase(java.util.Locale.ROOT).contains("failed to seek to cursor");
      return lastCursor;
    }
    batch.add(line);
    try {
      JsonNode cursor = JSON.readTree(line).get("__CURSOR");
      return cursor != null && cursor.isTextual() ? cursor.asText() : lastCursor;
    } catch (IOException e) {
      log.debug("journal: entry without a readable cursor ({})", e.getMessage());
      return lastCursor;
    }
  }

  private void deliver(LineConsumer consumer, List<String> batch, String cursor) {
    if (batch.isEmpty()) {
      return;
    }
    try {
      consumer.accept(List.copyOf(batch));
    } catch (Exception e) {
      log.error("journal: consumer failed on {} lines, going on", batch.size(), e);
    }
    metrics.linesRead(batch.size());
    health.delivered();
    if (cursor != null) {
      try {
        JournalCursor c = new JournalCursor(cursor);
        position = new JournalStart(c.cursor(), false);
        cursors.save(c);
      } catch (IOException | IllegalArgumentException e) {
        log.warn("journal: cannot save cursor to {} ({})", opts.cursorFile(), e.getMessage());
      }
    }
  }

  private void logExit(int code) {
    health.failed("journalctl keeps exiting, last with status " + code);
    if (!exitLogged) {
      log.warn("journal: journalctl exited with status {}, restarting it", code);
      exitLogged = true;
    } else {
      log.debug("journal: journalctl exited with status {} again", code);
    }
  }

  private static boolean isRunnable(String executable) {
    if (executable.contains("/")) {
      return Files.isExecutable(Path.of(executable));
    }
    for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, executable))) {
        return true;
      }
    }
    return false;
  }

  @Override
  public void close() {
    closed.countDown();
    Process p = process;
    if (p != null) {
      p.destroy();
    }
    Thread t;
    synchronized (this) {
      t = thread;
    }
    if (t != null) {
      try {
        t.join(TimeUnit.SECONDS.toMillis(10));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
