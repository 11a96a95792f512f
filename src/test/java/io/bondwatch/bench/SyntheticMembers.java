package io.bondwatch.bench;

import io.bondwatch.domain.bond.BondRates;
import io.bondwatch.domain.member.MemberSnapshot;
import io.bondwatch.domain.member.MemberState;
import io.bondwatch.sink.metrics.MetricsSource;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

/** N members with plausible, fixed figures: what a scrape of N members exports, without links. */
final class SyntheticMembers implements MetricsSource {
  private static final Instant SINCE = Instant.parse("2026-11-29T10:00:00Z");
  private static final Duration RTT = Duration.ofMillis(12);
  private static final Duration JITTER = Duration.ofNanos(1_500_000);
  private final List<String> names;

  SyntheticMembers(int n) {
    names = IntStream.rangeClosed(1, n).mapToObj(i -> "dsl" + i).toList();
  }

  @Override
  public List<String> members() {
    return names;
  }

  /** A new snapshot per call, as the live members take one under their lock. */
  @Override
  public MemberSnapshot member(String name) {
    return new MemberSnapshot(
        name,
        MemberState.UP,
        "restored after 10 answered probes in a row",
        SINCE,
        RTT,
        JITTER,
        0.01,
        0.002,
        123_456,
        789,
        3,
        Boolean.TRUE,
        3,
        0,
        40,
        List.of(),
        List.of());
  }

  @Override
  public boolean active(String member) {
    return true;
  }

  @Override
  public double weight(String member) {
    return 1;
  }

  @Override
  public double capacity(String member, Direction direction) {
    return direction == Direction.RECEIVE ? 625_000 : 100_000;
  }

  @Override
  public BondRates bondRates() {
    return new BondRates(
        625_000.0 * names.size(),
        100_000.0 * names.size(),
        625_000.0 * names.size(),
        100_000.0 * names.size(),
        names.size(),
        names.size());
  }

  @Override
  public double memberBytes(String member, Direction direction) {
    return direction == Direction.RECEIVE ? 9_876_543_210.0 : 1_234_567_890.0;
  }

  @Override
  public double memberRate(String member, Direction direction) {
    return direction == Direction.RECEIVE ? 512_345.6 : 81_234.5;
  }

  @Override
  public double memberCounterResyncs(String member, Direction direction) {
    return 0;
  }

  @Override
  public double bundleCounterResyncs(Direction direction) {
    return 0;
  }

  @Override
  public boolean hasBundle() {
    return true;
  }

  @Override
  public double bundleBytes(Direction direction) {
    return direction == Direction.RECEIVE ? 9e10 : 1e10;
  }

  @Override
  public double netdevReadFailures() {
    return 0;
  }

  @Override
  public double netdevMalformedLines() {
    return 0;
  }

  @Override
  public boolean recommended(String member) {
    return true;
  }
}
