package io.bondwatch.web;

import java.io.IOException;
import java.net.BindException;
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

/** Builds and starts the Jetty server with the limits of docs/http.md, and stops it. */
final class JettyServer {
  private static final int MIN_THREADS = 2; // the selector and one idle worker
  private static final int THREAD_IDLE_MILLIS = 60_000;
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
    server.setStopTimeout(1000);
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

  static void stop(Server server) {
    try {
      server.stop();
    } catch (Exception e) {
      org.slf4j.LoggerFactory.getLogger(JettyServer.class).warn("http: stopping failed", e);
    }
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
