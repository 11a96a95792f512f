package io.bondwatch.domain.member;

import io.bondwatch.source.probe.ProbeResult;
import java.time.Duration;
import java.util.Locale;

/**
 * The words a member gives for its state. Built from the same figures that are shown beside them
 * (the loss and RTT of the snapshot), so reason and figures never disagree.
 */
final class MemberReasons {
  static final String STARTING = "starting: waiting for probes to answer";

  /** Prefix of reasons saying a device of the member cannot carry traffic. */
  static final String LINK_DOWN = "link down: ";

  private MemberReasons() {}

  /** Up or degraded: the figures the degraded rule judges, e.g. "loss 1.2%, rtt 12.0 ms". */
  static String figures(double loss, Duration rtt) {
    return String.format(
        Locale.ROOT,
        "loss %.1f%%, rtt %s",
        loss * 100,
        rtt == null ? "-" : String.format(Locale.ROOT, "%.1f ms", rtt.toNanos() / 1e6));
  }

  /** A move between up and degraded, in the figures that made it. */
  static String crossed(MemberState target, double loss, Duration rtt) {
    return (target == MemberState.DEGRADED
            ? "over degraded thresholds: "
            : "back within thresholds: ")
        + figures(loss, rtt);
  }

  /** Up: "within thresholds: loss ..."; degraded: the figures and what brings it back up. */
  static String health(MemberState state, double loss, Duration rtt, MemberPolicy policy) {
    if (state != MemberState.DEGRADED) {
      return "within thresholds: " + figures(loss, rtt);
    }
    double share = MemberPolicy.RECOVERY_SHARE;
    return "degraded: "
        + figures(loss, rtt)
        + String.format(
            Locale.ROOT,
            "; up again below loss %.1f%% and rtt %.1f ms",
            policy.degradedLoss() * share * 100,
            policy.degradedRtt().toNanos() * share / 1e6);
  }

  /**
   * A run of failed probes, in the words of the latest one: "4 probes not sent in a row: ping
   * exited: ping: SO_BINDTODEVICE eth9: No such device".
   */
  static String failing(int run, ProbeResult latest) {
    String verb =
        switch (latest.outcome()) {
          case NOT_SENT -> "not sent";
          case ERROR -> "failed";
          default -> "lost";
        };
    StringBuilder sb = new StringBuilder();
    sb.append(run).append(run == 1 ? " probe " : " probes ").append(verb);
    if (run > 1) {
      sb.append(" in a row");
    }
    if (latest.reason() != null) {
      sb.append(": ").append(latest.reason());
    }
    return sb.toString();
  }

  static String restoring(int answered, int needed) {
    return "restoring: " + answered + " of " + needed + " probes answered in a row";
  }

  static String pppdDown(String why, boolean probesAnswer) {
    return "pppd: "
        + why
        + (probesAnswer ? "; probes answer, but pppd must report the session up first" : "");
  }

  static String pppdDownUnderlay(String why, boolean framesFlow) {
    return "pppd: "
        + why
        + (framesFlow ? "; frames flow, but pppd must report the session up first" : "");
  }
}
