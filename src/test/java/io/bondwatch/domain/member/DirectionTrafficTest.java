package io.bondwatch.domain.member;

import static org.assertj.core.api.Assertions.assertThat;

import io.bondwatch.time.FakeTimeSource;
import org.junit.jupiter.api.Test;

class DirectionTrafficTest {
  private final FakeTimeSource clock = new FakeTimeSource();

  private void tick(DirectionTraffic d, long raw) {
    clock.advanceMillis(1000);
    d.observe(raw, clock.monotonicNanos());
  }

  @Test
  void reportsTotalRateAndEstimatedCapacity() {
    DirectionTraffic d = new DirectionTraffic("m rx", TrafficSettings.DEFAULT, Capacity.UNKNOWN);
    d.observe(1_000_000, clock.monotonicNanos());
    for (int i = 1; i <= 20; i++) {
      tick(d, 1_000_000 + i * 625_000L);
    }

    DirectionReading r = d.read(clock.monotonicNanos());
    assertThat(r.totalBytes()).isEqualTo(20 * 625_000L);
    assertThat(r.bytesPerSecond()).isEqualTo(625_000);
    assertThat(r.capacity()).isEqualTo(new Capacity(625_000, Capacity.Source.ESTIMATED));
  }

  @Test
  void prefersTheConfiguredCapacity() {
    DirectionTraffic d =
        new DirectionTraffic("m rx", TrafficSettings.DEFAULT, Capacity.configured(100_000));
    d.observe(0, clock.monotonicNanos());
    for (int i = 1; i <= 20; i++) {
      tick(d, i * 625_000L);
    }

    assertThat(d.read(clock.monotonicNanos()).capacity()).isEqualTo(Capacity.configured(100_000));
  }

  @Test
  void showsNoSpikeOrNegativeRateWhenTheDeviceIsRecreated() {
    DirectionTraffic d = new DirectionTraffic("m rx", TrafficSettings.DEFAULT, Capacity.UNKNOWN);
    d.observe(3_000_000_000L, clock.monotonicNanos());
    tick(d, 3_000_100_000L);
    tick(d, 2_000);

    DirectionReading r = d.read(clock.monotonicNanos());
    assertThat(r.bytesPerSecond()).isEqualTo(2_000);
    assertThat(r.totalBytes()).isEqualTo(102_000);
    assertThat(r.counterResets()).isOne();
  }

  @Test
  void showsARateOfZeroWhileTheDeviceIsMissing() {
    DirectionTraffic d = new DirectionTraffic("m rx", TrafficSettings.DEFAULT, Capacity.UNKNOWN);
    d.observe(0, clock.monotonicNanos());
    tick(d, 500_000);
    clock.advanceMillis(1000);
    d.absent(clock.monotonicNanos());

    DirectionReading r = d.read(clock.monotonicNanos());
    assertThat(r.rateKnown()).isTrue();
    assertThat(r.bytesPerSecond()).isZero();
    assertThat(r.totalBytes()).isEqualTo(500_000);
  }

  @Test
  void countsImplausibleJumpsWithoutAddingThem() {
    DirectionTraffic d = new DirectionTraffic("m rx", TrafficSettings.DEFAULT, Capacity.UNKNOWN);
    d.observe(0, clock.monotonicNanos());
    tick(d, 5_000_000_000_000L);

    DirectionReading r = d.read(clock.monotonicNanos());
    assertThat(r.totalBytes()).isZero();
    assertThat(r.implausibleDeltas()).isOne();
  }
}
