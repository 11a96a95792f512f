package io.bondwatch.sink.metrics;

import io.bondwatch.domain.bond.BondRates;
import io.bondwatch.domain.member.MemberSnapshot;
import java.util.List;

/** What the metrics binder reads; the wiring implements it over the live model. */
public interface MetricsSource {

  /** Configured member names, in config order. Fixed for the life of the binder. */
  List<String> members();

  MemberSnapshot member(String name);

  /** 1 while the member carries bond traffic as actuated, else 0. */
  boolean active(String member);

  /** Applied weight, 0 when dropped. */
  double weight(String member);

  /** Capacity the bond model uses, bytes per second; NaN while unknown. */
  double capacity(String member, Direction direction);

  BondRates bondRates();

  /** Bytes the member's device carried since start, monotonic across counter resets. */
  double memberBytes(String member, Direction direction);

  /** The member device's rate over the last second, bytes per second. */
  double memberRate(String member, Direction direction);

  /** Readings of the member's device counter that did not continue it (docs/traffic.md). */
  double memberCounterResyncs(String member, Direction direction);

  /** Whether a bundle interface is configured, so bundle counters exist. */
  boolean hasBundle();

  /** Bytes the bundle interface carried since start, monotonic. */
  double bundleBytes(Direction direction);

  /** Readings of the bundle interface counter that did not continue it. */
  double bundleCounterResyncs(Direction direction);

  /** Failed reads of /proc/net/dev since start. */
  double netdevReadFailures();

  /** Malformed /proc/net/dev lines skipped since start. */
  double netdevMalformedLines();

  /** 1 when the best-member-set model recommends this member for the bundle, else 0. */
  boolean recommended(String member);

  /** Whether the bundle is probed ({@code bond.probe}), so the bundle probe's figures exist. */
  default boolean hasBondProbe() {
    return false;
  }

  /** The bundle probe's smoothed RTT in seconds; NaN before an answer. */
  default double bondRttSeconds() {
    return Double.NaN;
  }

  /** The bundle probe's loss, judged as a member's (docs/down-rule.md). */
  default double bondLossRatio() {
    return Double.NaN;
  }

  /** Whether the bundle stalls with no member to blame (a bundle-level fault, DESIGN.md 1b). */
  default boolean bondFault() {
    return false;
  }

  /** Whether the member is judged by its underlay (a multilink member without a probe). */
  default boolean watchesUnderlay(String member) {
    return false;
  }

  /** Seconds since the member's underlay last received a frame; NaN before one. */
  default double frameAgeSeconds(String member) {
    return Double.NaN;
  }

  /** Traffic direction as seen from the router: receive is download. */
  enum Direction {
    RECEIVE,
    TRANSMIT;

    public String label() {
      return this == RECEIVE ? "receive" : "transmit";
    }
  }
}
