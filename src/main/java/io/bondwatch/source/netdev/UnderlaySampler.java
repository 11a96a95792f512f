package io.bondwatch.source.netdev;

import io.bondwatch.domain.multilink.MultilinkWatch;
import io.bondwatch.time.TaskHealth;
import io.bondwatch.time.TimeSource;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Samples every multilink member's underlay at probe cadence ({@link SysfsUnderlay}) and hands the
 * readings to the {@link MultilinkWatch}, which then judges. Like the netdev sampler it never
 * blocks its caller: the reads run on the injected reader, one round at a time; a round still in
 * flight when the next tick comes makes that tick skip (counted as a failure of the task once).
 */
public final class UnderlaySampler {
  private static final Logger log = LoggerFactory.getLogger(UnderlaySampler.class);

  private final SysfsUnderlay sysfs;
  private final Map<String, String> devices;
  private final MultilinkWatch watch;
  private final TimeSource time;
  private final Executor reader;
  private final TaskHealth health;
  private final AtomicBoolean inFlight = new AtomicBoolean();
  private final AtomicBoolean skipWarned = new AtomicBoolean();

  /**
   * @param devices member name to underlay device
   * @param reader runs the reads; a direct executor reads on the caller's thread (tests)
   */
  public UnderlaySampler(
      SysfsUnderlay sysfs,
      Map<String, String> devices,
      MultilinkWatch watch,
      TimeSource time,
      Executor reader,
      TaskHealth health) {
    this.sysfs = sysfs;
    this.devices = Map.copyOf(devices);
    this.watch = watch;
    this.time = time;
    this.reader = reader;
    this.health = health;
  }

  /** Starts a round of reads unless one is in flight. Returns at once, never throws. */
  public void sampleOnce() {
    if (!inFlight.compareAndSet(false, true)) {
      health.failed("underlay sampler: the previous round of sysfs reads has not finished");
      if (skipWarned.compareAndSet(false, true)) {
        log.warn("underlay: sysfs reads are slower than the probe interval (further at debug)");
      } else {
        log.debug("underlay: skipped a round, reads still in flight");
      }
      return;
    }
    try {
      reader.execute(this::round);
    } catch (RejectedExecutionException e) {
      inFlight.set(false); // the service is stopping
    }
  }

  private void round() {
    try {
      for (Map.Entry<String, String> e : devices.entrySet()) {
        SysfsUnderlay.Reading r = sysfs.read(e.getValue());
        watch.onSample(e.getKey(), r.link(), r.rxPackets(), time.monotonicNanos());
      }
      watch.evaluate(time.monotonicNanos());
      health.succeeded();
    } catch (RuntimeException e) {
      health.failed("underlay sampler: " + e);
      log.error("underlay: sampling failed", e);
    } finally {
      inFlight.set(false);
    }
  }

  /** The devices sampled. */
  public List<String> devices() {
    return List.copyOf(devices.values());
  }
}
