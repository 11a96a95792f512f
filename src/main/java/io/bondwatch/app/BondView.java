package io.bondwatch.app;

import io.bondwatch.config.BondwatchConfig;
import io.bondwatch.config.MemberConfig;
import io.bondwatch.domain.bond.BondModel;
import io.bondwatch.domain.bond.BondRates;
import io.bondwatch.domain.bond.GoodputCurve;
import io.bondwatch.domain.bond.MemberCapacity;
import io.bondwatch.domain.bond.MemberQuality;
import io.bondwatch.domain.bond.MemberSetChoice;
import io.bondwatch.domain.bond.MemberSetOptimizer;
import io.bondwatch.domain.link.LinkObservation;
import io.bondwatch.domain.member.Member;
import io.bondwatch.domain.member.MemberSnapshot;
import io.bondwatch.domain.member.TargetSnapshot;
import io.bondwatch.sink.metrics.MetricsSource;
import io.bondwatch.time.TimeSource;
import io.bondwatch.web.StatusDocument;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The read side of the running service: one place that answers what metrics and the status API ask,
 * from the live members, their traffic and the bond model.
 *
 * <p>Until the controller and actuator exist, a member is active exactly while its state is usable
 * (up or degraded): that is what the default dry-run actuator would apply.
 */
final class BondView implements MetricsSource {
  private final BondwatchConfig config;
  private final Map<String, Member> members;
  private final Traffic traffic;
  private final BondModel model;
  private final MemberSetOptimizer optimizer;
  private final TimeSource time;
  private final Multilink multilink;

  // every set of members is evaluated, and one scrape asks once per member: compute again only
  // when a candidate or one of its figures changed, so the set always agrees with the members
  private record Recommendation(List<MemberQuality> candidates, MemberSetChoice choice) {}

  private volatile Recommendation cached;

  BondView(BondwatchConfig config, Map<String, Member> members, Traffic traffic, TimeSource time) {
    this(config, members, traffic, time, Multilink.NONE);
  }

  BondView(
      BondwatchConfig config,
      Map<String, Member> members,
      Traffic traffic,
      TimeSource time,
      Multilink multilink) {
    this.multilink = multilink;
    this.config = config;
    this.members = Map.copyOf(members);
    this.traffic = traffic;
    this.time = time;
    this.model =
        new BondModel(
            switch (config.bond().mode()) {
              case MULTILINK -> io.bondwatch.domain.bond.BondMode.MULTILINK;
              case WEIGHTED -> io.bondwatch.domain.bond.BondMode.WEIGHTED;
            });
    this.optimizer =
        new MemberSetOptimizer(GoodputCurve.forDropLoss(config.policy().drop().loss().value()));
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
  public List<String> targets(String member) {
    // the targets of a member's quorum are fixed with the member
    return member(member).targets().stream().map(TargetSnapshot::target).toList();
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
    return traffic.capacity(member, direction);
  }

  @Override
  public double memberBytes(String member, Direction direction) {
    return traffic.member(member, direction).totalBytes();
  }

  @Override
  public double memberRate(String member, Direction direction) {
    return traffic.member(member, direction).bytesPerSecond();
  }

  @Override
  public double memberCounterResyncs(String member, Direction direction) {
    return traffic.member(member, direction).counterResyncs();
  }

  @Override
  public double bundleCounterResyncs(Direction direction) {
    return traffic.bundle(direction).counterResyncs();
  }

  @Override
  public boolean hasBundle() {
    return traffic.hasBundle();
  }

  @Override
  public double bundleBytes(Direction direction) {
    return traffic.bundle(direction).totalBytes();
  }

  @Override
  public double netdevReadFailures() {
    return traffic.stats().readFailures();
  }

  @Override
  public double netdevMalformedLines() {
    return traffic.stats().malformedLines();
  }

  @Override
  public boolean hasBondProbe() {
    return multilink.hasBundleProbe();
  }

  @Override
  public double bondRttSeconds() {
    Double rtt = seconds(multilink.bundleProbe().smoothedRtt());
    return rtt == null ? Double.NaN : rtt;
  }

  @Override
  public double bondLossRatio() {
    return multilink.bundleProbe().lossRatio();
  }

  @Override
  public boolean bondFault() {
    return multilink.bundleFault() != null;
  }

  @Override
  public boolean watchesUnderlay(String member) {
    return multilink.watches(member);
  }

  @Override
  public double frameAgeSeconds(String member) {
    return multilink.frameAgeSeconds(member);
  }

  @Override
  public boolean recommended(String member) {
    MemberSetChoice best = recommendation();
    return best != null && best.members().contains(member);
  }

  @Override
  public BondRates bondRates() {
    List<MemberCapacity> caps = new ArrayList<>();
    for (String m : members()) {
      // NaN while unknown: the bond's rate is then unknown too, not 0
      caps.add(
          new MemberCapacity(
              m, active(m), capacity(m, Direction.RECEIVE), capacity(m, Direction.TRANSMIT)));
    }
    return model.rates(caps);
  }

  /**
   * The member set with the best modelled goodput among the usable members (multilink only:
   * weighted bonds use every usable member); null when there is none. A member whose capacity is
   * not known yet is a candidate too: the optimizer judges it by its loss.
   */
  MemberSetChoice recommendation() {
    List<MemberQuality> candidates = candidates();
    Recommendation last = cached;
    if (last != null && last.candidates().equals(candidates)) {
      return last.choice();
    }
    MemberSetChoice choice = recommend(candidates);
    cached = new Recommendation(candidates, choice);
    return choice;
  }

  private List<MemberQuality> candidates() {
    List<MemberQuality> candidates = new ArrayList<>();
    for (String m : members()) {
      double down = capacity(m, Direction.RECEIVE);
      double up = capacity(m, Direction.TRANSMIT);
      if (active(m)) {
        candidates.add(new MemberQuality(m, down, up, member(m).lossRatio()));
      }
    }
    return candidates;
  }

  private MemberSetChoice recommend(List<MemberQuality> candidates) {
    if (candidates.isEmpty() || candidates.size() > MemberSetOptimizer.MAX_MEMBERS) {
      return null;
    }
    if (model.mode() == io.bondwatch.domain.bond.BondMode.WEIGHTED) {
      return optimizer.evaluate(candidates);
    }
    return optimizer.recommend(candidates);
  }

  StatusDocument status() {
    BondRates r = bondRates();
    List<StatusDocument.Member> list = new ArrayList<>();
    for (String name : members()) {
      MemberSnapshot s = member(name);
      Map<String, Object> extra = new LinkedHashMap<>();
      extra.put(
          "capacitySource",
          directions(
              traffic.capacitySource(name, Direction.RECEIVE),
              traffic.capacitySource(name, Direction.TRANSMIT)));
      extra.put(
          "rate",
          directions(memberRate(name, Direction.RECEIVE), memberRate(name, Direction.TRANSMIT)));
      extra.put(
          "bytes",
          directions(memberBytes(name, Direction.RECEIVE), memberBytes(name, Direction.TRANSMIT)));
      extra.put("recommended", recommended(name));
      extra.put("links", links(s));
      if (multilink.watches(name)) {
        extra.put("underlay", multilink.underlay(name));
      }
      if (!s.targets().isEmpty()) {
        extra.put("targets", s.targets().stream().map(BondView::target).toList());
      }
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
              extra));
    }
    Map<String, Object> bondExtra = new LinkedHashMap<>();
    MemberSetChoice best = recommendation();
    if (best != null) {
      Map<String, Object> rec = new LinkedHashMap<>();
      rec.put("members", best.members());
      rec.put("bundleLoss", best.bundleLoss());
      rec.put("goodput", directions(best.goodputDown(), best.goodputUp()));
      bondExtra.put("recommended", rec);
    }
    multilink.addStatus(bondExtra);
    if (traffic.hasBundle()) {
      bondExtra.put(
          "bytes", directions(bundleBytes(Direction.RECEIVE), bundleBytes(Direction.TRANSMIT)));
    }
    StatusDocument.Bond bond =
        new StatusDocument.Bond(
            config.bond().name(),
            model.mode().name().toLowerCase(Locale.ROOT),
            r.members(),
            r.activeMembers(),
            directions(r.effectiveDown(), r.effectiveUp()),
            directions(r.nominalDown(), r.nominalUp()),
            bondExtra);
    return new StatusDocument(BuildInfo.version(), time.wallTime(), bond, list);
  }

  /** One probe target of a member with several, as the status API shows it. */
  private static Map<String, Object> target(TargetSnapshot t) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("target", t.target());
    m.put("nextHop", t.nextHop());
    m.put("state", t.state().label());
    if (t.smoothedRtt() != null) {
      m.put("rttSeconds", seconds(t.smoothedRtt()));
    }
    m.put("lossRatio", t.lossRatio());
    m.put("probesSent", t.probesSent());
    m.put("probesLost", t.probesLost());
    if (t.reason() != null) {
      m.put("reason", t.reason());
    }
    return m;
  }

  /** Each device of the member as last seen: {"eth1": {"ifindex": 3, "carrier": true, ...}}. */
  private static Map<String, Object> links(MemberSnapshot s) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (LinkObservation o : s.links()) {
      Map<String, Object> l = new LinkedHashMap<>();
      l.put("exists", o.exists());
      if (o.exists()) {
        l.put("ifindex", o.ifindex());
      }
      l.put("adminUp", o.adminUp());
      l.put("carrier", o.carrier());
      l.put("operstate", o.operstate().label());
      l.put("lastChange", o.wallTime());
      out.put(o.device(), l);
    }
    return out;
  }

  private static <T> Map<String, T> directions(T receive, T transmit) {
    Map<String, T> m = new LinkedHashMap<>();
    m.put("receive", receive instanceof Double d && d.isNaN() ? null : receive);
    m.put("transmit", transmit instanceof Double d && d.isNaN() ? null : transmit);
    return m;
  }

  private static Double seconds(Duration d) {
    return d == null ? null : d.toNanos() / 1e9;
  }
}
