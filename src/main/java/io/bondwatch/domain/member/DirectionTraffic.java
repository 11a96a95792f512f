package io.bondwatch.domain.member;

import java.util.OptionalDouble;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counters, rate and capacity of one direction of one device. Written by the sampler thread, read
 * by metrics and status: every method is synchronized.
 */
public final class DirectionTraffic {
  private static final Logger log = LoggerFactory.getLogger(DirectionTraffic.class);

  private final String entity;
  private final Capacity configured;
  private final CounterTracker counter;
  private final RateMeter rate = new RateMeter();
  private final CapacityEstimator estimator;
  private long lastOfferNanos;
  private boolean offered;
  private long resets;
  private long wraps;
  private long implausible;

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
    this.counter = new CounterTracker(settings.maxBytesPerSecond());
    this.estimator = new CapacityEstimator(settings.estimator());
  }

  /** Feeds the device's raw byte counter for this direction, read at monotonic {@code nanos}. */
  public synchronized void observe(long raw, long nanos) {
    CounterTracker.Step step = counter.observe(raw, nanos);
    switch (step) {
      case RESET -> {
        resets++;
        log.info("{}: counter restarted at {} (device re-created)", entity, raw);
      }
      case WRAP -> {
        wraps++;
        log.debug("{}: 32-bit counter wrapped", entity);
      }
      case IMPLAUSIBLE -> {
        implausible++;
        if (implausible == 1) {
          log.warn(
              "{}: counter jumped to {}, more than the line can carry; not counted", entity, raw);
        } else {
          log.debug("{}: implausible counter jump to {} (#{})", entity, raw, implausible);
        }
      }
      default -> {}
    }
    record(nanos);
  }

  /** The device is missing from this read: it carries nothing now, and restarts from zero. */
  public synchronized void absent(long nanos) {
    counter.absent();
    record(nanos);
  }

  private void record(long nanos) {
    rate.record(nanos, counter.total());
    OptionalDouble r = rate.bytesPerSecond();
    if (r.isPresent() && (!offered || nanos - lastOfferNanos >= RateMeter.MIN_SPAN_NANOS)) {
      estimator.offer(r.getAsDouble(), nanos);
      offered = true;
      lastOfferNanos = nanos;
    }
  }

  /** The capacity in use: the configured one if any, else the estimate. */
  public synchronized Capacity capacity(long nanos) {
    return configured.known() ? configured : estimator.estimate(nanos);
  }

  public synchronized DirectionReading read(long nanos) {
    OptionalDouble r = rate.bytesPerSecond();
    return new DirectionReading(
        counter.total(), r.orElse(0), r.isPresent(), capacity(nanos), resets, wraps, implausible);
  }
}
