package io.bondwatch.web;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.util.thread.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes a connection whose request head does not arrive whole in time. Jetty's idle timeout only
 * cuts a connection that sends nothing at all: one that sends part of a head and stops, or trickles
 * a byte now and then (slowloris), would hold its slot for ever. A new connection must deliver its
 * first head within {@code limit} of the accept; a kept-alive one may wait for its next request as
 * long as the idle timeout allows, but once a byte of it has arrived the head must be complete
 * within one to two {@code limit}s (checked every {@code limit}, not per byte, so an idle
 * connection costs one timer wake-up per period).
 *
 * <p>Jetty parses heads without holding a thread, so a slow client never blocks other requests;
 * this bounds how long it holds a connection slot.
 */
final class HeadDeadline implements Connection.Listener {
  private static final Logger log = LoggerFactory.getLogger(HeadDeadline.class);

  private final Scheduler scheduler;
  private final long limitMillis;
  private final Map<Connection, Watch> watches = new ConcurrentHashMap<>();
  private final AtomicLong cut = new AtomicLong();

  HeadDeadline(Scheduler scheduler, long limitMillis) {
    this.scheduler = scheduler;
    this.limitMillis = limitMillis;
  }

  @Override
  public void onOpened(Connection connection) {
    Watch w = new Watch(connection);
    watches.put(connection, w);
    w.waitForHead(true);
  }

  @Override
  public void onClosed(Connection connection) {
    Watch w = watches.remove(connection);
    if (w != null) {
      w.stop();
    }
  }

  /** A complete head arrived on the connection: it is being served, no deadline runs. */
  void requestBegins(Connection connection) {
    Watch w = watches.get(connection);
    if (w != null) {
      w.serving();
    }
  }

  /** The response is done: the connection may wait for its next request. */
  void requestEnds(Connection connection) {
    Watch w = watches.get(connection);
    if (w != null) {
      w.waitForHead(false);
    }
  }

  /** Connections closed so far for a late head. */
  long cut() {
    return cut.get();
  }

  private final class Watch {
    private final Connection connection;
    // all guarded by this
    private int generation;
    private boolean headStarted;
    private long bytesMark;
    private Scheduler.Task task;

    Watch(Connection connection) {
      this.connection = connection;
    }

    synchronized void waitForHead(boolean fresh) {
      generation++;
      headStarted = fresh;
      bytesMark = connection.getBytesIn();
      schedule();
    }

    synchronized void serving() {
      generation++;
      cancel();
    }

    synchronized void stop() {
      generation++;
      cancel();
    }

    private void schedule() {
      cancel();
      int gen = generation;
      task = scheduler.schedule(() -> check(gen), limitMillis, TimeUnit.MILLISECONDS);
    }

    private void cancel() {
      if (task != null) {
        task.cancel();
        task = null;
      }
    }

    private void check(int gen) {
      synchronized (this) {
        if (gen != generation) {
          return;
        }
        if (!headStarted) {
          long bytes = connection.getBytesIn();
          // still idle: wait on (the idle timeout ends it); bytes came: the head must finish by
          // the next check
          headStarted = bytes != bytesMark;
          bytesMark = bytes;
          schedule();
          return;
        }
        generation++;
      }
      long n = cut.incrementAndGet();
      Object peer = connection.getEndPoint().getRemoteSocketAddress();
      if (n == 1) {
        log.warn(
            "http {}: closed, no complete request head within {} ms (further ones at debug)",
            peer,
            limitMillis);
      } else {
        log.debug(
            "http {}: closed, no complete request head within {} ms (#{})", peer, limitMillis, n);
      }
      connection.getEndPoint().close();
    }
  }
}
