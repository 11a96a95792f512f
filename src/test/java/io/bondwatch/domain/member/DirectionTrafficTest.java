package io.bondwatch.domain.member;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.bondwatch.time.FakeTimeSource;
import org.junit.jupiter.api.Test;

class DirectionTrafficTest {
  private final FakeTimeSource clock = new FakeTimeSource();

  private void tick(DirectionTraffic d, long raw) {
    clock.advanceMillis(1000);
    d.observe(raw, clock.monotonicNanos());
  }

  private void tick(LinkTraffic l, long rx, long tx) {
    clock.advanceMillis(1000);
    l.observe(rx, tx, clock.monotonicNanos());
  }

  private LinkTraffic link(Capacity down, Capacity up) {
    return new LinkTraffic("m", "eth1", TrafficSettings.DEFAULT, down, up);
  }

  @Test
  void reportsTotalRateAndEstimatedCapacity() {
    LinkTraffic l = link(Capacity.UNKNOWN, Capacity.UNKNOWN);
    l.observe(1_000_000, 0, clock.monotonicNanos());
    for (int i = 1; i <= 20; i++) {
      tick(l, 1_000_000 + i * 625_000L, 0);
    }

    // the last step waits for the next reading to confirm it
    DirectionReading r = l.receive().read(clock.monotonicNanos());
    assertThat(r.totalBytes()).isEqualTo(19 * 625_000L);
    assertThat(r.bytesPerSecond()).isEqualTo(625_000);
    assertThat(r.capacity()).isEqualTo(new Capacity(625_000, Capacity.Source.ESTIMATED));
  }

  @Test
  void aLateTickFollowedByOneOnTimeDoesNotMakeTheRateExceedWhatTheLineCarried() {
    // a line carrying exactly 625 kB/s, read by a fixed-rate ticker whose fourth tick comes
    // 100 ms late and whose fifth is on time again (1.1 s, then 0.9 s)
    DirectionTraffic d = new DirectionTraffic("m rx", TrafficSettings.DEFAULT, Capacity.UNKNOWN);
    long[] millis = {0, 1000, 2000, 3100, 4000, 5000, 6000};
    long t0 = clock.monotonicNanos();
    DirectionReading r = null;
    for (long ms : millis) {
      long at = t0 + ms * 1_000_000;
      d.observe(625L * ms, at);
      r = d.read(at);
      assertThat(r.bytesPerSecond()).as("rate at %d ms", ms).isLessThan(625_001);
    }
    assertThat(r.bytesPerSecond()).isCloseTo(625_000, within(1.0));
  }

  @Test
  void prefersTheConfiguredCapacity() {
    LinkTraffic l = link(Capacity.configured(400_000), Capacity.UNKNOWN);
    l.observe(0, 0, clock.monotonicNanos());
    for (int i = 1; i <= 20; i++) {
      tick(l, i * 625_000L, 0);
    }

    assertThat(l.receive().read(clock.monotonicNanos()).capacity())
        .isEqualTo(Capacity.configured(400_000));
  }

  @Test
  void anUploadThatOnlyCarriesTheAcksOfADownloadHasNoMeasuredCapacity() {
    // 5 Mbit/s down; the upload carries its ACKs, 209 kbit/s (4.2%), the figure of the issue
    LinkTraffic l = link(Capacity.UNKNOWN, Capacity.UNKNOWN);
    l.observe(0, 0, clock.monotonicNanos());
    for (int i = 1; i <= 120; i++) {
      tick(l, i * 625_000L, i * 26_125L);
    }

    long now = clock.monotonicNanos();
    assertThat(l.receive().capacity(now).source()).isEqualTo(Capacity.Source.ESTIMATED);
    assertThat(l.transmit().capacity(now)).isEqualTo(Capacity.UNKNOWN);
    assertThat(l.transmit().read(now).bytesPerSecond()).isEqualTo(26_125);
  }

  @Test
  void anUploadSeenLoadedWhileTheDownloadRunsIsMeasured() {
    // 5 Mbit/s down with an 800 kbit/s upload running beside it (16% of the download)
    LinkTraffic l = link(Capacity.UNKNOWN, Capacity.UNKNOWN);
    l.observe(0, 0, clock.monotonicNanos());
    for (int i = 1; i <= 120; i++) {
      tick(l, i * 625_000L, i * 100_000L);
    }

    assertThat(l.transmit().capacity(clock.monotonicNanos()))
        .isEqualTo(new Capacity(100_000, Capacity.Source.ESTIMATED));
  }

  @Test
  void judgesStepsAgainstTwiceTheConfiguredCapacity() {
    LinkTraffic l = link(Capacity.configured(100_000), Capacity.UNKNOWN);
    l.observe(0, 0, clock.monotonicNanos());
    // the ceiling is 200 kB/s: a one-second step may carry 400 kB with the second of slack
    tick(l, 300_000, 0);
    tick(l, 800_000, 0);
    tick(l, 301_000, 0);

    DirectionReading r = l.receive().read(clock.monotonicNanos());
    assertThat(r.totalBytes()).isEqualTo(300_000);
    assertThat(r.counterResyncs()).isOne();
  }

  @Test
  void judgesStepsAgainstTheMaxRateOverTheCapacity() {
    LinkTraffic l =
        new LinkTraffic(
            "m",
            "eth1",
            TrafficSettings.DEFAULT.withMaxRate(1_000_000),
            Capacity.configured(100_000),
            Capacity.UNKNOWN);
    l.observe(0, 0, clock.monotonicNanos());
    tick(l, 800_000, 0);
    tick(l, 800_000, 0);

    assertThat(l.receive().read(clock.monotonicNanos()).totalBytes()).isEqualTo(800_000);
  }

  @Test
  void showsNoSpikeOrNegativeRateWhenTheDeviceIsRecreated() {
    DirectionTraffic d = new DirectionTraffic("m rx", TrafficSettings.DEFAULT, Capacity.UNKNOWN);
    d.observe(3_000_000_000L, clock.monotonicNanos());
    tick(d, 3_000_100_000L);
    tick(d, 2_000);
    tick(d, 152_000);
    tick(d, 302_000);

    // neither the step just before a restart nor what the new device counted before its first
    // reading is kept: either may have been a bad reading
    DirectionReading r = d.read(clock.monotonicNanos());
    assertThat(r.totalBytes()).isEqualTo(150_000);
    assertThat(r.bytesPerSecond()).isEqualTo(150_000);
    assertThat(r.counterResets()).isOne();
  }

  @Test
  void showsARateOfZeroWhileTheDeviceIsMissing() {
    DirectionTraffic d = new DirectionTraffic("m rx", TrafficSettings.DEFAULT, Capacity.UNKNOWN);
    d.observe(0, clock.monotonicNanos());
    tick(d, 500_000);
    tick(d, 500_000);
    clock.advanceMillis(1000);
    d.absent(clock.monotonicNanos());

    DirectionReading r = d.read(clock.monotonicNanos());
    assertThat(r.rateKnown()).isTrue();
    assertThat(r.bytesPerSecond()).isZero();
    assertThat(r.totalBytes()).isEqualTo(500_000);
  }

  @Test
  void countsResyncsWithoutAddingTheJumps() {
    DirectionTraffic d = new DirectionTraffic("m rx", TrafficSettings.DEFAULT, Capacity.UNKNOWN);
    d.observe(0, clock.monotonicNanos());
    tick(d, 5_000_000_000_000L);

    DirectionReading r = d.read(clock.monotonicNanos());
    assertThat(r.totalBytes()).isZero();
    assertThat(r.counterResyncs()).isOne();
  }
}
