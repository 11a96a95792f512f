package io.bondwatch.source.pppd;

import java.time.Duration;

/**
 * Restart delay for journalctl: doubles on each quick exit up to the maximum, and starts again from
 * the minimum once a run lasted longer than the maximum (it was healthy, this exit is news).
 */
final class JournalBackoff {
  private final Duration min;
  private final Duration max;
  private Duration current;

  JournalBackoff(Duration min, Duration max) {
    this.min = min;
    this.max = max;
    this.current = min;
  }

  /** The wait before the next start, given how long the last run lasted. */
  Duration after(Duration ran) {
    if (ran.compareTo(max) > 0) {
      current = min;
    }
    Duration wait = current;
    Duration doubled = current.multipliedBy(2);
    current = doubled.compareTo(max) > 0 ? max : doubled;
    return wait;
  }
}
