package io.bondwatch.source.probe;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.Delayed;
import java.util.concurrent.FutureTask;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A scheduler that runs nothing by itself: one-shot tasks are captured with their delay and run
 * when the test says so, so restarts and their backoff are observed without waiting for them.
 */
public final class ManualScheduler extends AbstractExecutorService
    implements ScheduledExecutorService {

  /** A captured one-shot task. */
  public static final class Task extends FutureTask<Object> implements ScheduledFuture<Object> {
    public final long delayNanos;

    Task(Runnable r, long delayNanos) {
      super(r, null);
      this.delayNanos = delayNanos;
    }

    @Override
    public long getDelay(TimeUnit unit) {
      return unit.convert(delayNanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public int compareTo(Delayed o) {
      return Long.compare(delayNanos, o.getDelay(TimeUnit.NANOSECONDS));
    }
  }

  private final List<Task> pending = new ArrayList<>();

  /** The one-shot tasks scheduled and neither run nor cancelled. */
  public synchronized List<Task> pending() {
    pending.removeIf(Task::isDone);
    return List.copyOf(pending);
  }

  /** Runs every pending one-shot task once, in the order they were scheduled. */
  public void runPending() {
    for (Task t : pending()) {
      t.run();
    }
  }

  @Override
  public synchronized ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
    Task t = new Task(command, unit.toNanos(delay));
    pending.add(t);
    return t;
  }

  @Override
  public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
    throw new UnsupportedOperationException("not used by the code under test");
  }

  @Override
  public ScheduledFuture<?> scheduleAtFixedRate(
      Runnable command, long initialDelay, long period, TimeUnit unit) {
    throw new UnsupportedOperationException("ticks are called by hand in these tests");
  }

  @Override
  public ScheduledFuture<?> scheduleWithFixedDelay(
      Runnable command, long initialDelay, long delay, TimeUnit unit) {
    throw new UnsupportedOperationException("ticks are called by hand in these tests");
  }

  @Override
  public void execute(Runnable command) {
    schedule(command, 0, TimeUnit.NANOSECONDS);
  }

  @Override
  public void shutdown() {}

  @Override
  public List<Runnable> shutdownNow() {
    return List.of();
  }

  @Override
  public boolean isShutdown() {
    return false;
  }

  @Override
  public boolean isTerminated() {
    return false;
  }

  @Override
  public boolean awaitTermination(long timeout, TimeUnit unit) {
    return true;
  }
}
