package io.bondwatch.time;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Notices a wall clock that jumps (NTP step, admin) and a periodic tick that runs far too late
 * (suspended VM, stalled JVM), the two ways time lies to a failover controller. Windows and
 * hysteresis use monotonic time and are unaffected; this only says so in the log.
 */
public final class TickWatchdog {
  private static final Logger log = LoggerFactory.getLogger(TickWatchdog.class);

  private final TimeSource time;
  private final Duration period;
  private final Duration tolerance;
  private long lastNanos;
  private long lastWallMillis;

  public TickWatchdog(TimeSource time, Duration period, Duration tolerance) {
    this.time = time;
    this.period = period;
    this.tolerance = tolerance;
    this.lastNanos = time.monotonicNanos();
    this.lastWallMillis = time.wallTime().toEpochMilli();
  }

  /** Called every period; returns what it noticed, for tests. */
  public Verdict tick() {
    long nanos = time.monotonicNanos();
    long wall = time.wallTime().toEpochMilli();
    long monoMillis = (nanos - lastNanos) / 1_000_000;
    long wallMillis = wall - lastWallMillis;
    lastNanos = nanos;
    lastWallMillis = wall;
    Verdict v = Verdict.OK;
    if (Math.abs(wallMillis - monoMillis) > tolerance.toMillis()) {
      v = wallMillis < monoMillis ? Verdict.WALL_JUMPED_BACK : Verdict.WALL_JUMPED_FORWARD;
      log.warn(
          "clock: wall time moved {} while {} passed; timestamps jump, windows do not",
          Durations.human(Duration.ofMillis(wallMillis)),
          Durations.human(Duration.ofMillis(monoMillis)));
    } else if (monoMillis > period.toMillis() + tolerance.toMillis()) {
      v = Verdict.LATE;
      log.warn(
          "clock: tick came {} late (process stalled or suspended?)",
          Durations.human(Duration.ofMillis(monoMillis - period.toMillis())));
    }
    return v;
  }

  public enum Verdict {
    OK,
    LATE,
    WALL_JUMPED_BACK,
    WALL_JUMPED_FORWARD
  }
}
