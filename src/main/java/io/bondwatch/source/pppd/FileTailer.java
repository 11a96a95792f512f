package io.bondwatch.source.pppd;

import io.bondwatch.time.TimeSource;
import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows a log file like {@code tail -F} on one thread it owns. Changes are noticed through the
 * JDK watch service (inotify on Linux) on the file's directory, with a short poll as a safety net
 * for file systems or moments where no event comes (the directory not existing yet).
 */
public final class FileTailer implements LineSource {
  private static final Logger log = LoggerFactory.getLogger(FileTailer.class);
  private final TailerOptions opts;
  private final TailerMetrics metrics;
  private final TimeSource time;
  private final ThreadFactory threads;
  private volatile boolean running;
  private Thread thread;
  private WatchService watcher;
  private WatchKey watchKey;

  public FileTailer(
      TailerOptions opts, TailerMetrics metrics, TimeSource time, ThreadFactory threads) {
    this.opts = opts;
    this.metrics = metrics;
    this.time = time;
    this.threads = threads;
  }

  @Override
  public synchronized void start(LineConsumer consumer) {
    if (thread != null) {
      throw new IllegalStateException("tailer of " + opts.path() + " already started");
    }
    try {
      watcher = FileSystems.getDefault().newWatchService();
    } catch (IOException e) {
      log.warn("log {}: no file watch service, polling only ({})", opts.path(), e.getMessage());
    }
    running = true;
    thread = threads.newThread(() -> run(consumer));
    thread.start();
  }

  private void run(LineConsumer consumer) {
    boolean failed = false;
    try (TailerEngine engine = new TailerEngine(opts, consumer, metrics, time)) {
      engine.begin();
      while (running) {
        try {
          watchDirectory();
          while (running && engine.poll()) {
            // keep reading while there is something new
          }
          failed = false;
        } catch (IOException e) {
          if (!failed) {
            log.warn("log {}: read failed, retrying ({})", opts.path(), e.toString());
          }
          failed = true;
        }
        awaitChange();
      }
    } catch (IOException | RuntimeException e) {
      log.error("log {}: tailer stopped", opts.path(), e);
    }
  }

  /** Registers the directory once it exists; until then the poll alone notices the file. */
  private void watchDirectory() {
    if (watcher == null || (watchKey != null && watchKey.isValid())) {
      return;
    }
    Path dir = opts.path().getParent();
    try {
      watchKey =
          dir.register(
              watcher,
              StandardWatchEventKinds.ENTRY_CREATE,
              StandardWatchEventKinds.ENTRY_MODIFY,
              StandardWatchEventKinds.ENTRY_DELETE);
    } catch (IOException | ClosedWatchServiceException e) {
      log.debug("log {}: cannot watch {} yet ({})", opts.path(), dir, e.toString());
    }
  }

  private void awaitChange() {
    try {
      long millis = opts.pollInterval().toMillis();
      if (watcher == null || watchKey == null) {
        TimeUnit.MILLISECONDS.sleep(millis);
        return;
      }
      WatchKey key = watcher.poll(millis, TimeUnit.MILLISECONDS);
      if (key != null) {
        key.pollEvents();
        key.reset();
      }
    } catch (InterruptedException | ClosedWatchServiceException e) {
      running = false;
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    Thread t;
    synchronized (this) {
      running = false;
      t = thread;
    }
    try {
      if (watcher != null) {
        watcher.close();
      }
    } catch (IOException e) {
      log.debug("log {}: closing the watch service failed ({})", opts.path(), e.toString());
    }
    if (t != null) {
      try {
        // Closing the watch service wakes the thread; interrupting it would also close the file
        // channels it is using, so that is only the fallback for a thread stuck elsewhere.
        t.join(2 * opts.pollInterval().toMillis() + 1000);
        if (t.isAlive()) {
          t.interrupt();
          t.join(TimeUnit.SECONDS.toMillis(10));
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
