package io.bondwatch.domain.member;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MemberTransitionsTest {

  @Test
  void everyStateCanBeDrainedExceptDrainedItself() {
    for (MemberState s : MemberState.values()) {
      assertThat(MemberTransitions.isLegal(s, MemberState.DRAINED))
          .as(s + " -> drained")
          .isEqualTo(s != MemberState.DRAINED);
    }
  }

  @Test
  void drainedMemberReturnsOnlyThroughDown() {
    assertThat(MemberTransitions.targets(MemberState.DRAINED)).containsExactly(MemberState.DOWN);
  }

  @Test
  void downMemberCannotBecomeDownAgainOrSkipToDrainedByMistake() {
    assertThatThrownBy(() -> MemberTransitions.check(MemberState.DOWN, MemberState.DOWN))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("DOWN -> DOWN");
  }

  @Test
  void labelsAreLowerCase() {
    assertThat(MemberState.SUPPRESSED.label()).isEqualTo("suppressed");
  }
}
