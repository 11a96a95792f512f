package io.bondwatch.source.netdev;

import io.bondwatch.domain.member.LinkTraffic;
import io.bondwatch.time.TaskHealth;
import io.bondwatch.time.TimeSource;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads {@code /proc/net/dev} once per call and feeds each tracked device's counters to its {@link
 * LinkTraffic}. The caller's scheduler calls {@link #sampleOnce()} every second; it never blocks
 * and never throws.
 *
 * <p>The read runs on the injected reader executor, so a read that hangs (a FIFO swapped in, a
 * stalled file system) never holds up the ticker or anything that asks for {@link #stats()}: no
 * lock is held across I/O. While a read is in flight no other starts; one that has not returned
 * within {@link #READ_DEADLINE} is counted as failed once and its result, should it ever come, is
 * dropped. Every completed read is reported to the task's {@link TaskHealth}.
 *
 * <p>A device missing from a clean read is absent (it carries nothing now). A device missing from a
 * read that had bad lines is left alone for this round: its line may be the bad one. A read that
 * lists no device at all is a bad read, not a host without interfaces (there is always {@code lo}).
 */
public final class NetDevSampler {
  private static final Logger log = LoggerFactory.getLogger(NetDevSampler.class);

  /** How long a read may take before it counts as hung. */
  public static final Duration READ_DEADLINE = Duration.ofSeconds(2);

  private static final long LATE_NANOS = 5_000_000_000L;
  private static final long IDLE = Long.MIN_VALUE;

  /** Counts since start, for metrics and status. */
  public record Stats(long samples, long readFailures, long malformedLines, long lateTicks) {}

  private enum Trouble {
    READ,
    HUNG,
    MALFORMED,
    LATE
  }

  private final NetDevFile file;
  private final TimeSource time;
  private final List<LinkTraffic> links;
  private final Executor reader;
  private final TaskHealth health;
  private final AtomicLong samples = new AtomicLong();
  private final AtomicLong readFailures = new AtomicLong();
  private final AtomicLong malformedLines = new AtomicLong();
  private final AtomicLong lateTicks = new AtomicLong();
  private final AtomicLong inFlightSince = new AtomicLong(IDLE);
  private final AtomicBoolean hungCounted = new AtomicBoolean();
  private final AtomicBoolean[] warned = new AtomicBoolean[Trouble.values().length];
  private long lastNanos = IDLE;

  /**
   * @param links member devices and, if configured, the bundle interface
   * @param reader runs the reads, one at a time; a direct executor reads on the caller's thread
   * @param health where completed reads and their failures are reported
   */
  public NetDevSampler(
      NetDevFile file,
      TimeSource time,
      List<LinkTraffic> links,
      Executor reader,
      TaskHealth health) {
    this.file = file;
    this.time = time;
    this.links = List.copyOf(links);
    this.reader = reader;
    this.health = health;
    for (int i = 0; i < warned.length; i++) {
      warned[i] = new AtomicBoolean();
    }
  }

  /** Starts a read unless one is in flight; notices one that hangs. Returns at once. */
  public void sampleOnce() {
    long now = time.monotonicNanos();
    long since = inFlightSince.get();
    if (since != IDLE) {
      if (now - since > READ_DEADLINE.toNanos() && hungCounted.compareAndSet(false, true)) {
        readFailures.incrementAndGet();
        String reason =
            "read of " + file + " hung (no answer within " + READ_DEADLINE.toSeconds() + " s)";
        health.failed(reason);
        warnOnceThenDebug(Trouble.HUNG, "netdev: {}", reason);
      }
      return;
    }
    inFlightSince.set(now);
    try {
      reader.execute(this::readAndFeed);
    } catch (RejectedExecutionException e) {
      // the service is stopping
      inFlightSince.set(IDLE);
    }
  }

  private void readAndFeed() {
    long started = inFlightSince.get();
    try {
      sample(started);
    } catch (RuntimeException | Error e) {
      // a bug or an allocation failure must not stop sampling for good: counted, logged, reported
      readFailures.incrementAndGet();
      health.failed("netdev: sampling failed: " + e);
      log.error("netdev: sampling failed", e);
    } finally {
      hungCounted.set(false);
      inFlightSince.set(IDLE);
    }
  }

  private void sample(long started) {
    String text;
    try {
      text = file.read();
    } catch (Exception e) {
      readFailures.incrementAndGet();
      health.failed(e.getMessage() == null ? e.toString() : e.getMessage());
      warnOnceThenDebug(Trouble.READ, "netdev: cannot read counters: {}", e.toString());
      return;
    }
    long now = time.monotonicNanos();
    if (hungCounted.get() || now - started > READ_DEADLINE.toNanos()) {
      // counted as hung already; its counters belong to no known moment
      log.debug("netdev: dropped a read that took {} ms", (now - started) / 1_000_000);
      return;
    }
    noteLateness(now);
    NetDevSnapshot snap = NetDevParser.parse(text);
    if (!snap.problems().isEmpty()) {
      malformedLines.addAndGet(snap.problems().size());
      warnOnceThenDebug(Trouble.MALFORMED, "netdev: skipped {}", snap.problems());
    }
    if (snap.interfaces().isEmpty()) {
      readFailures.incrementAndGet();
      health.failed(file + " lists no interface");
      return;
    }
    for (LinkTraffic link : links) {
      Optional<NetDevCounters> c = snap.find(link.device());
      if (c.isPresent()) {
        link.observe(c.get().rxBytes(), c.get().txBytes(), now);
      } else if (snap.problems().isEmpty()) {
        link.absent(now);
      }
    }
    health.succeeded();
  }

  private void noteLateness(long now) {
    if (lastNanos != IDLE && now - lastNanos > LATE_NANOS) {
      lateTicks.incrementAndGet();
      warnOnceThenDebug(
          Trouble.LATE,
          "netdev: sample came {} ms after the previous one",
          (now - lastNanos) / 1e6);
    }
    lastNanos = now;
    samples.incrementAndGet();
  }

  private void warnOnceThenDebug(Trouble kind, String format, Object arg) {
    // a broken file or a stalled host repeats every second: one warning says it, debug keeps it
    if (warned[kind.ordinal()].compareAndSet(false, true)) {
      log.warn(format + " (further occurrences at debug)", arg);
    } else {
      log.debug(format, arg);
    }
  }

  /** Lock-free: answers at once whatever the reader is doing. */
  public Stats stats() {
    return new Stats(samples.get(), readFailures.get(), malformedLines.get(), lateTicks.get());
  }

  /** The tracked links, members first as given. */
  public List<LinkTraffic> links() {
    return links;
  }
}
