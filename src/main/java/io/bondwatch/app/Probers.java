package io.bondwatch.app;

import io.bondwatch.config.BondwatchConfig;
import io.bondwatch.source.probe.SimulatedProber;
import io.bondwatch.time.TimeSource;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/** Builds the prober the wiring starts members with: real ping, or the demo's simulation. */
final class Probers {
  private Probers() {}

  static Wiring.ProbeStarter simulated(
      BondwatchConfig cfg, TimeSource time, Map<String, SimulatedProber.LinkScript> scripts) {
    ScheduledExecutorService exec =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "bondwatch-simulated-probes");
              t.setDaemon(true);
              return t;
            });
    SimulatedProber prober = new SimulatedProber(exec, time, cfg.probe().interval(), scripts);
    return new Wiring.ProbeStarter() {
      @Override
      public void start(
          io.bondwatch.config.MemberConfig member,
          java.util.function.Consumer<io.bondwatch.source.probe.ProbeResult> sink) {
        prober.start(member.name(), sink);
      }

      @Override
      public void close() {
        prober.close();
        exec.shutdownNow();
      }
    };
  }

  static Wiring.ProbeStarter ping(BondwatchConfig cfg, TimeSource time) {
    throw new StartupException("ping prober: not wired yet");
  }
}
