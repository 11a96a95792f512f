package io.bondwatch.web;

import io.bondwatch.time.TimeSource;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
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
 * request thread ever waits (the answer is a future), each answer comes at most {@code patience}
 * after the start of the collection in flight, and no second collection of the same kind starts
 * until the first one ends. Requests that arrive while a collection runs share its result, so a
 * burst of scrapes costs one collection.
 */
final class LastGood<T> {
  private static final Logger log = LoggerFactory.getLogger(LastGood.class);

  /**
   * A result: {@code value} null when nothing was ever collected; {@code fresh} false when it is an
   * older one because the current collection is late or failed.
   */
  record Result<T>(T value, long collectedAtNanos, boolean fresh) {}

  /** Runs a task after a delay (Jetty's scheduler in the service, by hand in tests). */
  @FunctionalInterface
  interface Timer {
    void after(long nanos, Runnable task);
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
  private long inFlightSince;
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
   * Completes with a fresh result if the collection in flight (or one started now) finishes within
   * the patience, else with the last good one. Never completes exceptionally.
   */
  CompletableFuture<Result<T>> get() {
    CompletableFuture<Result<T>> f;
    long since;
    synchronized (lock) {
      f = inFlight != null ? inFlight : start();
      since = inFlightSince;
    }
    CompletableFuture<Result<T>> answer = new CompletableFuture<>();
    f.whenComplete(
        (r, e) -> {
          if (e == null) {
            answer.complete(r);
          } else if (answer.complete(stale())) {
            trouble("failed: " + (e instanceof CompletionException ? e.getCause() : e));
          }
        });
    if (!answer.isDone()) {
      long wait = since + patienceNanos - time.monotonicNanos();
      Runnable late =
          () -> {
            if (answer.complete(stale())) {
              trouble("has taken " + (time.monotonicNanos() - since) / 1_000_000 + " ms");
            }
          };
      if (wait > 0) {
        timer.after(wait, late);
      } else {
        late.run();
      }
    }
    return answer;
  }

  private Result<T> stale() {
    Result<T> r = last;
    return new Result<>(r.value(), r.collectedAtNanos(), false);
  }

  /** Called under the lock; the collection may run at once, on this thread. */
  private CompletableFuture<Result<T>> start() {
    CompletableFuture<Result<T>> f = new CompletableFuture<>();
    long since = time.monotonicNanos();
    inFlight = f;
    inFlightSince = since;
    try {
      executor.execute(() -> collectInto(f, since));
    } catch (RejectedExecutionException e) {
      // the collector threads are all stuck: serve the last good one, try again next request
      inFlight = null;
      f.completeExceptionally(e);
    }
    return f;
  }

  private void collectInto(CompletableFuture<Result<T>> f, long since) {
    Result<T> r = null;
    Throwable failure = null;
    try {
      r = new Result<>(collect.get(), since, true);
      last = r;
    } catch (RuntimeException | Error e) {
      log.debug("http: collecting the {} failed", what, e);
      failure = e;
    }
    synchronized (lock) {
      if (inFlight == f) {
        inFlight = null;
      }
      if (r != null && troubled) {
        troubled = false;
        log.info("http: collecting the {} works again", what);
      }
    }
    // outside the lock: the requests waiting for it write their responses from here
    if (r != null) {
      f.complete(r);
    } else {
      f.completeExceptionally(failure);
    }
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
