package io.bondwatch.app;

import java.io.IOException;
import java.io.PrintWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts a wiring, keeps the process alive until SIGTERM/SIGINT, then closes it in order and
 * returns 0. SIGHUP is ignored (see {@link StopSignals}).
 */
final class Service {
  private static final Logger log = LoggerFactory.getLogger(Service.class);

  private Service() {}

  interface Starter {
    Wiring start() throws IOException;
  }

  static int runUntilStopped(PrintWriter err, Starter starter) {
    // before starting: a signal during start-up must not kill the process with pings running
    StopSignals signals = StopSignals.install();
    Wiring wiring;
    try {
      wiring = starter.start();
    } catch (IOException | StartupException e) {
      err.println("bondwatch: cannot start: " + e.getMessage());
      return 1;
    } catch (RuntimeException e) {
      log.debug("start-up failed", e);
      err.println("bondwatch: cannot start: " + e);
      return 1;
    }
    log.info("bondwatch: running; http on port {}", wiring.httpPort());
    if (signals == null) {
      Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(wiring, "shutdown"), "bw-stop"));
      return awaitForever();
    }
    try {
      stop(wiring, signals.await());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      stop(wiring, "interrupt");
    }
    return 0;
  }

  private static void stop(Wiring wiring, String why) {
    log.info("shutting down ({})", why);
    wiring.close();
    log.info("stopped");
  }

  private static int awaitForever() {
    try {
      Thread.currentThread().join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return 0;
  }
}
