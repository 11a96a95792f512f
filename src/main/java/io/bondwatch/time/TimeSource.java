package io.bondwatch.time;

import java.time.Instant;

/**
 * The one source of time. Wall time stamps logs, reports and events; monotonic time drives windows,
 * hysteresis and damping, and never jumps when the wall clock is set.
 */
public interface TimeSource {

  /** Wall-clock time, for timestamps a person reads. */
  Instant wallTime();

  /** Monotonic nanoseconds from an arbitrary origin, for measuring intervals only. */
  long monotonicNanos();

  /** The real clocks of this JVM. */
  TimeSource SYSTEM =
      new TimeSource() {
        @Override
        public Instant wallTime() {
          return Instant.now();
        }

        @Override
        public long monotonicNanos() {
          return System.nanoTime();
        }
      };
}
