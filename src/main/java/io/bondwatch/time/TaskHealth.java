package io.bondwatch.time;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The health of one periodic task: how often it ran and failed, and when it last succeeded, so that
 * a task that stops running, or runs and keeps failing, is noticed rather than freezing its figures
 * behind a healthy-looking service. Written by the task's thread, read by HTTP threads: lock-free.
 */
public final class TaskHealth {
  private static final Logger log = LoggerFactory.getLogger(TaskHealth.class);

  private final String id;
  private final String title;
  private final Duration staleAfter;
  private final TimeSource time;
  private final long registeredNanos;
  private final AtomicLong runs = new AtomicLong();
  private final AtomicLong failures = new AtomicLong();
  private volatile long lastRunNanos;
  private volatile long lastSuccessNanos;
  private volatile boolean succeeded;
  private volatile boolean ranAtAll;
  private volatile String lastFailure;
  private volatile boolean reportedStale;

  /**
   * @param id the {@code task} label: lower case, no spaces
   * @param title what readiness and logs call it, e.g. "netdev sampler"
   * @param staleAfter how long without a success before the task counts as stuck
   */
  TaskHealth(String id, String title, Duration staleAfter, TimeSource time) {
    if (id == null || !id.matches("[a-z0-9_-]+")) {
      throw new IllegalArgumentException("task id must be [a-z0-9_-]+, not " + id);
    }
    if (staleAfter.isNegative() || staleAfter.isZero()) {
      throw new IllegalArgumentException("staleAfter must be > 0: " + staleAfter);
    }
    this.id = id;
    this.title = title;
    this.staleAfter = staleAfter;
    this.time = time;
    this.registeredNanos = time.monotonicNanos();
  }

  public String id() {
    return id;
  }

  public String title() {
    return title;
  }

  /**
   * The task wrapped so that whatever it throws, an Error included, does not cancel it for good (a
   * scheduled executor silently drops a task that throws): the failure is counted, logged (with its
   * stack the first time, then at debug) and the task runs again next period.
   *
   * @param successOnReturn whether returning normally is a success; false for a task that reports
   *     its successes itself (one that starts work done elsewhere)
   */
  public Runnable guard(Runnable task, boolean successOnReturn) {
    AtomicBoolean logged = new AtomicBoolean();
    return () -> {
      try {
        task.run();
        if (successOnReturn) {
          succeeded();
        }
      } catch (Throwable e) {
        failed(e.toString());
        if (logged.compareAndSet(false, true)) {
          log.error("task {}: failed, will run again next period", title, e);
        } else {
          log.debug("task {}: failed again: {}", title, e.toString());
        }
      }
    };
  }

  /** One run did what it is for. */
  public void succeeded() {
    long now = time.monotonicNanos();
    runs.incrementAndGet();
    if (reportedStale) {
      reportedStale = false;
      log.info("task {}: running again after {} s", title, seconds(now - since()));
    }
    lastRunNanos = now;
    lastSuccessNanos = now;
    ranAtAll = true;
    succeeded = true;
  }

  /** One run failed, for {@code reason} (one line). */
  public void failed(String reason) {
    runs.incrementAndGet();
    failures.incrementAndGet();
    lastFailure = reason;
    lastRunNanos = time.monotonicNanos();
    ranAtAll = true;
  }

  public long runs() {
    return runs.get();
  }

  public long failures() {
    return failures.get();
  }

  /** Seconds since the last success, or NaN before the first. */
  public double secondsSinceSuccess() {
    return succeeded ? (time.monotonicNanos() - lastSuccessNanos) / 1e9 : Double.NaN;
  }

  /**
   * Why the task is not healthy, e.g. "netdev sampler has not run for 12 s", or empty. A task
   * counts from its registration, so a task that has not run yet gets {@code staleAfter} to start.
   */
  public Optional<String> problem() {
    long now = time.monotonicNanos();
    long quiet = now - since();
    if (quiet <= staleAfter.toNanos()) {
      return Optional.empty();
    }
    boolean failing = ranAtAll && now - lastRunNanos <= staleAfter.toNanos();
    String problem =
        failing
            ? title + " has failed for " + seconds(quiet) + " s: " + lastFailure
            : title + " has not run for " + seconds(now - lastActivity()) + " s";
    if (!reportedStale) {
      // asked by every readiness check and scrape: say it once, then again only after recovery
      reportedStale = true;
      log.warn("task {}", problem);
    }
    return Optional.of(problem);
  }

  private long since() {
    return succeeded ? lastSuccessNanos : registeredNanos;
  }

  private long lastActivity() {
    return ranAtAll ? lastRunNanos : registeredNanos;
  }

  private static long seconds(long nanos) {
    return Math.round(nanos / 1e9);
  }
}
