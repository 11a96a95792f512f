package io.bondwatch.source.probe;

import io.bondwatch.time.Durations;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How one member's ping processes end, and when to start the next: doubling backoff, and a warning
 * once per streak of trouble (then debug). A ping killed by a signal bondwatch did not send is said
 * only when it is restarted: when the whole process group is stopped (systemd, Ctrl-C), ping dies
 * of the same SIGTERM a moment before bondwatch stops its members, and that is not news.
 */
final class ProcessExits {
  private static final Logger log = LoggerFactory.getLogger(PingSession.class);
  private static final Map<Integer, String> SIGNALS =
      Map.of(1, "SIGHUP", 2, "SIGINT", 3, "SIGQUIT", 6, "SIGABRT", 9, "SIGKILL", 15, "SIGTERM");

  private final String member;
  private final long firstBackoffNanos = PingSettings.FIRST_BACKOFF.toNanos();
  private final long maxBackoffNanos;
  private final String maxBackoffText;
  private long backoffNanos = firstBackoffNanos;
  private boolean warned;
  private String unexplained;

  ProcessExits(String member, Duration maxBackoff) {
    this.member = member;
    this.maxBackoffNanos = maxBackoff.toNanos();
    this.maxBackoffText = Durations.human(maxBackoff);
  }

  /** A ping ended (or was ended) for {@code reason}; returns the delay before the next one. */
  long exited(String reason, boolean bySignal) {
    long delay = backoffNanos;
    backoffNanos = Math.min(2 * backoffNanos, maxBackoffNanos);
    if (bySignal) {
      unexplained = reason;
      log.debug("member {}: {}; restarting in {}", member, reason, human(delay));
    } else {
      unexplained = null;
      say(reason, delay);
    }
    return delay;
  }

  /** The next ping is starting: a signal death is news now, since nobody stopped the member. */
  void restarting() {
    if (unexplained != null) {
      say(unexplained + ", a signal bondwatch did not send", backoffNanos);
      unexplained = null;
    }
  }

  /** A ping answered: the next failure is news again, and restarts start fast again. */
  void working() {
    backoffNanos = firstBackoffNanos;
    warned = false;
  }

  private void say(String reason, long delay) {
    if (!warned) {
      warned = true;
      log.warn(
          "member {}: {}; restarting it with backoff up to {}", member, reason, maxBackoffText);
    } else {
      log.debug("member {}: {}; restarting in {}", member, reason, human(delay));
    }
  }

  private static String human(long nanos) {
    return Durations.human(Duration.ofNanos(nanos));
  }

  /** "killed by SIGTERM" for the exit status of a process a signal ended; null otherwise. */
  static String signal(int status) {
    if (status <= 128 || status > 128 + 64) {
      return null;
    }
    int sig = status - 128;
    return "killed by " + SIGNALS.getOrDefault(sig, "signal " + sig);
  }

  /** Waits for the process to end (so no zombie stays); MIN_VALUE if it did not within 2 s. */
  static int reap(Process p) {
    try {
      return p.waitFor(2, TimeUnit.SECONDS) ? p.exitValue() : Integer.MIN_VALUE;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Integer.MIN_VALUE;
    }
  }

  /** Asks a process to end, forces it after 2 s, and reaps it. */
  static void end(Process p) {
    p.destroy();
    if (reap(p) == Integer.MIN_VALUE) {
      p.destroyForcibly();
      reap(p);
    }
  }

  /** Kills a process and whatever it started (a child may hold its output pipe open). */
  static void kill(Process p) {
    List<ProcessHandle> children = p.descendants().toList();
    p.destroyForcibly();
    children.forEach(ProcessHandle::destroyForcibly);
  }
}
