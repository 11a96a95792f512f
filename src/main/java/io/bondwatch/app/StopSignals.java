package io.bondwatch.app;

import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/**
 * The service's signals. SIGTERM and SIGINT ask for a clean stop that the main thread carries out,
 * so the process exits 0 (the JVM's own handling runs shutdown hooks and exits 143 or 130, which
 * systemd reports as a failure). SIGHUP is logged and ignored: reload does not exist yet, and the
 * JVM's default for it would stop a service that an admin or a logrotate script only meant to
 * nudge.
 */
final class StopSignals {
  private static final Logger log = LoggerFactory.getLogger(StopSignals.class);

  private final CountDownLatch stop = new CountDownLatch(1);
  private volatile String received = "";

  private StopSignals() {}

  /**
   * Takes over TERM, INT and HUP. Returns null when the JVM does not let us (for instance under
   * {@code -Xrs}); the caller then falls back to a shutdown hook.
   */
  static StopSignals install() {
    StopSignals s = new StopSignals();
    try {
      Signal.handle(new Signal("TERM"), s::stopOn);
      Signal.handle(new Signal("INT"), s::stopOn);
      Signal.handle(new Signal("HUP"), StopSignals::ignore);
      return s;
    } catch (IllegalArgumentException | UnsupportedOperationException e) {
      log.debug("signals: cannot handle them here ({}); stopping through a shutdown hook", e);
      return null;
    }
  }

  private void stopOn(Signal signal) {
    received = "SIG" + signal.getName();
    stop.countDown();
  }

  private static void ignore(Signal signal) {
    log.warn(
        "SIG{}: ignored; bondwatch cannot reload its config yet, restart it to apply changes",
        signal.getName());
  }

  /** Blocks until SIGTERM or SIGINT; returns its name ({@code SIGTERM}). */
  String await() throws InterruptedException {
    stop.await();
    return received;
  }
}
