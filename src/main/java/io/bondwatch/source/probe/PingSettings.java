package io.bondwatch.source.probe;

import io.bondwatch.time.Durations;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How {@link PingProber} runs ping.
 *
 * @param interval time between probes ({@code -i})
 * @param timeout reply timeout ({@code -W}); a probe unanswered when the next is due is already
 *     reported LOST (a later reply is reported as a late REPLY)
 * @param maxBackoff cap of the doubling delay before restarting a ping that exited
 * @param command how to run ping, normally {@code ["ping"]} (looked up on PATH); a prefix such as
 *     {@code ["ip","netns","exec","x","ping"]} is allowed
 */
public record PingSettings(
    Duration interval, Duration timeout, Duration maxBackoff, List<String> command) {

  public static final Duration FIRST_BACKOFF = Duration.ofMillis(500);

  public PingSettings {
    Objects.requireNonNull(interval, "interval");
    Objects.requireNonNull(timeout, "timeout");
    Objects.requireNonNull(maxBackoff, "maxBackoff");
    command = List.copyOf(command);
    if (interval.compareTo(Duration.ofMillis(10)) < 0
        || interval.compareTo(Duration.ofMinutes(10)) > 0) {
      throw new IllegalArgumentException(
          "probe interval must be 10 ms..10 m, not " + Durations.human(interval));
    }
    if (timeout.compareTo(Duration.ofMillis(100)) < 0
        || timeout.compareTo(Duration.ofMinutes(10)) > 0) {
      throw new IllegalArgumentException(
          "probe timeout must be 100 ms..10 m, not " + Durations.human(timeout));
    }
    if (maxBackoff.compareTo(FIRST_BACKOFF) < 0) {
      throw new IllegalArgumentException(
          "maxBackoff must be at least "
              + Durations.human(FIRST_BACKOFF)
              + ", not "
              + Durations.human(maxBackoff));
    }
    if (command.isEmpty() || command.stream().anyMatch(String::isBlank)) {
      throw new IllegalArgumentException("ping command must be non-empty words, not " + command);
    }
  }

  /** Defaults of the design: 200 ms interval, 1 s timeout, restarts backing off up to 10 s. */
  public static PingSettings defaults() {
    return new PingSettings(
        Duration.ofMillis(200), Duration.ofSeconds(1), Duration.ofSeconds(10), List.of("ping"));
  }

  public PingSettings withTiming(Duration newInterval, Duration newTimeout) {
    return new PingSettings(newInterval, newTimeout, maxBackoff, command);
  }

  /** ping's argv for one target. */
  List<String> argv(ProbeTarget t) {
    List<String> argv = new java.util.ArrayList<>(command);
    argv.addAll(
        List.of(
            "-n",
            "-I",
            t.device(),
            "-O",
            "-D",
            "-i",
            seconds(interval),
            "-W",
            seconds(timeout),
            t.target()));
    return argv;
  }

  static String seconds(Duration d) {
    return new java.math.BigDecimal(d.toMillis())
        .movePointLeft(3)
        .stripTrailingZeros()
        .toPlainString();
  }
}
