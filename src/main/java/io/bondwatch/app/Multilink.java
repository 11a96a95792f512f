package io.bondwatch.app;

import io.bondwatch.config.BondwatchConfig;
import io.bondwatch.config.MemberConfig;
import io.bondwatch.domain.link.DeviceLinks;
import io.bondwatch.domain.member.Member;
import io.bondwatch.domain.member.MemberSnapshot;
import io.bondwatch.domain.multilink.BundleProbeView;
import io.bondwatch.domain.multilink.HeartbeatRule;
import io.bondwatch.domain.multilink.LinkObservation;
import io.bondwatch.domain.multilink.MultilinkWatch;
import io.bondwatch.domain.multilink.UnderlayStatus;
import io.bondwatch.source.netdev.SysfsUnderlay;
import io.bondwatch.source.netdev.UnderlaySampler;
import io.bondwatch.source.probe.Prober;
import io.bondwatch.time.PeriodicTasks;
import io.bondwatch.time.TaskHealth;
import io.bondwatch.time.TimeSource;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The multilink parts of the service (DESIGN.md 1b): the bundle probe ({@code bond.probe}), and the
 * watch that judges members without a probe of their own by their underlay, fed by a sysfs sampler
 * at probe cadence, by link events as they happen and by pppd's echoes and sessions. Either part
 * may be absent; {@link #NONE} has neither.
 */
final class Multilink implements AutoCloseable {
  static final Multilink NONE = new Multilink(null, null, Map.of(), null);

  private final BundleProbe bundle;
  private final MultilinkWatch watch;
  private final Map<String, String> devices;
  private final TimeSource time;
  private ExecutorService reader;

  private Multilink(
      BundleProbe bundle, MultilinkWatch watch, Map<String, String> devices, TimeSource time) {
    this.bundle = bundle;
    this.watch = watch;
    this.devices = devices;
    this.time = time;
  }

  /** The parts this config asks for; their verdicts go to {@code members}. */
  static Multilink of(BondwatchConfig config, Map<String, Member> members, TimeSource time) {
    BundleProbe bundle = config.bond().probe() == null ? null : new BundleProbe(config, time);
    Map<String, String> devices = new LinkedHashMap<>();
    for (MemberConfig m : config.members()) {
      if (m.probe() == null) {
        devices.put(m.name(), m.interfaceName());
      }
    }
    if (bundle == null && devices.isEmpty()) {
      return NONE;
    }
    MultilinkWatch watch = null;
    if (!devices.isEmpty()) {
      Duration interval = config.probe().interval();
      watch =
          new MultilinkWatch(
              devices,
              HeartbeatRule.defaults(interval),
              interval.multipliedBy(config.policy().restore().consecutiveOk()),
              bundle == null ? () -> new BundleProbeView(false, 0) : bundle::view,
              (name, verdict) -> members.get(name).onUnderlay(verdict));
    }
    return new Multilink(bundle, watch, Map.copyOf(devices), time);
  }

  /** Starts the bundle probe and the underlay sampler (every probe interval, on the ticker). */
  void start(
      Prober probes, ScheduledExecutorService ticker, PeriodicTasks tasks, Duration interval) {
    if (bundle != null) {
      probes.start(
          bundle.target(),
          r -> {
            bundle.onProbe(r);
            if (watch != null) {
              // a stall is worth a look at once, not at the next sample
              watch.evaluate(r.monotonicNanos());
            }
          });
    }
    if (watch != null) {
      reader =
          Executors.newSingleThreadExecutor(
              r -> {
                Thread t = new Thread(r, "bondwatch-underlay-read");
                t.setDaemon(true);
                return t;
              });
      TaskHealth health = tasks.register("underlay", "underlay sampler", Wiring.STALE_AFTER);
      UnderlaySampler sampler = sampler(SysfsUnderlay.system(), reader, health);
      long every = interval.toNanos();
      ticker.scheduleAtFixedRate(
          health.guard(sampler::sampleOnce, false), 0, every, TimeUnit.NANOSECONDS);
    }
  }

  /** The sampler of the members' underlays; only with members watched. */
  UnderlaySampler sampler(SysfsUnderlay sysfs, Executor reader, TaskHealth health) {
    return new UnderlaySampler(sysfs, devices, watch, time, reader, health);
  }

  /**
   * Feeds the link events of the members' underlays to the watch, which judges at once: a carrier
   * lost is dead now, and a carrier back between two samples still restarts the restore window. The
   * sysfs sample stays, for the frames and as the fallback while no link monitor runs. Register
   * before the link source starts, so that its first listing reaches the watch.
   */
  void follow(DeviceLinks links) {
    if (watch == null) {
      return;
    }
    for (String device : new LinkedHashSet<>(devices.values())) {
      links.watch(
          device, (now, events) -> watch.onLink(LinkObservation.of(now), now.monotonicNanos()));
    }
  }

  /** Where PppdFeed sends multilink members' echoes and session changes. */
  PppdFeed.MultilinkEvents events() {
    if (watch == null) {
      return PppdFeed.MultilinkEvents.NONE;
    }
    return new PppdFeed.MultilinkEvents() {
      @Override
      public void echo(String member, Integer pid, boolean request, int id) {
        watch.onEcho(member, pid, request, id, time.monotonicNanos());
      }

      @Override
      public void session(String member, boolean up) {
        if (up) {
          watch.onSessionUp(member, time.monotonicNanos());
        } else {
          watch.onSessionDown(member);
        }
      }
    };
  }

  boolean hasBundleProbe() {
    return bundle != null;
  }

  /** The bundle probe judged as a member: state, reason, RTT, loss. Only with a bundle probe. */
  MemberSnapshot bundleProbe() {
    return bundle.snapshot();
  }

  /** A bundle stall no member can be blamed for; null when none (or no member is watched). */
  String bundleFault() {
    return watch == null ? null : watch.bundleFault();
  }

  /** The bond section's {@code probe} (state, reason, RTT, loss) and {@code fault}, if any. */
  void addStatus(Map<String, Object> bond) {
    if (bundle != null) {
      MemberSnapshot p = bundle.snapshot();
      Map<String, Object> probe = new LinkedHashMap<>();
      probe.put("target", bundle.target().target());
      probe.put("state", p.state().label());
      probe.put("reason", p.reason());
      probe.put("rttSeconds", p.smoothedRtt() == null ? null : p.smoothedRtt().toNanos() / 1e9);
      probe.put("lossRatio", p.lossRatio());
      bond.put("probe", probe);
    }
    String fault = bundleFault();
    if (fault != null) {
      bond.put("fault", fault);
    }
  }

  boolean watches(String member) {
    return devices.containsKey(member);
  }

  double frameAgeSeconds(String member) {
    return watch == null ? Double.NaN : watch.frameAgeSeconds(member, time.monotonicNanos());
  }

  UnderlayStatus underlay(String member) {
    return watch == null ? null : watch.status(member, time.monotonicNanos());
  }

  @Override
  public void close() {
    if (reader != null) {
      reader.shutdownNow();
    }
  }
}
