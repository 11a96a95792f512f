package io.bondwatch.sink.metrics;

/**
 * Every metric name of DESIGN.md 3.3, in Micrometer's dotted form; the Prometheus registry turns
 * {@code bondwatch.member.state} into {@code bondwatch_member_state}, adds {@code _total} to
 * counters and the base unit to timers. Dashboards and alerts depend on the exported names: a
 * golden test pins them.
 */
public final class MetricNames {
  private MetricNames() {}

  public static final String MEMBER_STATE = "bondwatch.member.state";
  public static final String MEMBER_ACTIVE = "bondwatch.member.active";
  public static final String MEMBER_WEIGHT = "bondwatch.member.weight";
  public static final String MEMBER_RTT = "bondwatch.member.rtt";
  public static final String MEMBER_JITTER = "bondwatch.member.jitter";
  public static final String MEMBER_LOSS = "bondwatch.member.loss.ratio";
  public static final String MEMBER_DOWN_THRESHOLD = "bondwatch.member.down.threshold.probes";
  public static final String PROBE_RTT = "bondwatch.probe.rtt";
  public static final String PROBES_SENT = "bondwatch.probes.sent";
  public static final String PROBES_LOST = "bondwatch.probes.lost";
  public static final String PROBE_TARGET_UP = "bondwatch.probe.target.up";
  public static final String PROBE_TARGET_RTT = "bondwatch.probe.target.rtt";
  public static final String PROBE_TARGET_LOSS = "bondwatch.probe.target.loss.ratio";
  public static final String MEMBER_RECEIVE_BYTES = "bondwatch.member.receive.bytes";
  public static final String MEMBER_TRANSMIT_BYTES = "bondwatch.member.transmit.bytes";
  public static final String MEMBER_RATE = "bondwatch.member.rate.bytes.per.second";
  public static final String MEMBER_RECOMMENDED = "bondwatch.member.recommended";
  public static final String MEMBER_CAPACITY = "bondwatch.member.capacity.bytes.per.second";
  public static final String MEMBER_FLAP_PENALTY = "bondwatch.member.flap.penalty";
  public static final String MEMBER_FLAPS = "bondwatch.member.flaps";
  public static final String MEMBER_SESSION_UP = "bondwatch.member.session.up";
  public static final String MEMBER_CARRIER = "bondwatch.member.carrier";
  public static final String LINK_EVENTS = "bondwatch.link.events";
  public static final String PPPD_EVENTS = "bondwatch.pppd.events";
  public static final String BOND_MEMBERS = "bondwatch.bond.members";
  public static final String BOND_MEMBERS_ACTIVE = "bondwatch.bond.members.active";
  public static final String BOND_EFFECTIVE_RATE = "bondwatch.bond.effective.rate.bytes.per.second";
  public static final String BOND_NOMINAL_RATE = "bondwatch.bond.nominal.rate.bytes.per.second";
  public static final String BOND_RECEIVE_BYTES = "bondwatch.bond.receive.bytes";
  public static final String BOND_TRANSMIT_BYTES = "bondwatch.bond.transmit.bytes";
  public static final String MEMBER_FRAME_AGE = "bondwatch.member.frame.age";
  public static final String BOND_RTT = "bondwatch.bond.rtt";
  public static final String BOND_LOSS = "bondwatch.bond.loss.ratio";
  public static final String BOND_FAULT = "bondwatch.bond.fault";
  public static final String MEMBER_TRAFFIC_RESYNCS = "bondwatch.member.traffic.resyncs";
  public static final String BOND_TRAFFIC_RESYNCS = "bondwatch.bond.traffic.resyncs";
  public static final String DECISIONS = "bondwatch.decisions";
  public static final String ACTUATIONS = "bondwatch.actuations";
  public static final String LOG_LINES = "bondwatch.log.lines";
  public static final String LOG_LINES_CAPPED = "bondwatch.log.lines.capped";
  public static final String LOG_ROTATIONS = "bondwatch.log.rotations";
  public static final String LOG_RECOVERED_BYTES = "bondwatch.log.recovered";
  public static final String LOG_NOT_REGULAR = "bondwatch.log.not.regular";
  public static final String LOG_CHECKPOINT_FALLBACKS = "bondwatch.log.checkpoint.fallbacks";
  public static final String NETDEV_READ_FAILURES = "bondwatch.netdev.read.failures";
  public static final String NETDEV_MALFORMED_LINES = "bondwatch.netdev.malformed.lines";
  public static final String CONFIG_RELOADS = "bondwatch.config.reloads";
  public static final String REPORTS = "bondwatch.reports";
  public static final String BUILD_INFO = "bondwatch.build.info";
  public static final String TASK_RUNS = "bondwatch.task.runs";
  public static final String TASK_FAILURES = "bondwatch.task.failures";
  public static final String TASK_SINCE_SUCCESS = "bondwatch.task.since.success";

  public static final String TAG_BOND = "bond";
  public static final String TAG_MEMBER = "member";
  public static final String TAG_STATE = "state";
  public static final String TAG_DIRECTION = "direction";
  public static final String TAG_EVENT = "event";
  public static final String TAG_RESULT = "result";
  public static final String TAG_KIND = "kind";
  public static final String TAG_OUTCOME = "outcome";
  public static final String TAG_TASK = "task";
  public static final String TAG_TARGET = "target";
  public static final String TAG_DEVICE = "device";
}
