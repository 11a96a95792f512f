package io.bondwatch.web;

import java.io.IOException;
import java.net.BindException;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.eclipse.jetty.io.ArrayByteBufferPool;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.ScheduledExecutorScheduler;
import org.eclipse.jetty.util.thread.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds and starts the Jetty server with the limits of docs/http.md, and stops it. */
final class JettyServer {
  private static final int MIN_THREADS = 2; // the selector and one idle worker
  private static final int THREAD_IDLE_MILLIS = 60_000;
  // stopping waits this long for the responses in progress before it closes every connection
  private static final int STOP_GRACE_MILLIS = 1000;
  // ... and gives each connection this long without traffic: a kept-alive one waiting for its
  // next request closes at once. Jetty's default (1 s, the grace itself) made every stop with a
  // connection kept alive wait the whole grace and then race it (ServiceSignalsIT saw it lose)
  private static final int STOP_IDLE_MILLIS = 100;
  private static final String REFS_PER_CACHE_LINE = "org.eclipse.jetty.util.referencesPerCacheLine";

  static {
    // Jetty pads its thread pool's counters to a cache line; unless told how many references fit
    // in one, it asks the platform MBean server whether oops are compressed, which loads JMX
    // (~140 classes, ~2 MB resident) for that one number. 64-byte lines, 4-byte compressed oops.
    if (System.getProperty(REFS_PER_CACHE_LINE) == null) {
      System.setProperty(REFS_PER_CACHE_LINE, "16");
    }
  }

  private JettyServer() {}

  static Server start(
      String host,
      int port,
      HttpLimits limits,
      Scheduler scheduler,
      Function<HeadDeadline, Routes> routes)
      throws IOException {
    QueuedThreadPool pool =
        new QueuedThreadPool(limits.maxThreads(), MIN_THREADS, THREAD_IDLE_MILLIS);
    pool.setName("bondwatch-http");
    pool.setDaemon(true);
    pool.setReservedThreads(0); // a reserve is for high request rates; here it is idle threads
    // a few small buffers per connection; cap what the pool keeps when idle
    ArrayByteBufferPool buffers =
        new ArrayByteBufferPool(0, 4096, 65536, 16, 512 * 1024, 512 * 1024);
    Server server = new Server(pool, scheduler, buffers);

    HttpConfiguration http = new HttpConfiguration();
    http.setSendServerVersion(false);
    http.setSendXPoweredBy(false);
    // no acceptor thread: the one selector accepts as well
    ServerConnector connector = new ServerConnector(server, 0, 1, new HttpConnectionFactory(http));
    connector.setHost(host);
    connector.setPort(port);
    connector.setIdleTimeout(limits.idleTimeout().toMillis());
    connector.setShutdownIdleTimeout(STOP_IDLE_MILLIS);
    // without it, a kept-alive scrape waits ~40 ms for the client's delayed ACK (Nagle)
    connector.setAcceptedTcpNoDelay(true);
    HeadDeadline deadline = new HeadDeadline(scheduler, limits.headTimeout().toMillis());
    connector.addBean(deadline); // a connector's Connection.Listener beans see every connection
    NetworkConnectionLimit limit = new NetworkConnectionLimit(limits.maxConnections(), connector);
    // at the limit, kept-alive connections idle for this long make room
    limit.setEndPointIdleTimeout(limits.headTimeout().toMillis());
    server.addBean(limit);
    server.addConnector(connector);
    server.setErrorHandler(new PlainErrors());
    server.setHandler(routes.apply(deadline));
    server.setStopTimeout(STOP_GRACE_MILLIS);
    try {
      server.start();
    } catch (Exception e) {
      stop(server);
      Throwable bind = e;
      while (bind != null && !(bind instanceof BindException)) {
        bind = bind.getCause();
      }
      if (bind != null) {
        throw (BindException) bind;
      }
      throw e instanceof IOException io ? io : new IOException(e.toString(), e);
    }
    return server;
  }

  static int port(Server server) {
    return ((ServerConnector) server.getConnectors()[0]).getLocalPort();
  }

  /**
   * Stops the server; never throws. A client still being served when the grace is over is no
   * failure of the stop (its connection is closed like the others): one line says so.
   */
  static void stop(Server server) {
    Logger log = LoggerFactory.getLogger(JettyServer.class);
    try {
      server.stop();
    } catch (Exception e) {
      if (graceRanOut(e)) {
        log.info(
            "http: a client was still being served {} ms into the stop; its connection was closed",
            STOP_GRACE_MILLIS);
      } else {
        log.warn("http: stopping failed ({})", e.toString());
        log.debug("http: stopping failed", e);
      }
    }
  }

  /**
   * Whether Jetty's stop failed only because the grace ran out: Jetty throws the first failure of
   * its stop (the graceful wait comes first) with the others added to it as suppressed.
   */
  static boolean graceRanOut(Throwable e) {
    if (!(e instanceof TimeoutException)) {
      return false;
    }
    for (Throwable s : e.getSuppressed()) {
      if (!graceRanOut(s)) {
        return false;
      }
    }
    return true;
  }

  /** The timer of the head deadlines and of late collections; Jetty starts and stops it. */
  static Scheduler scheduler() {
    return new ScheduledExecutorScheduler("bondwatch-http-timer", true);
  }

  static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }
}
