package io.bondwatch.time;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Every periodic task of the service with its health, so that readiness and metrics can say which
 * one stopped. Registration is rare (start-up) and synchronized; reads are frequent and never
 * block: a copy-on-write list.
 */
public final class PeriodicTasks {
  private final TimeSource time;
  private final List<TaskHealth> tasks = new CopyOnWriteArrayList<>();
  private volatile Consumer<TaskHealth> listener = t -> {};

  public PeriodicTasks(TimeSource time) {
    this.time = time;
  }

  /** Tells {@code l} of every task registered so far and from now on, e.g. to export metrics. */
  public synchronized void onRegister(Consumer<TaskHealth> l) {
    tasks.forEach(l);
    listener = l;
  }

  /** Registers a task that must succeed at least every {@code staleAfter}. */
  public synchronized TaskHealth register(String id, String title, Duration staleAfter) {
    for (TaskHealth t : tasks) {
      if (t.id().equals(id)) {
        throw new IllegalArgumentException("task " + id + " is registered already");
      }
    }
    TaskHealth t = new TaskHealth(id, title, staleAfter, time);
    tasks.add(t);
    listener.accept(t);
    return t;
  }

  /** Why tasks are unhealthy, one line each; empty when all are well. Never blocks. */
  public List<String> problems() {
    List<String> out = new ArrayList<>();
    for (TaskHealth t : tasks) {
      Optional<String> p = t.problem();
      p.ifPresent(out::add);
    }
    return out;
  }

  public List<TaskHealth> all() {
    return List.copyOf(tasks);
  }
}
