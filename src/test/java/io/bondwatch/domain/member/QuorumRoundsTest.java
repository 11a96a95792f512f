package io.bondwatch.domain.member;

import static org.assertj.core.api.Assertions.assertThat;

import io.bondwatch.source.probe.ProbeResult;
import io.bondwatch.source.probe.ProbeResult.Outcome;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Probe rounds over two targets, fed what each target's ping reports, when it reports it. */
class QuorumRoundsTest {
  private static final long I = 200; // probe interval, ms

  private static final class Pings extends PingScript<Pings> {
    final QuorumRounds rounds;

    Pings(int quorum, int nextHop) {
      super(I);
      rounds =
          new QuorumRounds(
              "dsl1", new ProbeQuorum(List.of("a", "b"), quorum, nextHop), I * 1_000_000);
    }

    /**
     * Probes 1..n of both targets every interval from {@code start}, target b {@code lag} later.
     */
    Pings both(long first, int n, long start, long lag, Long rttA, Long rttB) {
      for (int i = 0; i < n; i++) {
        probe(0, first + i, start + i * I, rttA);
        probe(1, first + i, start + lag + i * I, rttB);
      }
      return this;
    }

    Pings play() {
      play(rounds::accept);
      return this;
    }
  }

  @Test
  void oneTargetAnsweringMeetsAQuorumOfOneEveryRoundInOrder() {
    Pings p = new Pings(1, 0).both(1, 20, 0, 3, 5L, null).play();
    assertThat(p.emitted).allMatch(ProbeResult::ok).hasSize(20);
    assertThat(p.emitted).extracting(ProbeResult::seq).isSorted().doesNotHaveDuplicates();
    assertThat(p.emitted).allMatch(r -> r.member().equals("dsl1"));
    assertThat(p.emitted.get(0).rtt()).isEqualTo(Duration.ofMillis(5));
  }

  @Test
  void aRoundIsLostOnlyWhenEveryTargetFailedAndSaysNothingAnswers() {
    Pings p = new Pings(1, 0).both(1, 5, 0, 3, 5L, 8L).both(6, 3, 5 * I, 3, null, null).play();
    assertThat(p.emitted).hasSize(8);
    assertThat(p.lost()).extracting(ProbeResult::seq).containsExactly(6L, 7L, 8L);
    ProbeResult lost = p.lost().get(0);
    assertThat(lost.outcome()).isEqualTo(Outcome.LOST);
    assertThat(lost.reason()).isEqualTo("no target answers (the line): no reply from a, b");
    assertThat(p.at.get(5)).as("known when the second target's miss is").isEqualTo(5 * I + 3 + I);
  }

  @Test
  void theNextHopAnsweringWithoutTheQuorumIsUpstreamAndNamesTheTarget() {
    Pings p = new Pings(2, 0).both(1, 3, 0, 3, 5L, null).play();
    assertThat(p.lost()).hasSize(3);
    assertThat(p.lost().get(0).reason())
        .isEqualTo("upstream: next hop a answers, b does not (1 of 2 answered, quorum 2)");
    Pings q = new Pings(2, 1).both(1, 1, 0, 3, 5L, null).play();
    assertThat(q.lost().get(0).reason())
        .isEqualTo(
            "next hop b does not answer while a does (the line works) (1 of 2 answered, quorum"
                + " 2)");
  }

  @Test
  void oneReasonOfEveryTargetIsSaidOnceAndAnErrorIsAFailureNotALoss() {
    String down = "link down: eth1 operstate is down";
    Pings p =
        new Pings(1, 0)
            .result(0, 200, 1, Outcome.ERROR, down)
            .result(1, 203, 1, Outcome.ERROR, down)
            .result(0, 400, 2, Outcome.NOT_SENT, "ping exited: x")
            .result(1, 403, 2, Outcome.NOT_SENT, "ping exited: x")
            .result(0, 600, 3, Outcome.NOT_SENT, "ping exited: x")
            .result(1, 603, 3, Outcome.ERROR, "Destination Host Unreachable from 10.0.0.1")
            .play();
    assertThat(p.emitted)
        .extracting(ProbeResult::outcome)
        .containsExactly(Outcome.ERROR, Outcome.NOT_SENT, Outcome.ERROR);
    assertThat(p.emitted)
        .extracting(ProbeResult::reason)
        .containsExactly(
            "no target answers (the line): " + down,
            "no target answers (the line): ping exited: x",
            "no target answers (the line): a: ping exited: x; b: Destination Host Unreachable"
                + " from 10.0.0.1");
  }

  @Test
  void slowRepliesTakeTheirRoundsLossBackAsLateAnswers() {
    // a loaded line: replies after 600 ms, three intervals, so ping reports each probe lost first
    Pings p = new Pings(1, 0).both(1, 10, 0, 3, 600L, 650L).play();
    assertThat(p.lost()).hasSize(10);
    assertThat(p.emitted).hasSize(20);
    assertThat(p.story().subList(0, 6)).containsExactly(1L, 2L, -1L, 3L, -2L, 4L);
    assertThat(p.emitted.stream().filter(ProbeResult::ok).map(ProbeResult::rtt))
        .as("the first answer completes the quorum")
        .containsOnly(Duration.ofMillis(600));
  }

  @Test
  void anAnsweredRoundWaitsForTheOneBeforeItToBeDecided() {
    Pings p =
        new Pings(1, 0)
            .probe(0, 1, 0, null)
            .probe(1, 1, 90, null) // b's probes are late in the interval: its miss comes last
            .probe(0, 2, I, 5L)
            .probe(1, 2, I + 90, 5L)
            .play();
    assertThat(p.story()).containsExactly(1L, 2L);
    assertThat(p.at).as("when b's miss came").containsExactly(I + 90, I + 90);
  }

  @Test
  void aTargetWhosePingSaysNothingHoldsRoundsForThreeIntervalsAndIsNamed() {
    Pings p = new Pings(1, 0);
    for (int i = 0; i < 8; i++) {
      p.probe(0, 1 + i, i * I, null); // b's ping is hung: not a line from it
    }
    p.play();
    assertThat(p.lost()).extracting(ProbeResult::seq).containsExactly(1L, 2L, 3L, 4L, 5L);
    assertThat(p.lost().get(0).reason())
        .isEqualTo("no target answers (the line): a: no reply; b: its ping reported nothing");
    assertThat(p.at.get(0)).as("given up three rounds after a's miss").isEqualTo(I + 3 * I);
  }

  @Test
  void aLateAnswerOfAGivenUpTargetStillTakesTheRoundBack() {
    Pings p = new Pings(1, 0);
    for (int i = 0; i < 6; i++) {
      p.probe(0, 1 + i, i * I, null);
    }
    p.probe(1, 1, 3, 1500L); // b answers its first probe after 1.5 s, long after it was given up
    p.play();
    assertThat(p.story()).startsWith(1L, 2L, 3L, -1L);
  }

  @Test
  void aTargetWhosePingHungIsRealignedSoAnOutageIsSeenAtOnce() {
    Pings p = new Pings(2, 0).both(1, 10, 0, 4, 5L, 6L);
    // b's ping hangs for six intervals and comes back numbering on: six behind a from now on
    for (int i = 10; i < 30; i++) {
      p.probe(0, 1 + i, i * I, 5L);
      if (i >= 16) {
        p.probe(1, 1 + i - 6, i * I + 4, 6L);
      }
    }
    p.play();
    assertThat(p.lost())
        .as("only the rounds while b said nothing")
        .extracting(ProbeResult::seq)
        .containsExactly(11L, 12L, 13L, 14L, 15L, 16L);
    assertThat(p.lost().get(0).reason())
        .isEqualTo(
            "upstream: next hop a answers, b does not (1 of 2 answered, quorum 2); b: its ping"
                + " reported nothing");
    // b's target dies at 6000 ms: with quorum 2 the round is lost as soon as b's miss is known
    for (int i = 30; i < 35; i++) {
      p.probe(0, 1 + i, i * I, 5L).probe(1, 1 + i - 6, i * I + 4, null);
    }
    p.play();
    ProbeResult first = p.lost().get(6);
    assertThat(first.seq()).isEqualTo(31);
    assertThat(p.at.get(p.emitted.indexOf(first))).isEqualTo(30 * I + 4 + I);
  }

  @Test
  void aPingDriftingAWholeIntervalOverTimeStaysPaired() {
    // b's interval is 1 ms longer than a's: after 300 probes it sends 1.5 intervals after a. The
    // line dies at 60 s: nothing sent from then on is answered.
    long dead = 300 * I;
    Pings p = new Pings(1, 0);
    for (int i = 0; i < 310; i++) {
      p.probe(0, 1 + i, i * I, i * I < dead ? 5L : null);
      p.probe(1, 1 + i, i * (I + 1), i * (I + 1) < dead ? 5L : null);
    }
    p.play();
    ProbeResult first = p.lost().get(0);
    long found = p.at.get(p.emitted.indexOf(first));
    assertThat(p.lost()).as("none before the death").allMatch(r -> r.monotonicNanos() > dead);
    assertThat(found - dead)
        .as("the first probes after the death, paired within half an interval, plus one interval")
        .isLessThan(2 * I);
  }
}
