package io.bondwatch.source.link;

import io.bondwatch.domain.link.LinkObservation;
import io.bondwatch.time.TimeSource;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The link source: one long-lived {@code ip -o monitor link}, read on a thread of its own, and
 * restarted with doubling backoff when it exits, like a member's ping. Each time it starts, once it
 * listens, the state of every followed device is read with {@code ip -o link show}, so that nothing
 * that changed while no monitor ran is missed.
 */
public final class IpLinkMonitor implements LinkSource {
  private static final Logger log = LoggerFactory.getLogger(IpLinkMonitor.class);
  private static final Duration SUBSCRIBE_WAIT = Duration.ofSeconds(1);

  private final IpCommand ip;
  private final TimeSource time;
  private final ScheduledExecutorService scheduler;
  private final NetlinkSockets sockets;
  private final MonitorDelivery delivery = new MonitorDelivery();
  // only the monitor's thread reads the listing, and one monitor runs at a time
  private volatile boolean listingWarned;

  // guarded by this
  private WatchedLinks watched;
  private Process process;
  private Thread reader;
  private ScheduledFuture<?> restart;
  private String problem;
  private final MonitorRestarts restarts = new MonitorRestarts();
  private boolean closed;

  /** {@code ip} looked up on PATH; the scheduler (restarts, time limits) stays the caller's. */
  public IpLinkMonitor(TimeSource time, ScheduledExecutorService scheduler) {
    this(List.of("ip"), time, scheduler, NetlinkSockets.system(time));
  }

  IpLinkMonitor(
      List<String> ip,
      TimeSource time,
      ScheduledExecutorService scheduler,
      NetlinkSockets sockets) {
    this.ip = new IpCommand(ip, scheduler);
    this.time = Objects.requireNonNull(time, "time");
    this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
    this.sockets = sockets;
  }

  @Override
  public void start(Set<String> devices, Consumer<LinkObservation> sink) {
    ip.check();
    synchronized (this) {
      if (watched != null) {
        throw new IllegalStateException("link monitor already started");
      }
      watched = new WatchedLinks(devices);
      delivery.to(sink);
      launch();
    }
  }

  private void launch() {
    try {
      Process p = ip.monitor();
      process = p;
      restarts.started(time.monotonicNanos());
      reader = new Thread(() -> follow(p), "bondwatch-link-monitor");
      reader.setDaemon(true);
      reader.start();
      log.debug("link monitor: started {} -o monitor link (pid {})", ip.name(), p.pid());
    } catch (IOException e) {
      ended(null, "cannot run " + ip.name() + ": " + e.getMessage(), false);
    }
  }

  /** The monitor's thread: the state once it listens, then every line until it ends. */
  private void follow(Process p) {
    String complaint = null;
    try {
      if (!sockets.awaitSubscribed(p.pid(), SUBSCRIBE_WAIT)) {
        log.debug("link monitor: not seen listening within {}; reading links now", SUBSCRIBE_WAIT);
      }
      readListing(p);
      try (BufferedReader in =
          new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = in.readLine()) != null) {
          IpLinkLine parsed = IpLinkParser.parse(line);
          if (parsed == null) {
            if (!line.isBlank()) {
              complaint = line.strip();
              log.debug("link monitor: not a device line: '{}'", complaint);
            }
            continue;
          }
          deliver(p, parsed);
        }
      }
    } catch (IOException e) {
      complaint = complaint != null ? complaint : e.toString();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      complaint = "interrupted";
    }
    p.destroy();
    int status = IpCommand.reap(p);
    if (complaint == null && status > 128 && status <= 128 + 64) {
      // killed by a signal: when the whole process group is stopped (systemd, Ctrl-C), ip dies
      // of it a moment before bondwatch closes this monitor, and that is not news
      ended(p, "killed by signal " + (status - 128), true);
    } else {
      ended(p, complaint != null ? complaint : "status " + status, false);
    }
  }

  private void readListing(Process p) throws IOException {
    WatchedLinks w;
    synchronized (this) {
      if (process != p) {
        return;
      }
      // listening again: changes from now on are followed
      problem = null;
      w = watched;
    }
    IpCommand.Result r = ip.listing();
    if (r.status() != 0) {
      String why = r.firstLine();
      if (!listingWarned) {
        listingWarned = true;
        log.warn(
            "link monitor: {} -o link show failed ({}); following changes only", ip.name(), why);
      } else {
        log.debug("link monitor: {} -o link show failed again ({})", ip.name(), why);
      }
      return;
    }
    listingWarned = false;
    List<IpLinkLine> lines =
        r.output().lines().map(IpLinkParser::parse).filter(Objects::nonNull).toList();
    delivery.deliver(w.listing(lines, time.monotonicNanos(), time.wallTime()));
  }

  private void deliver(Process p, IpLinkLine line) {
    WatchedLinks w;
    synchronized (this) {
      if (process != p) {
        return;
      }
      w = watched;
    }
    delivery.deliver(w.change(line, time.monotonicNanos(), time.wallTime()));
  }

  private synchronized void ended(Process p, String why, boolean bySignal) {
    if (closed || process != p) {
      return;
    }
    process = null;
    reader = null;
    problem = "link monitor: ip exited: " + why;
    long delay = restarts.ended(time.monotonicNanos(), problem, bySignal);
    restart = scheduler.schedule(this::relaunch, delay, TimeUnit.NANOSECONDS);
  }

  private synchronized void relaunch() {
    if (!closed && process == null) {
      restarts.restarting();
      launch();
    }
  }

  @Override
  public synchronized List<String> problems() {
    return problem == null ? List.of() : List.of(problem + "; restarting it");
  }

  @Override
  public void close() {
    Process p;
    Thread t;
    synchronized (this) {
      closed = true;
      if (restart != null) {
        restart.cancel(false);
      }
      p = process;
      t = reader;
      process = null;
    }
    if (p != null) {
      p.destroy();
      IpCommand.reap(p);
    }
    if (t != null) {
      try {
        t.join(TimeUnit.SECONDS.toMillis(2));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
