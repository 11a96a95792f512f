package io.bondwatch.sink.metrics;

import io.bondwatch.domain.bond.BondRates;
import io.bondwatch.domain.link.LinkObservation;
import io.bondwatch.domain.link.OperState;
import io.bondwatch.domain.member.MemberSnapshot;
import io.bondwatch.domain.member.MemberState;
import io.bondwatch.domain.member.TargetSnapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Two members with fixed figures: dsl1 up, probed through two targets of which one fails; dsl2 down
 * (its eth2 without carrier), a multilink member judged by its underlay; a bundle interface and a
 * bundle probe.
 */
final class FixedMetricsSource implements MetricsSource {
  /** dsl1 is probed through its next hop and a far target, which does not answer. */
  private static final List<TargetSnapshot> DSL1_TARGETS =
      List.of(
          new TargetSnapshot(
              "192.0.2.1",
              true,
              TargetSnapshot.State.UP,
              Duration.ofMillis(12),
              0.01,
              1000,
              10,
              null),
          new TargetSnapshot(
              "198.51.100.7",
              false,
              TargetSnapshot.State.DOWN,
              null,
              0.6,
              1000,
              600,
              "15 consecutive probes lost (k=15)"));

  @Override
  public List<String> members() {
    return List.of("dsl1", "dsl2");
  }

  @Override
  public MemberSnapshot member(String name) {
    boolean one = name.equals("dsl1");
    return new MemberSnapshot(
        name,
        one ? MemberState.UP : MemberState.DOWN,
        one ? "restored after 10 answered probes in a row" : "7 consecutive probes lost",
        Instant.parse("2026-11-24T10:00:00Z"),
        one ? Duration.ofMillis(12) : null,
        one ? Duration.ofNanos(1_500_000) : null,
        one ? 0.01 : 0.5,
        0.02,
        one ? 1000 : 500,
        one ? 10 : 250,
        one ? 0 : 2,
        one ? Boolean.TRUE : null,
        one ? 3 : 7,
        one ? 0 : 7,
        one ? 40 : 0,
        one ? DSL1_TARGETS : List.of(),
        List.of(
            new LinkObservation(
                one ? "eth1" : "eth2",
                one ? 3 : 4,
                true,
                one,
                one ? OperState.UP : OperState.DOWN,
                0,
                Instant.parse("2026-11-24T10:00:00Z"))));
  }

  @Override
  public List<String> targets(String member) {
    return member.equals("dsl1")
        ? DSL1_TARGETS.stream().map(TargetSnapshot::target).toList()
        : List.of();
  }

  @Override
  public boolean active(String member) {
    return member.equals("dsl1");
  }

  @Override
  public double weight(String member) {
    return active(member) ? 1 : 0;
  }

  @Override
  public double capacity(String member, Direction direction) {
    return direction == Direction.RECEIVE ? 625_000 : 100_000;
  }

  @Override
  public BondRates bondRates() {
    return new BondRates(625_000, 100_000, 1_250_000, 200_000, 2, 1);
  }

  @Override
  public double memberBytes(String member, Direction direction) {
    return direction == Direction.RECEIVE ? 123_456 : 7_890;
  }

  @Override
  public double memberRate(String member, Direction direction) {
    return direction == Direction.RECEIVE ? 1_000 : 100;
  }

  @Override
  public double memberCounterResyncs(String member, Direction direction) {
    return member.equals("dsl1") && direction == Direction.RECEIVE ? 2 : 0;
  }

  @Override
  public double bundleCounterResyncs(Direction direction) {
    return direction == Direction.RECEIVE ? 1 : 0;
  }

  @Override
  public boolean hasBundle() {
    return true;
  }

  @Override
  public double bundleBytes(Direction direction) {
    return direction == Direction.RECEIVE ? 246_912 : 15_780;
  }

  @Override
  public double netdevReadFailures() {
    return 1;
  }

  @Override
  public double netdevMalformedLines() {
    return 3;
  }

  @Override
  public boolean recommended(String member) {
    return member.equals("dsl1");
  }

  @Override
  public boolean hasBondProbe() {
    return true;
  }

  @Override
  public double bondRttSeconds() {
    return 0.025;
  }

  @Override
  public double bondLossRatio() {
    return 0.02;
  }

  @Override
  public boolean bondFault() {
    return false;
  }

  @Override
  public boolean watchesUnderlay(String member) {
    return member.equals("dsl2");
  }

  @Override
  public double frameAgeSeconds(String member) {
    return 2.4;
  }
}
