package io.bondwatch.web;

import io.bondwatch.time.TimeSource;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Collects something the HTTP API serves (the metrics text, the status document) off the request
 * threads, and answers with the last good result when a collection does not finish in time.
 *
 * <p>Collecting reads the live model, which a source may have locked; if that source hangs in a
 * read, the collection hangs with it. Here it then holds one collector thread and nothing else: no
 * request thread ever waits (the answer is a future), the answer comes at most {@code patience}
 * after the collection started, and no second collection of the same kind starts until the first
 * one ends. Requests that arrive while a collection runs share its answer, so a burst of scrapes
 * costs one collection and one timer.
 */
final class LastGood<T> {
  private static final Logger log = LoggerFactory.getLogger(LastGood.class);

  /**
   * A result: {@code value} null when nothing was ever collected; {@code fresh} false when it is an
   * older one because the current collection is late or failed.
   */
  record Result<T>(T value, long collectedAtNanos, boolean fresh) {}

  /** Runs a task after a delay unless cancelled (Jetty's scheduler; by hand in tests). */
  @FunctionalInterface
  interface Timer {
    /** Returns what cancels the task. */
    Runnable after(long nanos, Runnable task);
  }

  private final String what;
  private final Supplier<T> collect;
  private final Executor executor;
  private final Timer timer;
  private final long patienceNanos;
  private final TimeSource time;
  private final Object lock = new Object();
  // guarded by lock
  private CompletableFuture<Result<T>> inFlight;
  private boolean troubled;
  private volatile Result<T> last = new Result<>(null, 0, false);

  LastGood(
      String what,
      Supplier<T> collect,
      Executor executor,
      Timer timer,
      Duration patience,
      TimeSource time) {
    this.what = what;
    this.collect = collect;
    this.executor = executor;
    this.timer = timer;
    this.patienceNanos = patience.toNanos();
    this.time = time;
  }

  /**
   * The answer of the collection in flight, or of one started now: its result if it finishes within
   * the patience, else the last good one. Never completes exceptionally.
   */
  CompletableFuture<Result<T>> get() {
    synchronized (lock) {
      return inFlight != null ? inFlight : start();
    }
  }

  /** Called under the lock; the collection may run at once, on this thread. */
  private CompletableFuture<Result<T>> start() {
    CompletableFuture<Result<T>> answer = new CompletableFuture<>();
    long since = time.monotonicNanos();
    inFlight = answer;
    Runnable late =
        () -> {
          if (answer.complete(stale())) {
            trouble("has taken " + (time.monotonicNanos() - since) / 1_000_000 + " ms");
          }
        };
    Runnable cancelLate = timer.after(patienceNanos, late);
    try {
      executor.execute(() -> collectInto(answer, since, cancelLate));
    } catch (RejectedExecutionException e) {
      // the collector threads are all stuck: the last good one now, try again next request
      inFlight = null;
      cancelLate.run();
      answer.complete(stale());
      trouble("cannot start: " + e.getMessage());
    }
    return answer;
  }

  private void collectInto(CompletableFuture<Result<T>> answer, long since, Runnable cancelLate) {
    Result<T> r = null;
    Throwable failure = null;
    try {
      r = new Result<>(collect.get(), since, true);
      last = r;
    } catch (RuntimeException | Error e) {
      log.debug("http: collecting the {} failed", what, e);
      failure = e;
    }
    cancelLate.run(); // a pending timer would keep the answer, and its body, for the patience
    synchronized (lock) {
      if (inFlight == answer) {
        inFlight = null;
      }
      if (r != null && troubled) {
        troubled = false;
        log.info("http: collecting the {} works again", what);
      }
    }
    // outside the lock: the requests waiting for it write their responses from here
    if (r != null) {
      answer.complete(r);
    } else if (answer.complete(stale())) {
      trouble("failed: " + failure);
    }
  }

  private Result<T> stale() {
    Result<T> r = last;
    return new Result<>(r.value(), r.collectedAtNanos(), false);
  }

  private void trouble(String how) {
    Result<T> stale = last;
    String serving =
        stale.value() == null
            ? "nothing collected yet"
            : "serving the one collected "
                + (time.monotonicNanos() - stale.collectedAtNanos()) / 1_000_000
                + " ms ago";
    boolean first;
    synchronized (lock) {
      first = !troubled;
      troubled = true;
    }
    if (first) {
      log.warn(
          "http: collecting the {} {} (a source stuck?); {} (further ones at debug)",
          what,
          how,
          serving);
    } else {
      log.debug("http: collecting the {} {}; {}", what, how, serving);
    }
  }
}
