package io.bondwatch.source.netdev;

import static org.assertj.core.api.Assertions.assertThat;

import io.bondwatch.domain.member.Capacity;
import io.bondwatch.domain.member.DirectionReading;
import io.bondwatch.domain.member.LinkTraffic;
import io.bondwatch.domain.member.TrafficSettings;
import io.bondwatch.time.FakeTimeSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NetDevSamplerTest {
  private static final String HEADER =
      "Inter-|   Receive                                                |  Transmit\n"
          + " face |bytes    packets errs drop fifo frame compressed multicast|bytes    packets"
          + " errs drop fifo colls carrier compressed\n";

  @TempDir Path dir;
  private final FakeTimeSource clock = new FakeTimeSource();
  private final LinkTraffic dsl1 =
      new LinkTraffic("dsl1", "eth1", TrafficSettings.DEFAULT, Capacity.UNKNOWN, Capacity.UNKNOWN);
  private final LinkTraffic bond =
      new LinkTraffic("mp0", "ppp0", TrafficSettings.DEFAULT, Capacity.UNKNOWN, Capacity.UNKNOWN);

  private static String line(String dev, long rx, long tx) {
    return String.format("%6s: %7d 0 0 0 0 0 0 0 %8d 0 0 0 0 0 0 0%n", dev, rx, tx);
  }

  private Path write(String text) throws IOException {
    return Files.writeString(dir.resolve("dev"), text);
  }

  private NetDevSampler sampler(Path file) {
    return new NetDevSampler(NetDevFile.at(file), clock, List.of(dsl1, bond));
  }

  private DirectionReading rx(LinkTraffic l) {
    return l.receive().read(clock.monotonicNanos());
  }

  @Test
  void feedsMemberAndBundleCountersFromTheFile() throws IOException {
    Path f = write(HEADER + line("eth1", 1000, 10) + line("ppp0", 500, 5));
    NetDevSampler s = sampler(f);
    s.sampleOnce();
    clock.advanceMillis(1000);
    write(HEADER + line("eth1", 626_000, 2010) + line("ppp0", 600_500, 1005));
    s.sampleOnce();
    clock.advanceMillis(1000);
    s.sampleOnce();

    // a step counts once the next reading confirms it
    assertThat(rx(dsl1).totalBytes()).isEqualTo(625_000);
    assertThat(rx(dsl1).bytesPerSecond()).isEqualTo(625_000);
    assertThat(dsl1.transmit().read(clock.monotonicNanos()).totalBytes()).isEqualTo(2000);
    assertThat(rx(bond).bytesPerSecond()).isEqualTo(600_000);
    assertThat(s.stats()).isEqualTo(new NetDevSampler.Stats(3, 0, 0, 0));
  }

  @Test
  void countsAMissingFileAndKeepsGoing() throws IOException {
    NetDevSampler s = sampler(dir.resolve("nope"));
    s.sampleOnce();
    clock.advanceMillis(1000);
    s.sampleOnce();

    assertThat(s.stats().readFailures()).isEqualTo(2);
    assertThat(rx(dsl1).rateKnown()).isFalse();
  }

  @Test
  void leavesADeviceAloneWhenItsLineMayBeTheBadOne() throws IOException {
    Path f = write(HEADER + line("eth1", 100_000, 0) + line("ppp0", 0, 0));
    NetDevSampler s = sampler(f);
    s.sampleOnce();
    clock.advanceMillis(1000);
    write(HEADER + "  eth1: 1 2 garbage\n" + line("ppp0", 0, 0));
    s.sampleOnce();
    clock.advanceMillis(1000);
    write(HEADER + line("eth1", 200_000, 0) + line("ppp0", 0, 0));
    s.sampleOnce();
    clock.advanceMillis(1000);
    s.sampleOnce();

    // had the bad read made eth1 absent, its whole counter would have been counted again
    assertThat(rx(dsl1).totalBytes()).isEqualTo(100_000);
    assertThat(rx(dsl1).counterResets()).isZero();
    assertThat(rx(dsl1).counterResyncs()).isZero();
    assertThat(s.stats().malformedLines()).isOne();
  }

  @Test
  void countsOnAfterTheDeviceWasDeletedAndRecreated() throws IOException {
    Path f = write(HEADER + line("eth1", 5_000_000, 0));
    NetDevSampler s = sampler(f);
    s.sampleOnce();
    clock.advanceMillis(1000);
    write(HEADER);
    s.sampleOnce();
    clock.advanceMillis(1000);
    write(HEADER + line("eth1", 3_000, 0));
    s.sampleOnce();
    clock.advanceMillis(1000);
    write(HEADER + line("eth1", 4_000, 0));
    s.sampleOnce();

    assertThat(rx(dsl1).totalBytes()).isEqualTo(3_000);
    assertThat(rx(dsl1).counterResets()).isOne();
  }

  @Test
  void countsATickThatCameFarTooLate() throws IOException {
    NetDevSampler s = sampler(write(HEADER + line("eth1", 0, 0)));
    s.sampleOnce();
    clock.advanceMillis(7000);
    s.sampleOnce();

    assertThat(s.stats().lateTicks()).isOne();
  }

  @Test
  void neverThrowsWhenTheReaderDoes() {
    NetDevSampler s =
        new NetDevSampler(
            () -> {
              throw new IllegalStateException("boom");
            },
            clock,
            List.of(dsl1));

    s.sampleOnce();

    assertThat(s.stats().readFailures()).isOne();
  }
}
