package io.bondwatch.domain.member;

import static org.assertj.core.api.Assertions.assertThat;

import io.bondwatch.source.probe.ProbeResult;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Rounds over up to four targets whose pings keep step (all within two thirds of an interval, short
 * of what realigns them), answering fast, slowly (after several intervals), never, or going silent
 * for stretches: rounds come out once each and in order, a lost round is taken back at most once,
 * and in the end every round is answered exactly when at least {@code quorum} of its probes were.
 */
class QuorumRoundsPropertyTest {
  private static final long I = 200;
  private static final int ROUNDS = 150;
  private static final Long[] RTTS = {5L, 40L, 150L, 260L, 450L, 700L, null};

  @Provide
  Arbitrary<List<Integer>> probes() {
    // per probe: an index into RTTS, or RTTS.length for "its ping said nothing"
    return Arbitraries.integers().between(0, RTTS.length).list().ofSize(4 * ROUNDS);
  }

  @Property(tries = 200)
  void everyRoundIsDecidedOnceInOrderAndByItsQuorum(
      @ForAll @IntRange(min = 1, max = 4) int targets,
      @ForAll @IntRange(min = 1, max = 4) int quorumWish,
      @ForAll("probes") List<Integer> probes,
      @ForAll @IntRange(min = 0, max = 45) int phaseStep) {
    int quorum = Math.min(quorumWish, targets);
    List<String> names = List.of("a", "b", "c", "d").subList(0, targets);
    QuorumRounds rounds =
        new QuorumRounds("dsl1", new ProbeQuorum(names, quorum, 0), I * 1_000_000);
    PingScript<?> pings = new PingScript<>(I);
    int[] answered = new int[ROUNDS + 1];
    int last = 0;
    for (int t = 0; t < targets; t++) {
      long phase = (long) t * phaseStep;
      for (int n = 1; n <= ROUNDS; n++) {
        int pick = probes.get(t * ROUNDS + n - 1);
        if (pick == RTTS.length && (t > 0 || n > 1)) {
          // silent: no line about this probe at all (the first probe of the first target always
          // has one, as all pings start together: ping's sequence starts the rounds)
          continue;
        }
        pick = Math.min(pick, RTTS.length - 1);
        last = Math.max(last, n);
        Long rtt = RTTS[pick];
        pings.probe(t, n, n * I + phase, rtt);
        if (rtt != null) {
          answered[n]++;
        }
      }
    }
    pings.play(rounds::accept);

    List<Long> inOrder = new ArrayList<>();
    Set<Long> lost = new HashSet<>();
    Map<Long, Boolean> verdict = new HashMap<>();
    for (ProbeResult r : pings.emitted) {
      if (r.ok() && lost.contains(r.seq())) {
        assertThat(verdict.put(r.seq(), true)).as("taken back once: round " + r.seq()).isFalse();
        continue;
      }
      inOrder.add(r.seq());
      verdict.put(r.seq(), r.ok());
      if (!r.ok()) {
        lost.add(r.seq());
      }
    }
    for (int i = 1; i < inOrder.size(); i++) {
      assertThat(inOrder.get(i))
          .as("rounds in order, none twice")
          .isEqualTo(inOrder.get(i - 1) + 1);
    }
    // the last rounds may still wait for a silent target; every earlier one is decided
    assertThat(inOrder.size()).isGreaterThanOrEqualTo(last - QuorumRounds.LAG);
    assertThat(inOrder.isEmpty() || inOrder.get(0) == 1).as("from the first round").isTrue();
    for (long n = 1; n <= inOrder.size(); n++) {
      assertThat(verdict.get(n))
          .as("round %d: %d of %d answered, quorum %d", n, answered[(int) n], targets, quorum)
          .isEqualTo(answered[(int) n] >= quorum);
    }
  }
}
