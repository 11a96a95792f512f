package io.bondwatch.domain.member;

import java.util.OptionalDouble;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counters, rate and capacity of one direction of one device. Written by the sampler thread, read
 * by metrics and status: every method is synchronized, and none does I/O.
 */
public final class DirectionTraffic {
  private static final Logger log = LoggerFactory.getLogger(DirectionTraffic.class);

  private final String entity;
  private final Capacity configured;
  private final double ceiling;
  private final CounterTracker counter;
  private final RateMeter rate = new RateMeter();
  private final CapacityEstimator estimator;
  private long rateNanos = Long.MIN_VALUE;
  private long lastOfferNanos;
  private boolean offered;
  private long resets;
  private long wraps;
  private long resyncs;

  /**
   * @param entity what log lines name, e.g. "member dsl1 receive"
   * @param configured the admin's capacity, or {@link Capacity#UNKNOWN} to estimate
   */
  public DirectionTraffic(String entity, TrafficSettings settings, Capacity configured) {
    if (configured.source() == Capacity.Source.ESTIMATED) {
      throw new IllegalArgumentException(entity + ": an estimate cannot be configured");
    }
    this.entity = entity;
    this.configured = configured;
    this.ceiling = settings.ceiling(configured);
    this.counter = new CounterTracker(ceiling);
    this.estimator = new CapacityEstimator(settings.estimator());
  }

  /** Feeds the device's raw byte counter for this direction, read at monotonic {@code nanos}. */
  public synchronized void observe(long raw, long nanos) {
    CounterTracker.Step step = counter.observe(raw, nanos);
    switch (step) {
      case RESET -> {
        resets++;
        // a re-created device is news; a driver or file that keeps reading 0 is not, each time
        if (resets == 1) {
          log.info("{}: counter restarted at {} (device re-created?)", entity, raw);
        } else {
          log.debug("{}: counter restarted at {} (#{})", entity, raw, resets);
        }
      }
      case WRAP -> {
        wraps++;
        log.debug("{}: 32-bit counter wrapped", entity);
      }
      case REJECTED, REVERT, RESYNC -> resync(step, raw);
      default -> {}
    }
    recordRate(counter.totalNanos());
  }

  /**
   * Feeds the rate the total with the time of the reading it counts up to. The total trails the
   * latest reading by one, so timing it by the latest reading would divide the bytes of one
   * interval by the length of the next: a tick that came 50 ms late followed by one on time read
   * 10% above what the line carried (TrafficIT saw 695 kB/s on a line shaped to 625 kB/s).
   */
  private void recordRate(long nanos) {
    if (nanos > rateNanos) {
      rate.record(nanos, counter.total());
      rateNanos = nanos;
    }
  }

  private void resync(CounterTracker.Step step, long raw) {
    resyncs++;
    String what =
        switch (step) {
          case REJECTED -> "counter read " + raw + " does not follow the last one; not counted";
          case REVERT -> "counter read " + raw + " continues the reading before the last: undone";
          default -> "two readings agree on a new counter at " + raw + "; counting from there";
        };
    // a bad file or a line faster than its ceiling repeats every second: warn once, then debug
    if (resyncs == 1) {
      log.warn(
          "{}: {} (ceiling {} bit/s, members[].maxRate; further resyncs at debug)",
          entity,
          what,
          Math.round(ceiling * 8));
    } else {
      log.debug("{}: {} (resync #{})", entity, what, resyncs);
    }
  }

  /** The device is missing from this read: it carries nothing now; its counter is kept. */
  public synchronized void absent(long nanos) {
    recordRate(nanos);
  }

  /**
   * Offers this direction's rate of the last second to the capacity estimator, at most once per
   * rate interval. A direction that was not loaded (see {@link LinkTraffic#loaded}) offers 0: what
   * it carried says nothing about what it can carry.
   */
  synchronized void offerCapacitySample(long nanos, boolean loaded) {
    OptionalDouble r = rate.bytesPerSecond();
    if (r.isPresent() && (!offered || nanos - lastOfferNanos >= RateMeter.MIN_SPAN_NANOS)) {
      estimator.offer(loaded ? r.getAsDouble() : 0, nanos);
      offered = true;
      lastOfferNanos = nanos;
    }
  }

  /** The rate over the last second, or empty until a second has been observed. */
  synchronized OptionalDouble bytesPerSecond() {
    return rate.bytesPerSecond();
  }

  /** The capacity in use: the configured one if any, else the estimate. */
  public synchronized Capacity capacity(long nanos) {
    return configured.known() ? configured : estimator.estimate(nanos);
  }

  public synchronized DirectionReading read(long nanos) {
    OptionalDouble r = rate.bytesPerSecond();
    return new DirectionReading(
        counter.total(), r.orElse(0), r.isPresent(), capacity(nanos), resets, wraps, resyncs);
  }
}
