package io.bondwatch.web;

import io.bondwatch.time.TimeSource;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Collects something the HTTP API serves (the metrics text, the status document) off the request
 * thread, and serves the last good result when a collection does not finish in time.
 *
 * <p>Collecting reads the live model, which a source may have locked; if that source hangs in a
 * read, the collection hangs with it. Here it then holds one collector thread, never an HTTP
 * worker: requests wait at most {@code patience} from the start of the collection in flight and get
 * the last good result after that, and no second collection of the same kind starts until the first
 * one ends. Requests that arrive while a collection runs share its result, so a burst of scrapes
 * costs one collection.
 */
final class LastGood<T> {
  private static final Logger log = LoggerFactory.getLogger(LastGood.class);

  /**
   * A result: {@code value} null when nothing was ever collected; {@code fresh} false when it is an
   * older one because the current collection is late or failed.
   */
  record Result<T>(T value, long collectedAtNanos, boolean fresh) {}

  private final String what;
  private final Supplier<T> collect;
  private final Executor executor;
  private final long patienceNanos;
  private final TimeSource time;
  private final Object lock = new Object();
  // guarded by lock
  private CompletableFuture<Result<T>> inFlight;
  private long inFlightSince;
  private boolean troubled;
  private volatile Result<T> last = new Result<>(null, 0, false);

  LastGood(
      String what, Supplier<T> collect, Executor executor, Duration patience, TimeSource time) {
    this.what = what;
    this.collect = collect;
    this.executor = executor;
    this.patienceNanos = patience.toNanos();
    this.time = time;
  }

  /** A fresh result if one can be had within the patience, else the last good one. */
  Result<T> get() throws InterruptedException {
    CompletableFuture<Result<T>> f;
    long since;
    synchronized (lock) {
      f = inFlight != null ? inFlight : start();
      since = inFlightSince;
    }
    long wait = since + patienceNanos - time.monotonicNanos();
    try {
      return f.get(Math.max(0, wait), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      trouble("has taken " + (time.monotonicNanos() - since) / 1_000_000 + " ms (a source stuck?)");
    } catch (ExecutionException e) {
      trouble("failed: " + e.getCause());
    }
    Result<T> stale = last;
    return new Result<>(stale.value(), stale.collectedAtNanos(), false);
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
    boolean ok = false;
    try {
      Result<T> r = new Result<>(collect.get(), since, true);
      last = r;
      ok = true;
      f.complete(r);
    } catch (RuntimeException | Error e) {
      log.debug("http: collecting the {} failed", what, e);
      f.completeExceptionally(e);
    } finally {
      synchronized (lock) {
        if (inFlight == f) {
          inFlight = null;
        }
        if (ok && troubled) {
          troubled = false;
          log.info("http: collecting the {} works again", what);
        }
      }
    }
  }

  private void trouble(String how) {
    synchronized (lock) {
      Result<T> stale = last;
      String serving =
          stale.value() == null
              ? "nothing collected yet"
              : "serving the one collected "
                  + (time.monotonicNanos() - stale.collectedAtNanos()) / 1_000_000
                  + " ms ago";
      if (!troubled) {
        troubled = true;
        log.warn("http: collecting the {} {}; {} (further ones at debug)", what, how, serving);
      } else {
        log.debug("http: collecting the {} {}; {}", what, how, serving);
      }
    }
  }
}
