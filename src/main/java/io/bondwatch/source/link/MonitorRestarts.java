package io.bondwatch.source.link;

import io.bondwatch.time.Durations;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * When to start the monitor again after it ended, and what to say: doubling backoff, reset once a
 * monitor has run for the longest backoff; a warning once per streak of trouble, then debug. A
 * monitor killed by a signal is said only when it is restarted: when the whole process group is
 * stopped (systemd, Ctrl-C), ip dies of it a moment before bondwatch closes the monitor, and that
 * is not news. Not thread-safe: the monitor's lock serialises calls.
 */
final class MonitorRestarts {
  private static final Logger log = LoggerFactory.getLogger(IpLinkMonitor.class);
  static final Duration FIRST_BACKOFF = Duration.ofMillis(500);
  static final Duration MAX_BACKOFF = Duration.ofSeconds(10);

  private long startedNanos;
  private long backoffNanos = FIRST_BACKOFF.toNanos();
  private boolean warned;
  private String unexplained;

  void started(long nowNanos) {
    startedNanos = nowNanos;
  }

  /** The monitor ended with {@code problem}; returns the delay before the next one, in nanos. */
  long ended(long nowNanos, String problem, boolean bySignal) {
    if (nowNanos - startedNanos >= MAX_BACKOFF.toNanos()) {
      // it ran for a while: this is a new streak of trouble
      backoffNanos = FIRST_BACKOFF.toNanos();
      warned = false;
    }
    long delay = backoffNanos;
    backoffNanos = Math.min(2 * backoffNanos, MAX_BACKOFF.toNanos());
    if (bySignal) {
      unexplained = problem;
      log.debug("{}; restarting in {}", problem, Durations.human(Duration.ofNanos(delay)));
    } else {
      say(problem);
    }
    return delay;
  }

  /** The next monitor is starting: a signal death is news now, since nobody stopped the service. */
  void restarting() {
    if (unexplained != null) {
      say(unexplained + ", a signal bondwatch did not send");
      unexplained = null;
    }
  }

  private void say(String problem) {
    if (!warned) {
      warned = true;
      log.warn(
          "{}; restarting it with backoff up to {} (until then, links are checked at unanswered"
              + " probes only)",
          problem,
          Durations.human(MAX_BACKOFF));
    } else {
      log.debug("{}; restarting it", problem);
    }
  }
}
