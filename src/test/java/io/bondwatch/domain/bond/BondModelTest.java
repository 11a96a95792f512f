package io.bondwatch.domain.bond;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class BondModelTest {
  private static final double MBIT = 1_000_000 / 8.0;
  private static final double KBIT = 1_000 / 8.0;

  private static MemberCapacity m(String name, boolean active, double down, double up) {
    return new MemberCapacity(name, active, down, up);
  }

  @Test
  void multilinkRunsAtSlowestMemberTimesCountPerDirection() {
    BondRates r =
        new BondModel(BondMode.MULTILINK)
            .rates(
                List.of(
                    m("dsl1", true, 5.0 * MBIT, 800 * KBIT),
                    m("dsl2", true, 6.0 * MBIT, 512 * KBIT)));

    assertThat(r.effectiveDown()).isCloseTo(10.0 * MBIT, within(1e-6));
    assertThat(r.effectiveUp()).isCloseTo(1.024 * MBIT, within(1e-6));
  }

  @Test
  void slowThirdMemberDragsMultilinkDownFromTwentyToSix() {
    BondModel model = new BondModel(BondMode.MULTILINK);
    List<MemberCapacity> all =
        List.of(m("a", true, 10 * MBIT, 1), m("b", true, 10 * MBIT, 1), m("c", true, 2 * MBIT, 1));
    List<MemberCapacity> withoutSlow =
        List.of(m("a", true, 10 * MBIT, 1), m("b", true, 10 * MBIT, 1), m("c", false, 2 * MBIT, 1));

    assertThat(model.rates(all).effectiveDown()).isCloseTo(6 * MBIT, within(1e-6));
    assertThat(model.rates(withoutSlow).effectiveDown()).isCloseTo(20 * MBIT, within(1e-6));
    assertThat(model.rates(withoutSlow).nominalDown()).isCloseTo(6 * MBIT, within(1e-6));
    assertThat(model.rates(withoutSlow).activeMembers()).isEqualTo(2);
  }

  @Test
  void weightedModeSumsActiveMembers() {
    BondRates r =
        new BondModel(BondMode.WEIGHTED)
            .rates(
                List.of(
                    m("a", true, 10 * MBIT, 1 * MBIT),
                    m("b", false, 10 * MBIT, 1 * MBIT),
                    m("c", true, 2 * MBIT, 0.5 * MBIT)));

    assertThat(r.effectiveDown()).isCloseTo(12 * MBIT, within(1e-6));
    assertThat(r.effectiveUp()).isCloseTo(1.5 * MBIT, within(1e-6));
    assertThat(r.nominalDown()).isCloseTo(22 * MBIT, within(1e-6));
  }

  @Test
  void aCapacityNotKnownYetMakesTheRateUnknownNotZero() {
    BondRates r =
        new BondModel(BondMode.MULTILINK)
            .rates(List.of(m("dsl1", true, 5 * MBIT, 800 * KBIT), m("dsl2", true, Double.NaN, 1)));

    assertThat(r.effectiveDown()).isNaN();
    assertThat(r.nominalDown()).isNaN();
    assertThat(r.effectiveUp()).isCloseTo(2.0, within(1e-9));
  }

  @Test
  void noActiveMemberCarriesNothing() {
    BondRates r = new BondModel(BondMode.MULTILINK).rates(List.of(m("a", false, MBIT, MBIT)));
    assertThat(r.effectiveDown()).isZero();
    assertThat(r.nominalDown()).isCloseTo(MBIT, within(1e-9));
  }
}
