package io.bondwatch.source.pppd;

import io.bondwatch.time.TimeSource;
import java.time.Duration;
import java.util.List;

/**
 * Whether journalctl is delivering, for readiness. One exit (journald restarted) is routine;
 * several quick exits in a row mean nothing is being read, until entries flow again or a run has
 * lasted longer than the longest backoff. Updated on the source's thread, read from any.
 */
final class JournalHealth {
  private static final int QUICK_EXITS_UNUSABLE = 3;
  private final TimeSource time;
  private final Duration settled;
  private volatile String trouble;
  private volatile long startedAt;
  private volatile boolean running;
  private int quickExits;
  private String lastFailure = "";

  JournalHealth(TimeSource time, Duration settled) {
    this.time = time;
    this.settled = settled;
  }

  void started() {
    startedAt = time.monotonicNanos();
    running = true;
  }

  void failed(String why) {
    lastFailure = why;
  }

  /** journalctl ended (or could not run) after running this long. */
  void ended(Duration ran) {
    running = false;
    quickExits = ran.compareTo(settled) > 0 ? 1 : quickExits + 1;
    trouble = quickExits >= QUICK_EXITS_UNUSABLE ? "journal: " + lastFailure : null;
  }

  void delivered() {
    quickExits = 0;
    trouble = null;
  }

  List<String> problems() {
    String t = trouble;
    boolean healthyRun = running && time.monotonicNanos() - startedAt > settled.toNanos();
    return t == null || healthyRun ? List.of() : List.of(t);
  }
}
