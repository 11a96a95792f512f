package io.bondwatch.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class TickWatchdogTest {
  private final FakeTimeSource time = new FakeTimeSource();
  private final TickWatchdog dog =
      new TickWatchdog(time, Duration.ofSeconds(1), Duration.ofSeconds(2));

  @Test
  void regularTicksAreOk() {
    time.advanceMillis(1000);
    assertThat(dog.tick()).isEqualTo(TickWatchdog.Verdict.OK);
  }

  @Test
  void noticesWallClockSetBack() {
    time.advanceMillis(1000);
    time.setWall(time.wallTime().minusSeconds(3600));
    assertThat(dog.tick()).isEqualTo(TickWatchdog.Verdict.WALL_JUMPED_BACK);
  }

  @Test
  void noticesLateTick() {
    time.advanceMillis(10_000);
    assertThat(dog.tick()).isEqualTo(TickWatchdog.Verdict.LATE);
  }
}
