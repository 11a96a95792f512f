package io.bondwatch.domain.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AssignmentTest {
  private static final Instant AT = Instant.parse("2026-11-29T10:00:00Z");

  @Test
  void aMemberOfWeightZeroIsOutOfTheBond() {
    Assignment a = new Assignment(Map.of("dsl1", 1)).with("dsl2", 3).with("dsl1", 0);
    assertThat(a.active()).containsExactly("dsl2");
    assertThat(a.weight("dsl1")).isZero();
    assertThat(a.weight("dsl2")).isEqualTo(3);
  }

  @Test
  void weightsAreLinuxNexthopWeights() {
    assertThatThrownBy(() -> new Assignment(Map.of("dsl1", 257)))
        .hasMessageContaining("dsl1")
        .hasMessageContaining("0..256");
    assertThatThrownBy(() -> new Assignment(Map.of("dsl1", -1))).hasMessageContaining("0..256");
  }

  @Test
  void aDropLeavesWeightZeroAndNothingElseDoes() {
    new Decision("dsl1", Action.DROP, Reason.PROBE_LOSS, 0, "5 probes lost in a row", AT);
    new Decision("dsl1", Action.RESTORE, Reason.RECOVERED, 1, "10 answered", AT);
    assertThatThrownBy(() -> new Decision("dsl1", Action.DROP, Reason.PROBE_LOSS, 1, "x", AT))
        .hasMessageContaining("drop with weight 1");
    assertThatThrownBy(() -> new Decision("dsl1", Action.RESTORE, Reason.RECOVERED, 0, "x", AT))
        .hasMessageContaining("restore with weight 0");
  }
}
