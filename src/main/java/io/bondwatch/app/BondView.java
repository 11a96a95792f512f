package io.bondwatch.app;

import io.bondwatch.config.BondwatchConfig;
import io.bondwatch.config.MemberConfig;
import io.bondwatch.config.Rate;
import io.bondwatch.domain.bond.BondModel;
import io.bondwatch.domain.bond.BondRates;
import io.bondwatch.domain.bond.MemberCapacity;
import io.bondwatch.domain.member.Member;
import io.bondwatch.domain.member.MemberSnapshot;
import io.bondwatch.sink.metrics.MetricsSource;
import io.bondwatch.time.TimeSource;
import io.bondwatch.web.StatusDocument;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleBiFunction;

/**
 * The read side of the running service: one place that answers what metrics and the status API ask,
 * from the live members and the bond model.
 *
 * <p>Until the controller and actuator exist, a member is active exactly while its state is usable
 * (up or degraded): that is what the default dry-run actuator would apply.
 */
final class BondView implements MetricsSource {
  private final BondwatchConfig config;
  private final Map<String, Member> members;
  private final BondModel model;
  private final TimeSource time;
  private final ToDoubleBiFunction<String, Direction> capacity;

  BondView(
      BondwatchConfig config,
      Map<String, Member> members,
      TimeSource time,
      ToDoubleBiFunction<String, Direction> capacity) {
    this.config = config;
    this.members = Map.copyOf(members);
    this.time = time;
    this.capacity = capacity;
    this.model =
        new BondModel(
            switch (config.bond().mode()) {
              case MULTILINK -> io.bondwatch.domain.bond.BondMode.MULTILINK;
              case WEIGHTED -> io.bondwatch.domain.bond.BondMode.WEIGHTED;
            });
  }

  /** Capacity from the config alone, bytes per second; NaN where the config leaves it out. */
  static double configuredCapacity(MemberConfig m, Direction d) {
    if (m.capacity() == null) {
      return Double.NaN;
    }
    Rate r = d == Direction.RECEIVE ? m.capacity().down() : m.capacity().up();
    return r == null ? Double.NaN : r.bytesPerSecond();
  }

  @Override
  public List<String> members() {
    return config.members().stream().map(MemberConfig::name).toList();
  }

  @Override
  public MemberSnapshot member(String name) {
    return members.get(name).snapshot();
  }

  @Override
  public boolean active(String member) {
    return members.get(member).state().usable();
  }

  @Override
  public double weight(String member) {
    return active(member) ? 1.0 : 0.0;
  }

  @Override
  public double capacity(String member, Direction direction) {
    return capacity.applyAsDouble(member, direction);
  }

  @Override
  public BondRates bondRates() {
    List<MemberCapacity> caps = new ArrayList<>();
    for (String m : members()) {
      caps.add(
          new MemberCapacity(
              m,
              active(m),
              orZero(capacity(m, Direction.RECEIVE)),
              orZero(capacity(m, Direction.TRANSMIT))));
    }
    return model.rates(caps);
  }

  private static double orZero(double v) {
    return Double.isNaN(v) || v < 0 ? 0 : v;
  }

  StatusDocument status() {
    BondRates r = bondRates();
    List<StatusDocument.Member> list = new ArrayList<>();
    for (String name : members()) {
      MemberSnapshot s = member(name);
      list.add(
          new StatusDocument.Member(
              name,
              s.state().label(),
              s.reason(),
              s.since(),
              active(name),
              seconds(s.smoothedRtt()),
              seconds(s.jitter()),
              s.lossRatio(),
              s.baselineLoss(),
              s.requiredMisses(),
              s.probesSent(),
              s.probesLost(),
              s.flaps(),
              s.sessionUp(),
              directions(capacity(name, Direction.RECEIVE), capacity(name, Direction.TRANSMIT)),
              null));
    }
    StatusDocument.Bond bond =
        new StatusDocument.Bond(
            config.bond().name(),
            model.mode().name().toLowerCase(java.util.Locale.ROOT),
            r.members(),
            r.activeMembers(),
            directions(r.effectiveDown(), r.effectiveUp()),
            directions(r.nominalDown(), r.nominalUp()),
            null);
    return new StatusDocument(BuildInfo.version(), time.wallTime(), bond, list);
  }

  private static Map<String, Double> directions(double receive, double transmit) {
    Map<String, Double> m = new LinkedHashMap<>();
    m.put("receive", Double.isNaN(receive) ? null : receive);
    m.put("transmit", Double.isNaN(transmit) ? null : transmit);
    return m;
  }

  private static Double seconds(Duration d) {
    return d == null ? null : d.toNanos() / 1e9;
  }
}
