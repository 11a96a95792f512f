package io.bondwatch.domain.multilink;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FrameHeartbeatTest {
  private static final long MS = 1_000_000L;
  private final FrameHeartbeat hb =
      new FrameHeartbeat(HeartbeatRule.defaults(Duration.ofMillis(200)));

  @Test
  void theSilenceAllowedFollowsTheHeartbeatSeenWithAFloorOfThreeSamples() {
    long rx = 0;
    for (int i = 1; i <= 20; i++) {
      hb.observe(i * 200 * MS, rx += 2);
    }
    assertThat(hb.thresholdNanos()).as("2 x 200 ms is below the floor").isEqualTo(600 * MS);
    for (int i = 1; i <= 10; i++) {
      hb.observe((20 + i * 5) * 200 * MS, rx += 1);
    }
    assertThat(hb.typicalGapNanos()).isEqualTo(200 * MS);
    assertThat(hb.thresholdNanos()).as("twice the 99th percentile gap, 1 s").isEqualTo(2000 * MS);
    assertThat(hb.longSilenceNanos()).isEqualTo(30_000 * MS);
  }

  @Test
  void atTenPercentFrameLossTheThresholdNeedsSixHeartbeatsInARowLost() {
    Random random = new Random(8);
    long rx = 0;
    for (int i = 1; i <= 3000; i++) {
      if (random.nextDouble() >= 0.1) {
        rx++;
      }
      hb.observe(i * 200 * MS, rx);
    }
    // the 99th percentile gap of a 10% lossy 200 ms heartbeat is 600 ms (two lost in a row)
    assertThat(hb.thresholdNanos()).isGreaterThanOrEqualTo(1200 * MS);
  }

  @Test
  void countsArrivalsAndFramesAfterAMomentAndSurvivesACounterReset() {
    hb.observe(0, 100);
    hb.observe(200 * MS, 103);
    hb.observe(400 * MS, 103);
    hb.observe(600 * MS, 5); // the device was created again: its counter starts anew
    assertThat(hb.arrivalsAfter(100 * MS)).isEqualTo(2);
    assertThat(hb.framesAfter(100 * MS)).isEqualTo(8);
    assertThat(hb.lastFrameNanos()).isEqualTo(600 * MS);
    assertThat(hb.ageNanos(700 * MS)).isEqualTo(100 * MS);
  }

  @Test
  void withoutFramesThereIsNoAge() {
    hb.observe(0, 7);
    hb.observe(200 * MS, 7);
    assertThat(hb.ageNanos(400 * MS)).isEqualTo(-1);
    assertThat(hb.lastFrameNanos()).isEqualTo(FrameHeartbeat.NEVER);
  }
}
