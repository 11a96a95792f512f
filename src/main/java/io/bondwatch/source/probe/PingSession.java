package io.bondwatch.source.probe;

import io.bondwatch.source.probe.ProbeResult.Outcome;
import io.bondwatch.time.TimeSource;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One member's long-lived ping: starts it, reads its merged stdout/stderr on its own thread,
 * restarts it with doubling backoff when it exits, and keeps the probe cadence going with ERROR
 * results while no ping runs, so the member's state keeps moving.
 */
final class PingSession {
  private static final Logger log = LoggerFactory.getLogger(PingSession.class);

  private final ProbeTarget target;
  private final Consumer<ProbeResult> sink;
  private final PingSettings settings;
  private final TimeSource time;
  private final LinkState linkState;
  private final ScheduledExecutorService scheduler;
  private final PingOutputParser parser = new PingOutputParser();
  private final ProbeSequencer sequencer;
  private final Object lock = new Object();

  // all guarded by lock
  private Process process;
  private Thread reader;
  private String notRunningReason;
  private long lastOutputNanos;
  private Duration backoff = PingSettings.FIRST_BACKOFF;
  private ScheduledFuture<?> ticker;
  private ScheduledFuture<?> restart;
  private boolean closed;
  private boolean warnedExit;
  private boolean warnedSink;

  PingSession(
      ProbeTarget target,
      Consumer<ProbeResult> sink,
      PingSettings settings,
      TimeSource time,
      ScheduledExecutorService scheduler,
      LinkState linkState) {
    this.target = target;
    this.linkState = linkState;
    this.sink = sink;
    this.settings = settings;
    this.time = time;
    this.scheduler = scheduler;
    this.sequencer = new ProbeSequencer(target.member());
  }

  void start() {
    long every = settings.interval().toNanos();
    synchronized (lock) {
      launch();
      ticker = scheduler.scheduleAtFixedRate(this::tick, every, every, TimeUnit.NANOSECONDS);
    }
  }

  /** Pid of the running ping, for diagnostics and tests. */
  OptionalLong pid() {
    synchronized (lock) {
      return process == null ? OptionalLong.empty() : OptionalLong.of(process.pid());
    }
  }

  private void launch() {
    List<String> argv = settings.argv(target);
    try {
      Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
      p.getOutputStream().close();
      process = p;
      notRunningReason = null;
      lastOutputNanos = time.monotonicNanos();
      sequencer.processStarted();
      reader = new Thread(() -> read(p), "ping-" + target.member());
      reader.setDaemon(true);
      reader.start();
      log.debug("member {}: started {} (pid {})", target.member(), argv, p.pid());
    } catch (IOException e) {
      exited(null, "ping exited: cannot run " + argv.get(0) + ": " + e.getMessage());
    }
  }

  private void read(Process p) {
    String complaint = null;
    try (BufferedReader in =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = in.readLine()) != null) {
        PingLine parsed = parser.parse(line);
        if (parsed instanceof PingLine.Failure f) {
          complaint = f.message();
        } else if (parsed instanceof PingLine.Unrecognised u) {
          complaint = u.text().strip();
          log.debug("member {}: unrecognised ping output '{}'", target.member(), complaint);
        }
        deliver(parsed, p);
      }
    } catch (IOException | RuntimeException e) {
      // the stream is closed under us by close(); anything else ends this ping like an exit
      complaint = complaint != null ? complaint : e.toString();
    }
    int status = reap(p);
    if (status == Integer.MIN_VALUE) {
      p.destroyForcibly();
      status = reap(p);
    }
    exited(p, "ping exited: " + (complaint != null ? complaint : "status " + status));
  }

  private void deliver(PingLine line, Process p) {
    synchronized (lock) {
      if (closed || process != p) {
        return;
      }
      long now = time.monotonicNanos();
      lastOutputNanos = now;
      for (ProbeResult r : sequencer.onLine(line, now, time.wallTime())) {
        if (r.outcome() == Outcome.LOST && r.reason() == null) {
          r = withLinkProblem(r);
        }
        if (r.ok()) {
          // a working ping: the next failure is news again and restarts start fast again
          backoff = PingSettings.FIRST_BACKOFF;
          warnedExit = false;
        }
        emit(r);
      }
    }
  }

  private ProbeResult withLinkProblem(ProbeResult r) {
    return linkState
        .problem(target.device())
        .map(
            why ->
                new ProbeResult(
                    r.member(),
                    r.seq(),
                    r.monotonicNanos(),
                    r.wallTime(),
                    Outcome.ERROR,
                    null,
                    why))
        .orElse(r);
  }

  private void exited(Process p, String reason) {
    synchronized (lock) {
      if (closed || process != p) {
        return;
      }
      process = null;
      reader = null;
      notRunningReason = reason;
      if (!warnedExit) {
        log.warn(
            "member {}: {}; restarting it with backoff up to {}",
            target.member(),
            reason,
            settings.maxBackoff());
        warnedExit = true;
      } else {
        log.debug("member {}: {}; restarting in {}", target.member(), reason, backoff);
      }
      restart = scheduler.schedule(this::relaunch, backoff.toNanos(), TimeUnit.NANOSECONDS);
      backoff =
          backoff.multipliedBy(2).compareTo(settings.maxBackoff()) > 0
              ? settings.maxBackoff()
              : backoff.multipliedBy(2);
    }
  }

  private void relaunch() {
    synchronized (lock) {
      if (!closed) {
        restart = null;
        launch();
      }
    }
  }

  /** Keeps the cadence: a slot without a running (or talking) ping is a failed probe. */
  private void tick() {
    try {
      synchronized (lock) {
        if (closed) {
          return;
        }
        long now = time.monotonicNanos();
        if (process == null) {
          emit(sequencer.synthetic(Outcome.ERROR, notRunningReason, now, time.wallTime()));
        } else if (now - lastOutputNanos > silenceLimit().toNanos()) {
          String why =
              "ping printed nothing for "
                  + Duration.ofNanos(now - lastOutputNanos).toMillis()
                  + " ms";
          emit(sequencer.synthetic(Outcome.LOST, why, now, time.wallTime()));
        }
      }
    } catch (RuntimeException e) {
      // an exception would cancel this periodic task for good
      log.error("member {}: probe cadence tick failed", target.member(), e);
    }
  }

  private Duration silenceLimit() {
    return settings.interval().multipliedBy(2).plus(settings.timeout());
  }

  private void emit(ProbeResult r) {
    try {
      sink.accept(r);
    } catch (RuntimeException e) {
      if (!warnedSink) {
        warnedSink = true;
        log.warn(
            "member {}: probe result consumer failed (further failures at debug)",
            target.member(),
            e);
      } else {
        log.debug("member {}: probe result consumer failed", target.member(), e);
      }
    }
  }

  void close() {
    Process p;
    Thread t;
    synchronized (lock) {
      closed = true;
      cancel(ticker);
      cancel(restart);
      p = process;
      t = reader;
      process = null;
    }
    if (p != null) {
      p.destroy();
      if (reap(p) == Integer.MIN_VALUE) {
        p.destroyForcibly();
        reap(p);
      }
    }
    if (t != null) {
      try {
        t.join(TimeUnit.SECONDS.toMillis(2));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static void cancel(ScheduledFuture<?> f) {
    if (f != null) {
      f.cancel(false);
    }
  }

  /** Waits for the process to end (so no zombie stays); MIN_VALUE if it did not within 2 s. */
  private static int reap(Process p) {
    try {
      return p.waitFor(2, TimeUnit.SECONDS) ? p.exitValue() : Integer.MIN_VALUE;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Integer.MIN_VALUE;
    }
  }
}
