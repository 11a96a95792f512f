package io.bondwatch.sink.metrics;

import static io.bondwatch.sink.metrics.MetricNames.*;

import io.bondwatch.domain.bond.BondRates;
import io.bondwatch.domain.link.LinkMetrics;
import io.bondwatch.domain.member.MemberSnapshot;
import io.bondwatch.domain.member.MemberState;
import io.bondwatch.sink.metrics.MetricsSource.Direction;
import io.bondwatch.source.pppd.PppdMetrics;
import io.bondwatch.source.pppd.TailerMetrics;
import io.bondwatch.source.probe.ProbeResult;
import io.bondwatch.time.TaskHealth;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.ToDoubleFunction;

/**
 * Binds the member and bond model to Micrometer. Keeps a strong reference to its source, since
 * Micrometer gauges hold their objects weakly; names come from {@link MetricNames} only, tags from
 * closed sets (member names from config, states, directions).
 */
public final class BondwatchMetrics implements MeterBinder, PppdMetrics {
  private static final Duration[] RTT_BUCKETS = {
    Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofMillis(5), Duration.ofMillis(10),
    Duration.ofMillis(20), Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(200),
    Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2)
  };

  private final MetricsSource source;
  private final String version;
  private final Map<String, Timer> rttTimers = new ConcurrentHashMap<>();
  private final Map<String, Counter> pppdEvents = new ConcurrentHashMap<>();
  private final Map<String, Counter> logLines = new ConcurrentHashMap<>();
  // Micrometer holds what its meters read weakly
  private final List<TaskHealth> tasks = new CopyOnWriteArrayList<>();
  private MeterRegistry registry;
  private TailerMeters tailerMeters;
  private LinkMeters linkMeters;

  public BondwatchMetrics(MetricsSource source, String version) {
    this.source = source;
    this.version = version;
  }

  /** The values of {@code bondwatch_log_lines_total{result}}: the parser's outcomes. */
  static final List<String> LOG_LINE_RESULTS = List.of("parsed", "ignored", "malformed");

  @Override
  public void bindTo(MeterRegistry registry) {
    this.registry = registry;
    Gauge.builder(BUILD_INFO, () -> 1)
        .description("Build information of the running bondwatch; always 1")
        .tag("version", version)
        .register(registry);
    for (String m : source.members()) {
      bindMember(registry, m);
    }
    bindBond(registry);
    tailerMeters = new TailerMeters(registry);
    linkMeters = new LinkMeters(registry);
    // every result of the closed set from the start, so that rate() and absent() work at once
    LOG_LINE_RESULTS.forEach(this::logLineCounter);
  }

  private void bindMember(MeterRegistry r, String m) {
    Tags t = Tags.of(TAG_MEMBER, m);
    for (MemberState s : MemberState.values()) {
      Gauge.builder(MEMBER_STATE, source, src -> src.member(m).state() == s ? 1 : 0)
          .description("Member state: 1 for the state the member is in, 0 for the others")
          .tags(t.and(TAG_STATE, s.label()))
          .register(r);
    }
    Gauge.builder(MEMBER_ACTIVE, source, src -> src.active(m) ? 1 : 0)
        .description("1 while the member carries bond traffic (as actuated)")
        .tags(t)
        .register(r);
    Gauge.builder(MEMBER_WEIGHT, source, src -> src.weight(m))
        .description("Applied weight of the member, 0 when dropped")
        .tags(t)
        .register(r);
    memberGauge(m, MEMBER_RTT, "Smoothed probe round-trip time", s -> seconds(s.smoothedRtt()))
        .baseUnit("seconds")
        .register(r);
    memberGauge(
            m,
            MEMBER_JITTER,
            "Mean deviation of the probe round-trip time",
            s -> seconds(s.jitter()))
        .baseUnit("seconds")
        .register(r);
    memberGauge(
            m,
            MEMBER_LOSS,
            "Probe loss the member is judged by: over the degraded window since it was last"
                + " restored (see docs/down-rule.md)",
            MemberSnapshot::lossRatio)
        .register(r);
    memberGauge(
            m,
            MEMBER_DOWN_THRESHOLD,
            "Consecutive lost probes the down rule requires now (adapts to baseline loss)",
            s -> s.requiredMisses())
        .register(r);
    FunctionCounter.builder(PROBES_SENT, source, src -> src.member(m).probesSent())
        .description(
            "Probes sent to the member's target (probe rounds, for a member with several targets)")
        .tags(t)
        .register(r);
    FunctionCounter.builder(PROBES_LOST, source, src -> src.member(m).probesLost())
        .description(
            "Probes sent that got no reply in time (probes that could not be sent are in neither"
                + " counter; rounds short of their quorum, for a member with several targets)")
        .tags(t)
        .register(r);
    FunctionCounter.builder(MEMBER_FLAPS, source, src -> src.member(m).flaps())
        .description("Transitions of the member from up or degraded to down")
        .tags(t)
        .register(r);
    memberGauge(
            m,
            MEMBER_SESSION_UP,
            "1 while pppd reports the member's session up; NaN before pppd said anything",
            s -> oneZeroOrNaN(s.sessionUp()))
        .register(r);
    memberGauge(
            m,
            MEMBER_CARRIER,
            "1 while every device of the member is up with its carrier, 0 while one is not (or is"
                + " missing); NaN before the link monitor said anything",
            s -> oneZeroOrNaN(s.carrier()))
        .register(r);
    for (Direction d : Direction.values()) {
      Gauge.builder(MEMBER_CAPACITY, source, src -> src.capacity(m, d))
          .description("Member capacity the bond model uses, bytes per second")
          .tags(t.and(TAG_DIRECTION, d.label()))
          .register(r);
    }
    for (Direction d : Direction.values()) {
      FunctionCounter.builder(
              d == Direction.RECEIVE ? MEMBER_RECEIVE_BYTES : MEMBER_TRANSMIT_BYTES,
              source,
              src -> src.memberBytes(m, d))
          .description(
              "Bytes the member's device "
                  + (d == Direction.RECEIVE ? "received" : "sent")
                  + ", monotonic across counter resets and wraps")
          .baseUnit("bytes")
          .tags(t)
          .register(r);
      FunctionCounter.builder(MEMBER_TRAFFIC_RESYNCS, source, src -> src.memberCounterResyncs(m, d))
          .description(
              "Readings of the member's device counter that did not continue it and were not"
                  + " counted as traffic (bad reads, or a line faster than its ceiling)")
          .tags(t.and(TAG_DIRECTION, d.label()))
          .register(r);
      Gauge.builder(MEMBER_RATE, source, src -> src.memberRate(m, d))
          .description("Rate of the member's device over the last second, bytes per second")
          .tags(t.and(TAG_DIRECTION, d.label()))
          .register(r);
    }
    if (source.watchesUnderlay(m)) {
      Gauge.builder(MEMBER_FRAME_AGE, source, src -> src.frameAgeSeconds(m))
          .description(
              "Seconds since the member's underlay device last received a frame (multilink"
                  + " heartbeat); NaN before the first")
          .tags(t)
          .baseUnit("seconds")
          .register(r);
    }
    Gauge.builder(MEMBER_RECOMMENDED, source, src -> src.recommended(m) ? 1 : 0)
        .description(
            "1 when the best-member-set model recommends the member for the bundle (multilink)")
        .tags(t)
        .register(r);
    List<String> targets = source.targets(m);
    for (int i = 0; i < targets.size(); i++) {
      bindTarget(r, m, targets.get(i), i);
    }
    rttTimers.put(
        m,
        Timer.builder(PROBE_RTT)
            .description("Round-trip time of every answered probe")
            .tags(t)
            .serviceLevelObjectives(RTT_BUCKETS)
            .register(r));
  }

  /** One target of a member probed through several (a closed set: the config's targets). */
  private void bindTarget(MeterRegistry r, String m, String target, int i) {
    Tags t = Tags.of(TAG_MEMBER, m, TAG_TARGET, target);
    Gauge.builder(
            PROBE_TARGET_UP,
            source,
            src ->
                switch (src.member(m).targets().get(i).state()) {
                  case UP -> 1;
                  case DOWN -> 0;
                  case UNKNOWN -> Double.NaN;
                })
        .description(
            "1 while a probe target of a member with several answers, 0 while its own probes meet"
                + " the down rule; NaN before either")
        .tags(t)
        .register(r);
    Gauge.builder(
            PROBE_TARGET_RTT, source, src -> seconds(src.member(m).targets().get(i).smoothedRtt()))
        .description("Smoothed round-trip time of one probe target of a member with several")
        .tags(t)
        .baseUnit("seconds")
        .register(r);
    Gauge.builder(PROBE_TARGET_LOSS, source, src -> src.member(m).targets().get(i).lossRatio())
        .description(
            "Loss of one probe target's probes over the degraded window, outages included"
                + " (members with several targets)")
        .tags(t)
        .register(r);
  }

  private Gauge.Builder<MetricsSource> memberGauge(
      String m, String name, String help, ToDoubleFunction<MemberSnapshot> f) {
    return Gauge.builder(name, source, src -> f.applyAsDouble(src.member(m)))
        .description(help)
        .tag(TAG_MEMBER, m);
  }

  private void bindBond(MeterRegistry r) {
    FunctionCounter.builder(NETDEV_READ_FAILURES, source, MetricsSource::netdevReadFailures)
        .description("Reads of /proc/net/dev that failed (missing or unreadable file)")
        .register(r);
    FunctionCounter.builder(NETDEV_MALFORMED_LINES, source, MetricsSource::netdevMalformedLines)
        .description("Lines of /proc/net/dev skipped as malformed")
        .register(r);
    Gauge.builder(BOND_MEMBERS, source, src -> src.members().size())
        .description("Configured members of the bond")
        .register(r);
    Gauge.builder(BOND_MEMBERS_ACTIVE, source, src -> src.bondRates().activeMembers())
        .description("Members carrying bond traffic now")
        .register(r);
    if (source.hasBundle()) {
      for (Direction d : Direction.values()) {
        FunctionCounter.builder(
                d == Direction.RECEIVE ? BOND_RECEIVE_BYTES : BOND_TRANSMIT_BYTES,
                source,
                src -> src.bundleBytes(d))
            .description(
                "Bytes the bundle interface "
                    + (d == Direction.RECEIVE ? "received" : "sent")
                    + ", monotonic across counter resets and wraps")
            .baseUnit("bytes")
            .register(r);
        FunctionCounter.builder(BOND_TRAFFIC_RESYNCS, source, src -> src.bundleCounterResyncs(d))
            .description(
                "Readings of the bundle interface counter that did not continue it and were not"
                    + " counted as traffic")
            .tag(TAG_DIRECTION, d.label())
            .register(r);
      }
    }
    if (source.hasBondProbe()) {
      bindBondProbe(r);
    }
    for (Direction d : Direction.values()) {
      boolean rx = d == Direction.RECEIVE;
      ToDoubleFunction<BondRates> eff = rx ? BondRates::effectiveDown : BondRates::effectiveUp;
      ToDoubleFunction<BondRates> nom = rx ? BondRates::nominalDown : BondRates::nominalUp;
      Gauge.builder(BOND_EFFECTIVE_RATE, source, src -> eff.applyAsDouble(src.bondRates()))
          .description("What the bond carries now under its mode's rule, bytes per second")
          .tag(TAG_DIRECTION, d.label())
          .register(r);
      Gauge.builder(BOND_NOMINAL_RATE, source, src -> nom.applyAsDouble(src.bondRates()))
          .description("What the bond would carry with every member healthy, bytes per second")
          .tag(TAG_DIRECTION, d.label())
          .register(r);
    }
  }

  private void bindBondProbe(MeterRegistry r) {
    Gauge.builder(BOND_RTT, source, MetricsSource::bondRttSeconds)
        .description("Smoothed RTT of the bundle probe (bond.probe); NaN before an answer")
        .baseUnit("seconds")
        .register(r);
    Gauge.builder(BOND_LOSS, source, MetricsSource::bondLossRatio)
        .description("Loss of the bundle probe, judged like a member's probes")
        .register(r);
    Gauge.builder(BOND_FAULT, source, src -> src.bondFault() ? 1 : 0)
        .description(
            "1 while the bundle probe says the bundle stalls and no member's own evidence can be"
                + " blamed (a bundle-level fault)")
        .register(r);
  }

  /** Exports the health of one periodic task (DESIGN.md 3.3 extended): runs, failures, age. */
  public void bindTask(TaskHealth task) {
    tasks.add(task);
    FunctionCounter.builder(TASK_RUNS, task, TaskHealth::runs)
        .description("Runs of a periodic task, failed ones included")
        .tag(TAG_TASK, task.id())
        .register(registry);
    FunctionCounter.builder(TASK_FAILURES, task, TaskHealth::failures)
        .description("Runs of a periodic task that failed (an error, a read that failed or hung)")
        .tag(TAG_TASK, task.id())
        .register(registry);
    Gauge.builder(TASK_SINCE_SUCCESS, task, TaskHealth::secondsSinceSuccess)
        .description("Seconds since a periodic task last succeeded; NaN before it ever did")
        .tag(TAG_TASK, task.id())
        .baseUnit("seconds")
        .register(registry);
  }

  /** Records an answered probe in the member's RTT histogram. */
  public void onProbe(ProbeResult result) {
    if (result.ok()) {
      Timer t = rttTimers.get(result.member());
      if (t != null) {
        t.record(result.rtt());
      }
    }
  }

  @Override
  public void onPppdEvent(String member, String event) {
    pppdEvents
        .computeIfAbsent(
            member + '\0' + event,
            k ->
                Counter.builder(PPPD_EVENTS)
                    .description("Parsed pppd events, per member and event")
                    .tags(TAG_MEMBER, member, TAG_EVENT, event)
                    .register(registry))
        .increment();
  }

  @Override
  public void onLogLine(String result) {
    logLineCounter(result).increment();
  }

  private Counter logLineCounter(String result) {
    return logLines.computeIfAbsent(
        result,
        k ->
            Counter.builder(LOG_LINES)
                .description("pppd log lines read, by how the parser took them")
                .tag(TAG_RESULT, result)
                .register(registry));
  }

  /**
   * The log source's counters, beyond DESIGN.md 3.3: rotations, capped lines, recovered bytes, a
   * path that is not a regular file, checkpoint fallbacks. Exported at 0 from {@link #bindTo}.
   */
  public TailerMetrics tailerMetrics() {
    return tailerMeters;
  }

  /** The link source's counters (events per followed device), beyond DESIGN.md 3.3. */
  public LinkMetrics linkMetrics() {
    return linkMeters;
  }

  private static double oneZeroOrNaN(Boolean b) {
    return b == null ? Double.NaN : b ? 1 : 0;
  }

  private static double seconds(Duration d) {
    return d == null ? Double.NaN : d.toNanos() / 1e9;
  }
}
