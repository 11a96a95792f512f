package io.bondwatch.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReadinessTest {

  @Test
  void readyHasNoProblemsAndNotReadySaysWhy() {
    assertThat(Readiness.of(List.of())).isEqualTo(Readiness.READY);
    assertThat(Readiness.notReady("starting").problems()).containsExactly("starting");
    assertThatThrownBy(() -> new Readiness(false, List.of())).hasMessageContaining("says why");
    assertThatThrownBy(() -> new Readiness(true, List.of("x"))).hasMessageContaining("no problems");
  }

  @Test
  void combinedReadinessKeepsEveryProblem() {
    Readiness a = Readiness.notReady("starting");
    Readiness b = Readiness.notReady("pppd log: not opened");
    assertThat(a.and(b).problems()).containsExactly("starting", "pppd log: not opened");
    assertThat(Readiness.READY.and(b)).isEqualTo(b);
    assertThat(a.and(Readiness.READY)).isEqualTo(a);
    assertThat(Readiness.READY.and(Readiness.READY).ok()).isTrue();
  }
}
