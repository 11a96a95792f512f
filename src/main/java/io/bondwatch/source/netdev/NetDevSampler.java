package io.bondwatch.source.netdev;

import io.bondwatch.domain.member.LinkTraffic;
import io.bondwatch.time.TimeSource;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads {@code /proc/net/dev} once per call and feeds each tracked device's counters to its {@link
 * LinkTraffic}. The caller's scheduler calls {@link #sampleOnce()} every second; it never throws,
 * so one bad read cannot cancel a scheduled task.
 *
 * <p>A device missing from a clean read is absent (its counters will restart). A device missing
 * from a read that had bad lines is left alone for this round: its line may be the bad one, and
 * calling it absent would count its whole counter again when it reappears.
 */
public final class NetDevSampler {
  private static final Logger log = LoggerFactory.getLogger(NetDevSampler.class);
  private static final long LATE_NANOS = 5_000_000_000L;
  private static final int READ = 0;
  private static final int MALFORMED = 1;
  private static final int LATE = 2;

  /** Counts since start, for metrics and status. */
  public record Stats(long samples, long readFailures, long malformedLines, long lateTicks) {}

  private final NetDevFile file;
  private final TimeSource time;
  private final List<LinkTraffic> links;
  private long samples;
  private long readFailures;
  private long malformedLines;
  private long lateTicks;
  private long lastNanos;
  private final boolean[] warned = new boolean[3];

  /**
   * @param links member devices and, if configured, the bundle interface
   */
  public NetDevSampler(NetDevFile file, TimeSource time, List<LinkTraffic> links) {
    this.file = file;
    this.time = time;
    this.links = List.copyOf(links);
  }

  public synchronized void sampleOnce() {
    try {
      sample();
    } catch (RuntimeException e) {
      // a bug must not stop sampling for good; it is counted and logged with its stack
      readFailures++;
      log.error("netdev: sampling failed", e);
    }
  }

  private void sample() {
    long now = time.monotonicNanos();
    if (samples > 0 && now - lastNanos > LATE_NANOS) {
      lateTicks++;
      warnOnceThenDebug(
          LATE, "netdev: sample came {} ms after the previous one", (now - lastNanos) / 1e6);
    }
    lastNanos = now;
    samples++;
    String text;
    try {
      text = file.read();
    } catch (Exception e) {
      readFailures++;
      warnOnceThenDebug(READ, "netdev: cannot read counters: {}", e.toString());
      return;
    }
    NetDevSnapshot snap = NetDevParser.parse(text);
    if (!snap.problems().isEmpty()) {
      malformedLines += snap.problems().size();
      warnOnceThenDebug(MALFORMED, "netdev: skipped {}", snap.problems());
    }
    for (LinkTraffic link : links) {
      Optional<NetDevCounters> c = snap.find(link.device());
      if (c.isPresent()) {
        link.observe(c.get().rxBytes(), c.get().txBytes(), now);
      } else if (snap.problems().isEmpty()) {
        link.absent(now);
      }
    }
  }

  private void warnOnceThenDebug(int kind, String format, Object arg) {
    // a broken file or a stalled host repeats every second; one warning says it, debug keeps it
    if (!warned[kind]) {
      warned[kind] = true;
      log.warn(format + " (further occurrences at debug)", arg);
    } else {
      log.debug(format, arg);
    }
  }

  public synchronized Stats stats() {
    return new Stats(samples, readFailures, malformedLines, lateTicks);
  }

  /** The tracked links, members first as given. */
  public List<LinkTraffic> links() {
    return links;
  }
}
