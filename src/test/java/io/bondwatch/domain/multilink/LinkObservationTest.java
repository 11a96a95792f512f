package io.bondwatch.domain.multilink;

import static org.assertj.core.api.Assertions.assertThat;

import io.bondwatch.domain.link.OperState;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A link event in the shape the sysfs reading has, worded the same way. */
class LinkObservationTest {
  private static final Instant AT = Instant.parse("2026-11-29T12:00:00Z");

  private static LinkObservation of(boolean adminUp, boolean carrier, OperState oper) {
    return LinkObservation.of(
        new io.bondwatch.domain.link.LinkObservation("eth1", 4, adminUp, carrier, oper, 1, AT));
  }

  @Test
  void carrierLostIsWordedAsTheSysfsReadingIs() {
    LinkObservation o = of(true, false, OperState.LOWERLAYERDOWN);
    assertThat(o).isEqualTo(new LinkObservation("eth1", true, false, "lowerlayerdown", 4));
    assertThat(o.problem()).isEqualTo("carrier lost on eth1 (operstate lowerlayerdown)");
  }

  @Test
  void aDeviceSetDownHasNoCarrierToReadAsInSysfs() {
    LinkObservation o = of(false, false, OperState.DOWN);
    assertThat(o.carrier()).isNull();
    assertThat(o.problem()).isEqualTo("eth1 operstate is down");
  }

  @Test
  void aDeviceGoneIsMissingAndAWorkingOneHasNoProblem() {
    assertThat(LinkObservation.of(io.bondwatch.domain.link.LinkObservation.absent("eth1", 1, AT)))
        .isEqualTo(LinkObservation.missing("eth1"));
    assertThat(of(true, true, OperState.UP).problem()).isNull();
    assertThat(of(true, true, OperState.UNKNOWN).problem()).isNull();
  }
}
