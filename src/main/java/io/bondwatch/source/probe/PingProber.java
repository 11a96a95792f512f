package io.bondwatch.source.probe;

import io.bondwatch.time.TimeSource;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The real prober: one long-lived iputils {@code ping -n -I dev -O -D -i interval -W timeout
 * target} per member, or per target of a member probed through several (see {@link PingSession}).
 * The scheduler (restarts, and one cadence tick per interval for all members together) is injected
 * and stays the caller's to shut down; reader threads (one per running ping) are this prober's and
 * end in {@link #close()}.
 */
public final class PingProber implements Prober {
  private static final Logger log = LoggerFactory.getLogger(PingProber.class);
  private final PingSettings settings;
  private final TimeSource time;
  private final ScheduledExecutorService scheduler;
  private final LinkState linkState;
  private final Map<Key, PingSession> sessions = new ConcurrentHashMap<>();
  private volatile boolean closed;
  private ScheduledFuture<?> ticker; // guarded by this

  /**
   * @throws ProbeUnavailableException if ping is missing, is not iputils, or may not probe here
   */
  public PingProber(PingSettings settings, TimeSource time, ScheduledExecutorService scheduler) {
    this(settings, time, scheduler, LinkState.system());
  }

  /** With a device-state reader of the caller's (tests, or a sysfs mounted elsewhere). */
  public PingProber(
      PingSettings settings,
      TimeSource time,
      ScheduledExecutorService scheduler,
      LinkState linkState) {
    this.linkState = Objects.requireNonNull(linkState, "linkState");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.time = Objects.requireNonNull(time, "time");
    this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
    PingPreflight.check(settings);
  }

  private record Key(String member, String target) {}

  @Override
  public void start(ProbeTarget target, Consumer<ProbeResult> sink) {
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(sink, "sink");
    PingSession session = new PingSession(target, sink, settings, time, scheduler, linkState);
    synchronized (this) {
      if (closed) {
        throw new IllegalStateException("prober is closed");
      }
      if (sessions.putIfAbsent(new Key(target.member(), target.target()), session) != null) {
        throw new IllegalStateException("member " + target.who() + " is already probed");
      }
      session.start();
      if (ticker == null) {
        long every = settings.interval().toNanos();
        ticker = scheduler.scheduleAtFixedRate(this::tick, every, every, TimeUnit.NANOSECONDS);
      }
    }
  }

  private void tick() {
    long now = time.monotonicNanos();
    for (PingSession s : sessions.values()) {
      try {
        s.tick(now);
      } catch (RuntimeException e) {
        // an exception would cancel the periodic tick for good, for every member
        log.error("probe cadence tick failed", e);
      }
    }
  }

  /** Stops every ping of the member. */
  @Override
  public void stop(String member) {
    for (Key k : sessions.keySet()) {
      if (k.member().equals(member)) {
        PingSession s = sessions.remove(k);
        if (s != null) {
          s.close();
        }
      }
    }
  }

  @Override
  public void deviceChanged(String device) {
    for (PingSession s : sessions.values()) {
      if (s.probes(device)) {
        s.deviceChanged();
      }
    }
  }

  /** Pid of the running ping of a member with one target, empty while none runs. */
  public OptionalLong pid(String member) {
    return sessions.entrySet().stream()
        .filter(e -> e.getKey().member().equals(member))
        .findFirst()
        .map(e -> e.getValue().pid())
        .orElse(OptionalLong.empty());
  }

  /** Pid of the running ping of one target of a member, empty while none runs. */
  public OptionalLong pid(String member, String target) {
    PingSession s = sessions.get(new Key(member, target));
    return s == null ? OptionalLong.empty() : s.pid();
  }

  @Override
  public void close() {
    synchronized (this) {
      closed = true;
      if (ticker != null) {
        ticker.cancel(false);
      }
    }
    sessions.keySet().forEach(k -> stop(k.member()));
  }
}
