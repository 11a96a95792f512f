package io.bondwatch.time;

import java.time.Duration;
import java.time.Instant;

/** A clock that moves only when a test moves it. Wall and monotonic time advance together. */
public final class FakeTimeSource implements TimeSource {
  private Instant wall;
  private long nanos;

  public FakeTimeSource() {
    this(Instant.parse("2026-01-01T00:00:00Z"));
  }

  public FakeTimeSource(Instant start) {
    this.wall = start;
    this.nanos = 1_000_000_000L;
  }

  @Override
  public synchronized Instant wallTime() {
    return wall;
  }

  @Override
  public synchronized long monotonicNanos() {
    return nanos;
  }

  public synchronized void advance(Duration d) {
    if (d.isNegative()) {
      throw new IllegalArgumentException("monotonic time cannot go back: " + d);
    }
    wall = wall.plus(d);
    nanos += d.toNanos();
  }

  public void advanceMillis(long millis) {
    advance(Duration.ofMillis(millis));
  }

  /** Moves the wall clock only, as an administrator setting the time would. */
  public synchronized void setWall(Instant newWall) {
    wall = newWall;
  }
}
