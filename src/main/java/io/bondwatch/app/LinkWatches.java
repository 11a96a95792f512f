package io.bondwatch.app;

import io.bondwatch.config.BondwatchConfig;
import io.bondwatch.config.MemberConfig;
import io.bondwatch.domain.link.DeviceLinks;
import io.bondwatch.domain.link.LinkMetrics;
import io.bondwatch.domain.member.Member;
import io.bondwatch.source.link.IpLinkMonitor;
import io.bondwatch.source.link.LinkSource;
import io.bondwatch.source.link.LinkSourceUnavailableException;
import io.bondwatch.source.probe.Prober;
import io.bondwatch.time.TimeSource;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;

/**
 * Which devices the service follows and who is told of them: each member's probe device and
 * underlay ({@code interface}) go to the member, a probe device created again restarts the pings
 * through it (the bundle probe's too), and the bundle interface is followed (and counted) for
 * whoever registers on it. The multilink watch registers on its members' underlays ({@link
 * Multilink#follow}).
 */
final class LinkWatches {
  private LinkWatches() {}

  /** Every member's devices, followed by the member; the bundle interface too. */
  static DeviceLinks of(BondwatchConfig config, Map<String, Member> members, LinkMetrics metrics) {
    DeviceLinks links = new DeviceLinks(metrics);
    for (MemberConfig m : config.members()) {
      Member member = members.get(m.name());
      for (String device : devices(m)) {
        links.watch(device, (now, events) -> member.onLink(now));
      }
    }
    if (config.bond().interfaceName() != null) {
      links.watch(config.bond().interfaceName());
    }
    metrics.watching(links.devices());
    return links;
  }

  /** A member's devices: its probe device first (where probes leave), then its underlay. */
  static Set<String> devices(MemberConfig m) {
    Set<String> devices = new LinkedHashSet<>();
    // a multilink member may have no probe of its own (DESIGN.md 1b)
    if (m.probe() != null) {
      devices.add(m.probe().interfaceName());
    }
    devices.add(m.interfaceName());
    return devices;
  }

  /**
   * A probe device that changed and can carry traffic again restarts the pings of it now: one bound
   * to the device before it was created again, one waiting for its backoff. Not at the creation
   * itself: a new device is down and without addresses, and ping would fail on it. The bundle probe
   * pings through the bundle interface, which pppd creates again with every session.
   */
  static void restartProbes(BondwatchConfig config, DeviceLinks links, Prober probes) {
    Set<String> probed = new LinkedHashSet<>();
    for (MemberConfig m : config.members()) {
      if (m.probe() != null) {
        probed.add(m.probe().interfaceName());
      }
    }
    if (config.bond().probe() != null) {
      probed.add(config.bond().interfaceName());
    }
    for (String device : probed) {
      links.watch(
          device,
          (now, events) -> {
            if (!events.isEmpty() && now.problem() == null) {
              probes.deviceChanged(device);
            }
          });
    }
  }

  /**
   * The real link source, {@code ip -o monitor link}, with a scheduler of its own for restarts.
   *
   * @throws StartupException when {@code ip} is missing or is not iproute2's
   */
  static LinkSource monitor(TimeSource time) {
    ScheduledExecutorService exec =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "bondwatch-link-restart");
              t.setDaemon(true);
              return t;
            });
    IpLinkMonitor monitor = new IpLinkMonitor(time, exec);
    return new LinkSource() {
      @Override
      public void start(
          Set<String> devices, Consumer<io.bondwatch.domain.link.LinkObservation> sink) {
        try {
          monitor.start(devices, sink);
        } catch (LinkSourceUnavailableException e) {
          throw new StartupException("link monitor: " + e.getMessage(), e);
        }
      }

      @Override
      public List<String> problems() {
        return monitor.problems();
      }

      @Override
      public void close() {
        try {
          monitor.close();
        } finally {
          exec.shutdownNow();
        }
      }
    };
  }
}
