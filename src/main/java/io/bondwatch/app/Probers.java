package io.bondwatch.app;

import io.bondwatch.config.BondwatchConfig;
import io.bondwatch.source.probe.PingProber;
import io.bondwatch.source.probe.PingSettings;
import io.bondwatch.source.probe.ProbeResult;
import io.bondwatch.source.probe.ProbeTarget;
import io.bondwatch.source.probe.ProbeUnavailableException;
import io.bondwatch.source.probe.Prober;
import io.bondwatch.source.probe.SimulatedProber;
import io.bondwatch.time.TimeSource;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;

/** Builds the prober the wiring starts members with: real ping, or the demo's simulation. */
final class Probers {
  private Probers() {}

  static Prober simulated(
      BondwatchConfig cfg, TimeSource time, Map<String, SimulatedProber.LinkScript> scripts) {
    ScheduledExecutorService exec = scheduler("bondwatch-simulated-probes");
    return withScheduler(new SimulatedProber(exec, time, cfg.probe().interval(), scripts), exec);
  }

  /**
   * One ping per member with the config's timing.
   *
   * @throws StartupException when ping is missing or may not probe here
   */
  static Prober ping(BondwatchConfig cfg, TimeSource time) {
    ScheduledExecutorService exec = scheduler("bondwatch-ping");
    try {
      PingSettings settings =
          PingSettings.defaults().withTiming(cfg.probe().interval(), cfg.probe().timeout());
      return withScheduler(new PingProber(settings, time, exec), exec);
    } catch (ProbeUnavailableException | IllegalArgumentException e) {
      exec.shutdownNow();
      throw new StartupException("probes: " + e.getMessage(), e);
    }
  }

  private static ScheduledExecutorService scheduler(String name) {
    return Executors.newSingleThreadScheduledExecutor(
        r -> {
          Thread t = new Thread(r, name);
          t.setDaemon(true);
          return t;
        });
  }

  /** The prober, closing its scheduler after it. */
  private static Prober withScheduler(Prober prober, ScheduledExecutorService exec) {
    return new Prober() {
      @Override
      public void start(ProbeTarget target, Consumer<ProbeResult> sink) {
        prober.start(target, sink);
      }

      @Override
      public void stop(String member) {
        prober.stop(member);
      }

      @Override
      public void deviceChanged(String device) {
        prober.deviceChanged(device);
      }

      @Override
      public void close() {
        try {
          prober.close();
        } finally {
          exec.shutdownNow();
        }
      }
    };
  }
}
