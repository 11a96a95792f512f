package io.bondwatch.domain.bond;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class MemberSetOptimizerTest {
  private static final double MBIT = 1e6 / 8;

  /** policy.drop.loss of DESIGN.md 3.2: 20%. */
  private final MemberSetOptimizer optimizer =
      new MemberSetOptimizer(GoodputCurve.forDropLoss(0.20));

  private static MemberQuality m(String name, double mbit, double loss) {
    return new MemberQuality(name, mbit * MBIT, mbit * MBIT / 8, loss);
  }

  @Test
  void dropsTheSlowMemberOfTenTenAndTwo() {
    MemberSetChoice c = optimizer.recommend(List.of(m("a", 10, 0), m("b", 10, 0), m("slow", 2, 0)));

    assertThat(c.members()).containsExactly("a", "b");
    assertThat(c.goodputDown()).isCloseTo(20 * MBIT, within(1e-6));
  }

  @Test
  void dropsTheMemberWithTwentyPercentLoss() {
    MemberSetChoice c =
        optimizer.recommend(List.of(m("a", 6, 0), m("lossy", 6, 0.20), m("c", 6, 0)));

    assertThat(c.members()).containsExactly("a", "c");
    assertThat(c.goodputDown()).isCloseTo(12 * MBIT, within(1e-6));
  }

  @Test
  void keepsAllThreeWhenOneLosesThreePercent() {
    MemberSetChoice c = optimizer.recommend(List.of(m("a", 6, 0), m("b", 6, 0.03), m("c", 6, 0)));

    assertThat(c.members()).containsExactly("a", "b", "c");
    assertThat(c.bundleLoss()).isCloseTo(0.03, within(1e-12));
    assertThat(c.goodputDown()).isGreaterThan(12 * MBIT);
  }

  @Test
  void keepsOnlyTheHealthyOneOfTwoWhenTheOtherLosesAQuarter() {
    MemberSetChoice c = optimizer.recommend(List.of(m("lossy", 6, 0.25), m("ok", 6, 0)));

    assertThat(c.members()).containsExactly("ok");
    assertThat(c.goodputDown()).isCloseTo(6 * MBIT, within(1e-6));
  }

  @Test
  void prefersMoreMembersWhenGoodputIsEqual() {
    // 6+6 equals 12 alone: the drop would gain nothing
    MemberSetChoice c = optimizer.recommend(List.of(m("big", 12, 0), m("a", 6, 0), m("b", 6, 0)));

    assertThat(c.members()).containsExactly("big", "a", "b");
    assertThat(c.goodputDown()).isCloseTo(18 * MBIT, within(1e-6));
  }

  @Test
  void breaksAFullTieByConfigOrder() {
    MemberSetChoice c =
        optimizer.recommend(List.of(m("a", 6, 0.5), m("b", 6, 0.5), m("c", 6, 0.5)));

    // every set is worth 0: the largest set wins
    assertThat(c.members()).containsExactly("a", "b", "c");
    MemberSetChoice pair = optimizer.recommend(List.of(m("x", 6, 0), m("y", 6, 0.5), m("z", 6, 0)));
    assertThat(pair.members()).containsExactly("x", "z");
  }

  @Test
  void usesUploadToBreakADownloadTieBeforeSetSize() {
    MemberQuality fast = new MemberQuality("fast", 12 * MBIT, 2 * MBIT, 0);
    MemberQuality slow = new MemberQuality("slow", 6 * MBIT, 0.5 * MBIT, 0);

    // both sets give 12 down; alone, fast gives 2 up against 1 up for the pair
    assertThat(optimizer.recommend(List.of(fast, slow)).members()).containsExactly("fast");
  }

  @Test
  void refusesARateOfZeroForUnknown() {
    assertThatThrownBy(() -> new MemberQuality("a", 0, 1, 0))
        .hasMessageContaining("rates must be > 0, or NaN while unknown");
  }

  @Test
  void keepsAHealthyMemberWhoseCapacityIsNotKnownYet() {
    MemberQuality unknown = new MemberQuality("new", Double.NaN, Double.NaN, 0);

    MemberSetChoice c = optimizer.recommend(List.of(m("a", 5, 0), unknown));

    assertThat(c.members()).containsExactly("a", "new");
    assertThat(c.goodputDown()).isNaN();
    assertThat(c.goodputUp()).isNaN();
  }

  @Test
  void judgesAMemberOfUnknownCapacityByItsLoss() {
    MemberQuality lossy = new MemberQuality("new", Double.NaN, Double.NaN, 0.25);

    MemberSetChoice c = optimizer.recommend(List.of(m("a", 5, 0), m("b", 5, 0), lossy));

    assertThat(c.members()).containsExactly("a", "b");
    assertThat(c.goodputDown()).isCloseTo(10 * MBIT, within(1e-6));
  }

  @Test
  void keepsEveryHealthyMemberWhenNoCapacityIsKnown() {
    MemberQuality a = new MemberQuality("a", Double.NaN, Double.NaN, 0);
    MemberQuality b = new MemberQuality("b", Double.NaN, Double.NaN, 0.01);

    assertThat(optimizer.recommend(List.of(a, b)).members()).containsExactly("a", "b");
  }

  @Test
  void curveIsOneWithoutLossAndZeroAtTheDropLoss() {
    GoodputCurve g = GoodputCurve.forDropLoss(0.20);

    assertThat(g.fraction(0)).isEqualTo(1);
    assertThat(g.fraction(0.02)).isEqualTo(1);
    assertThat(g.fraction(0.03)).isCloseTo(0.731, within(0.001));
    assertThat(g.fraction(0.10)).isCloseTo(0.192, within(0.001));
    assertThat(g.fraction(0.1999999)).isCloseTo(0, within(1e-6));
    assertThat(g.fraction(0.20)).isZero();
  }

  @Property
  void curveNeverRisesWithLoss(
      @ForAll @DoubleRange(min = 0, max = 1) double p,
      @ForAll @DoubleRange(min = 0, max = 1) double q) {
    GoodputCurve g = GoodputCurve.forDropLoss(0.20);
    double lo = Math.min(p, q);
    double hi = Math.max(p, q);

    assertThat(g.fraction(hi)).isLessThanOrEqualTo(g.fraction(lo));
  }

  @Property
  void recommendationBeatsTheFullSetEverySingleMemberAndKeepsNoDroppableMember(
      @ForAll @Size(min = 1, max = 6) List<@IntRange(min = 1, max = 20) Integer> mbits,
      @ForAll @Size(min = 6, max = 6) List<@IntRange(min = 0, max = 30) Integer> lossPercents) {
    List<MemberQuality> ms = new ArrayList<>();
    for (int i = 0; i < mbits.size(); i++) {
      ms.add(m("m" + i, mbits.get(i), lossPercents.get(i) / 100.0));
    }

    MemberSetChoice best = optimizer.recommend(ms);

    double tolerance = 1e-6;
    assertThat(best.goodputDown())
        .isGreaterThanOrEqualTo(optimizer.evaluate(ms).goodputDown() - tolerance);
    for (MemberQuality single : ms) {
      assertThat(best.goodputDown())
          .isGreaterThanOrEqualTo(optimizer.evaluate(List.of(single)).goodputDown() - tolerance);
    }
    boolean anyHealthy = ms.stream().anyMatch(x -> x.loss() < 0.20);
    if (anyHealthy) {
      assertThat(ms.stream().filter(x -> best.members().contains(x.name())))
          .allMatch(x -> x.loss() < 0.20);
    }
  }
}
