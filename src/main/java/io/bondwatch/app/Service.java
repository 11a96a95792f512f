package io.bondwatch.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Starts a wiring, keeps the process alive until SIGTERM/SIGINT, then closes it in order. */
final class Service {
  private static final Logger log = LoggerFactory.getLogger(Service.class);

  private Service() {}

  interface Starter {
    Wiring start() throws IOException;
  }

  static int runUntilStopped(PrintWriter err, Starter starter) {
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
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  log.info("shutting down");
                  wiring.close();
                  stopped.countDown();
                },
                "bondwatch-shutdown"));
    log.info("bondwatch: running; http on port {}", wiring.httpPort());
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return 0;
  }
}
