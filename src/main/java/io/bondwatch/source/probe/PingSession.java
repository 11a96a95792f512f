package io.bondwatch.source.probe;

import io.bondwatch.source.probe.ProbeResult.Outcome;
import io.bondwatch.time.Durations;
import io.bondwatch.time.TimeSource;
import java.io.IOException;
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
 * restarts it with doubling backoff when it exits, and keeps the probe cadence going (through
 * {@link #tick}) with NOT_SENT results while no ping runs, so the member's state keeps moving.
 *
 * <p>When a link event says the device was created again ({@link #deviceChanged}), at every
 * unanswered probe, and at every tick while no ping runs, the device is checked to be the one ping
 * is bound to ({@link DeviceWatch}); ping is started again at once when it is not. A ping that
 * prints nothing at all (hung) is killed and restarted with backoff.
 */
final class PingSession {
  private static final Logger log = LoggerFactory.getLogger(PingSession.class);

  /** Before ping's first line: resolving a host name may take the resolver's whole timeout. */
  static final Duration FIRST_OUTPUT_GRACE = Duration.ofSeconds(10);

  private final ProbeTarget target;
  private final Consumer<ProbeResult> sink;
  private final PingSettings settings;
  private final TimeSource time;
  private final DeviceWatch device;
  private final ScheduledExecutorService scheduler;
  private final PingOutputParser parser = new PingOutputParser();
  private final ProbeSequencer sequencer;
  private final long silenceNanos;
  private final long firstOutputNanos;
  private final Object lock = new Object();
  private final PingOutput.Listener output =
      new PingOutput.Listener() {
        @Override
        public void line(PingLine line, Process p) {
          deliver(line, p);
        }

        @Override
        public void ended(Process p, String reason, boolean bySignal) {
          exited(p, reason, bySignal);
        }
      };

  // all guarded by lock
  private final ProcessExits exits;
  private Process process;
  private Thread reader;
  private String notRunningReason;
  private long lastOutputNanos;
  private boolean printed;
  private ScheduledFuture<?> restart;
  private boolean closed;
  private boolean warnedSink;

  PingSession(
      ProbeTarget target,
      Consumer<ProbeResult> sink,
      PingSettings settings,
      TimeSource time,
      ScheduledExecutorService scheduler,
      LinkState linkState) {
    this.target = target;
    this.device = new DeviceWatch(linkState, target.device());
    this.sink = sink;
    this.settings = settings;
    this.time = time;
    this.scheduler = scheduler;
    this.sequencer = new ProbeSequencer(target.member());
    this.exits = new ProcessExits(target.who(), settings.maxBackoff());
    // ping -O prints a line per interval; two silent intervals past the timeout mean it hangs
    this.silenceNanos = settings.interval().multipliedBy(2).plus(settings.timeout()).toNanos();
    this.firstOutputNanos = silenceNanos + FIRST_OUTPUT_GRACE.toNanos();
  }

  void start() {
    synchronized (lock) {
      launch();
    }
  }

  /** Whether this session's probes leave through {@code device}. */
  boolean probes(String device) {
    return target.device().equals(device);
  }

  /** Pid of the running ping, for diagnostics and tests. */
  OptionalLong pid() {
    synchronized (lock) {
      return process == null ? OptionalLong.empty() : OptionalLong.of(process.pid());
    }
  }

  private void launch() {
    List<String> argv = settings.argv(target);
    // before ping binds: a device re-created in between is then seen as changed, not missed
    device.binding();
    try {
      Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
      p.getOutputStream().close();
      process = p;
      notRunningReason = null;
      lastOutputNanos = time.monotonicNanos();
      printed = false;
      sequencer.processStarted();
      reader = new Thread(new PingOutput(target.who(), p, parser, output), "ping-" + target.who());
      reader.setDaemon(true);
      reader.start();
      log.debug("member {}: started {} (pid {})", target.who(), argv, p.pid());
    } catch (IOException e) {
      exited(null, "ping exited: cannot run " + argv.get(0) + ": " + e.getMessage(), false);
    }
  }

  private void deliver(PingLine line, Process p) {
    synchronized (lock) {
      if (closed || process != p) {
        return;
      }
      long now = time.monotonicNanos();
      lastOutputNanos = now;
      printed = true;
      for (ProbeResult r : sequencer.onLine(line, now, time.wallTime())) {
        if (!r.ok() && r.sent()) {
          String replaced = device.replaced();
          if (replaced != null) {
            emit(with(r, Outcome.ERROR, ProbeReasons.LINK_DOWN + replaced));
            log.info("member {}: {}; restarting ping", target.who(), replaced);
            stop(p);
            launch();
            return;
          }
          r = withLinkProblem(r);
        } else if (r.ok()) {
          // a working ping: the next failure is news again and restarts start fast again
          exits.working();
        }
        emit(r);
      }
    }
  }

  /** A plain timeout on a device that is down or missing carries that as its reason. */
  private ProbeResult withLinkProblem(ProbeResult r) {
    if (r.outcome() != Outcome.LOST || r.reason() != null) {
      return r;
    }
    return device.problem().map(why -> with(r, Outcome.ERROR, why)).orElse(r);
  }

  private static ProbeResult with(ProbeResult r, Outcome outcome, String reason) {
    return new ProbeResult(
        r.member(), r.seq(), r.monotonicNanos(), r.wallTime(), outcome, null, reason);
  }

  private void exited(Process p, String reason, boolean bySignal) {
    synchronized (lock) {
      if (closed || process != p) {
        return;
      }
      process = null;
      reader = null;
      notRunningReason = reason;
      restartLater(exits.exited(reason, bySignal));
    }
  }

  private void restartLater(long delayNanos) {
    restart = scheduler.schedule(this::relaunch, delayNanos, TimeUnit.NANOSECONDS);
  }

  private void relaunch() {
    synchronized (lock) {
      if (!closed && process == null) {
        cancel(restart);
        restart = null;
        exits.restarting();
        launch();
      }
    }
  }

  /**
   * Keeps the cadence, once per probe interval: a slot without a running ping is a probe not sent;
   * a ping silent for too long is killed; a device that came back is probed at once.
   */
  void tick(long now) {
    synchronized (lock) {
      if (closed) {
        return;
      }
      if (process == null) {
        emit(sequencer.synthetic(Outcome.NOT_SENT, notRunningReason, now, time.wallTime()));
        String back = device.replaced();
        if (back != null) {
          log.info("member {}: {}; starting ping now", target.who(), back);
          relaunch();
        }
      } else if (now - lastOutputNanos > (printed ? silenceNanos : firstOutputNanos)) {
        String why =
            "ping printed nothing for " + Durations.human(Duration.ofNanos(now - lastOutputNanos));
        emit(sequencer.synthetic(Outcome.NOT_SENT, why, now, time.wallTime()));
        Process p = process;
        stop(p);
        notRunningReason = why + "; killed it";
        restartLater(exits.exited(notRunningReason, false));
      }
    }
  }

  /**
   * A link event says the device can carry traffic (again): a ping bound to an older device of that
   * name is replaced now instead of at its next unanswered probe, and a ping waiting for its
   * backoff (it found the device not ready) starts now. The index is read again here, so a stale
   * event restarts nothing that works.
   */
  void deviceChanged() {
    synchronized (lock) {
      if (closed) {
        return;
      }
      String replaced = device.replaced();
      if (replaced != null) {
        log.info("member {}: {} (link event); restarting ping", target.member(), replaced);
        if (process != null) {
          stop(process);
          launch();
          return;
        }
      } else if (process == null) {
        log.info(
            "member {}: {} is up (link event); starting ping now",
            target.member(),
            target.device());
      }
      relaunch();
    }
  }

  /** Takes a ping out of service now; its reader sees the end of its output and reaps it. */
  private void stop(Process p) {
    process = null;
    reader = null;
    ProcessExits.kill(p);
  }

  private void emit(ProbeResult r) {
    try {
      sink.accept(r);
    } catch (RuntimeException e) {
      if (!warnedSink) {
        warnedSink = true;
        log.warn(
            "member {}: probe result consumer failed (further failures at debug)", target.who(), e);
      } else {
        log.debug("member {}: probe result consumer failed", target.who(), e);
      }
    }
  }

  void close() {
    Process p;
    Thread t;
    synchronized (lock) {
      closed = true;
      cancel(restart);
      p = process;
      t = reader;
      process = null;
    }
    if (p != null) {
      ProcessExits.end(p);
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
}
