package io.bondwatch.source.probe;

import io.bondwatch.time.TimeSource;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Probes links that exist only as a script, for {@code bondwatch demo}: same results, same cadence
 * as the ping prober, so everything downstream of the prober is the real service.
 */
public final class SimulatedProber implements Prober {
  private static final Logger log = LoggerFactory.getLogger(SimulatedProber.class);

  /** What a simulated link does at a given moment since the demo started. */
  public interface LinkScript {
    /** Loss probability 0..1 and RTT in milliseconds, {@code seconds} after start. */
    Condition at(double seconds);
  }

  /** A link's condition: probability that a probe is lost, and the RTT of the ones answered. */
  public record Condition(double loss, double rttMillis) {
    public static Condition ok(double rttMillis, double loss) {
      return new Condition(loss, rttMillis);
    }
  }

  private final ScheduledExecutorService executor;
  private final TimeSource time;
  private final Duration interval;
  private final Map<String, LinkScript> scripts;
  private final Map<String, ScheduledFuture<?>> tasks = new ConcurrentHashMap<>();
  private final long startNanos;
  private final Random random = new Random(20261124L);

  public SimulatedProber(
      ScheduledExecutorService executor,
      TimeSource time,
      Duration interval,
      Map<String, LinkScript> scripts) {
    this.executor = executor;
    this.time = time;
    this.interval = interval;
    this.scripts = Map.copyOf(scripts);
    this.startNanos = time.monotonicNanos();
  }

  @Override
  public void start(ProbeTarget target, Consumer<ProbeResult> sink) {
    String member = target.member();
    LinkScript script = scripts.get(member);
    if (script == null) {
      throw new IllegalArgumentException("no simulated link for member " + member);
    }
    long[] seq = {0};
    Runnable probe =
        () -> {
          try {
            sink.accept(probeOnce(member, script, seq[0]++));
          } catch (RuntimeException e) {
            log.warn("member {}: simulated probe failed", member, e);
          }
        };
    tasks.put(
        member, executor.scheduleAtFixedRate(probe, 0, interval.toNanos(), TimeUnit.NANOSECONDS));
  }

  private ProbeResult probeOnce(String member, LinkScript script, long seq) {
    long now = time.monotonicNanos();
    Condition c = script.at((now - startNanos) / 1e9);
    double draw;
    double jitter;
    synchronized (random) {
      draw = random.nextDouble();
      jitter = random.nextGaussian();
    }
    if (draw < c.loss()) {
      return new ProbeResult(
          member, seq, now, time.wallTime(), ProbeResult.Outcome.LOST, null, null);
    }
    double rtt = Math.max(0.1, c.rttMillis() * (1 + 0.08 * jitter));
    return new ProbeResult(
        member,
        seq,
        now,
        time.wallTime(),
        ProbeResult.Outcome.REPLY,
        Duration.ofNanos((long) (rtt * 1e6)),
        null);
  }

  @Override
  public void stop(String member) {
    ScheduledFuture<?> t = tasks.remove(member);
    if (t != null) {
      t.cancel(false);
    }
  }

  @Override
  public void close() {
    tasks.values().forEach(t -> t.cancel(false));
    tasks.clear();
  }
}
