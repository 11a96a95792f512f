package io.bondwatch.app;

import io.bondwatch.config.BondwatchConfig;
import io.bondwatch.config.MemberConfig;
import io.bondwatch.config.Rate;
import io.bondwatch.domain.member.Capacity;
import io.bondwatch.domain.member.DirectionReading;
import io.bondwatch.domain.member.DirectionTraffic;
import io.bondwatch.domain.member.LinkTraffic;
import io.bondwatch.domain.member.TrafficSettings;
import io.bondwatch.sink.metrics.MetricsSource.Direction;
import io.bondwatch.source.netdev.NetDevFile;
import io.bondwatch.source.netdev.NetDevSampler;
import io.bondwatch.time.TaskHealth;
import io.bondwatch.time.TimeSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;

/** The traffic side of the bond: one {@link LinkTraffic} per member device and the bundle. */
final class Traffic {
  private final Map<String, LinkTraffic> members = new LinkedHashMap<>();
  private final LinkTraffic bundle;
  private final NetDevSampler sampler;
  private final TimeSource time;

  /**
   * @param reader runs the /proc/net/dev reads, one at a time, off the ticker
   * @param health the sampler's task health: every completed read or failure is reported there
   */
  Traffic(BondwatchConfig cfg, TimeSource time, Executor reader, TaskHealth health) {
    this.time = time;
    double bundleCeiling = 0;
    for (MemberConfig m : cfg.members()) {
      TrafficSettings settings =
          m.maxRate() == null
              ? TrafficSettings.DEFAULT
              : TrafficSettings.DEFAULT.withMaxRate(m.maxRate().bytesPerSecond());
      Capacity down = configured(m, Direction.RECEIVE);
      Capacity up = configured(m, Direction.TRANSMIT);
      members.put(m.name(), new LinkTraffic(m.name(), m.interfaceName(), settings, down, up));
      bundleCeiling += Math.max(settings.ceiling(down), settings.ceiling(up));
    }
    String bundleDev = cfg.bond().interfaceName();
    // the bundle carries no more than its members together, in either direction
    bundle =
        bundleDev == null
            ? null
            : new LinkTraffic(
                cfg.bond().name(),
                bundleDev,
                TrafficSettings.DEFAULT.withMaxRate(bundleCeiling),
                Capacity.UNKNOWN,
                Capacity.UNKNOWN);
    List<LinkTraffic> all = new ArrayList<>(members.values());
    if (bundle != null) {
      all.add(bundle);
    }
    sampler = new NetDevSampler(NetDevFile.at(cfg.sources().netdev()), time, all, reader, health);
  }

  private static Capacity configured(MemberConfig m, Direction d) {
    if (m.capacity() == null) {
      return Capacity.UNKNOWN;
    }
    Rate r = d == Direction.RECEIVE ? m.capacity().down() : m.capacity().up();
    return r == null ? Capacity.UNKNOWN : Capacity.configured(r.bytesPerSecond());
  }

  /** Called once a second; starts a read and returns at once. */
  void sample() {
    sampler.sampleOnce();
  }

  NetDevSampler.Stats stats() {
    return sampler.stats();
  }

  boolean hasBundle() {
    return bundle != null;
  }

  DirectionReading member(String name, Direction d) {
    return read(members.get(name), d);
  }

  DirectionReading bundle(Direction d) {
    return read(bundle, d);
  }

  /** Capacity the bond model uses: configured, else estimated; NaN while unknown. */
  double capacity(String member, Direction d) {
    Capacity c = direction(members.get(member), d).capacity(time.monotonicNanos());
    return c.known() ? c.bytesPerSecond() : Double.NaN;
  }

  String capacitySource(String member, Direction d) {
    return direction(members.get(member), d).capacity(time.monotonicNanos()).source().label();
  }

  private DirectionReading read(LinkTraffic link, Direction d) {
    return direction(link, d).read(time.monotonicNanos());
  }

  private static DirectionTraffic direction(LinkTraffic link, Direction d) {
    return d == Direction.RECEIVE ? link.receive() : link.transmit();
  }
}
