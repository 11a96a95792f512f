package io.bondwatch.source.pppd;

import io.bondwatch.time.TimeSource;
import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.ArrayList;
import java.util.List;
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
  private volatile String failure;
  private boolean failureLogged;
  private boolean begun;
  private volatile TailerEngine engine;
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

  /**
   * Chooses the start position and opens the file before returning, so that a line appended once
   * this returns is never skipped; then follows on the tailer's own thread.
   */
  @Override
  public synchronized void start(LineConsumer consumer) {
    if (thread != null) {
      throw new IllegalStateException("tailer of " + opts.path() + " already started");
    }
    engine = new TailerEngine(opts, consumer, metrics, time);
    attempt(this::begin);
    try {
      watcher = FileSystems.getDefault().newWatchService();
    } catch (IOException e) {
      log.warn("log {}: no file watch service, polling only ({})", opts.path(), e.getMessage());
    }
    running = true;
    thread = threads.newThread(this::run);
    thread.start();
  }

  /** Why the log cannot be followed now, one line each; empty while it can. */
  @Override
  public List<String> problems() {
    List<String> out = new ArrayList<>(2);
    TailerEngine e = engine;
    if (e != null) {
      e.problem().ifPresent(out::add);
    }
    String f = failure;
    if (f != null) {
      out.add(f);
    }
    return out;
  }

  private void begin() throws IOException {
    if (!begun) {
      engine.begin();
      begun = true;
    }
  }

  private void run() {
    TailerEngine e = engine;
    try (e) {
      while (running) {
        attempt(
            () -> {
              begin();
              watchDirectory();
              while (running && e.poll()) {
                // keep reading while there is something new
              }
            });
        awaitChange();
      }
    } catch (IOException ex) {
      log.debug("log {}: closing failed ({})", opts.path(), ex.toString());
    }
  }

  private interface Step {
    void run() throws IOException;
  }

  /**
   * Runs a step; a failure (even a bug) is logged once, reported as a problem until a step
   * succeeds, and retried at the next change or poll: the tailer never stops by itself.
   */
  private void attempt(Step step) {
    try {
      step.run();
      if (failure != null) {
        log.info("log {}: reading again", opts.path());
      }
      failure = null;
      failureLogged = false;
    } catch (IOException | RuntimeException e) {
      failure = "log " + opts.path() + ": cannot read (" + e.getMessage() + ")";
      if (!failureLogged) {
        log.warn("log {}: read failed, retrying ({})", opts.path(), e.toString());
        log.debug("log {}: read failure", opts.path(), e);
        failureLogged = true;
      } else {
        log.debug("log {}: read still failing ({})", opts.path(), e.toString());
      }
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
