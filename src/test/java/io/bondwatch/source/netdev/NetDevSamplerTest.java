package io.bondwatch.source.netdev;

import static io.bondwatch.source.netdev.NetDevText.HEADER;
import static io.bondwatch.source.netdev.NetDevText.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.bondwatch.domain.member.Capacity;
import io.bondwatch.domain.member.DirectionReading;
import io.bondwatch.domain.member.LinkTraffic;
import io.bondwatch.domain.member.TrafficSettings;
import io.bondwatch.time.FakeTimeSource;
import io.bondwatch.time.PeriodicTasks;
import io.bondwatch.time.TaskHealth;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

class NetDevSamplerTest {
  /** Generous: a call that blocks on I/O would never return at all. */
  private static final Duration AT_ONCE = Duration.ofSeconds(10);

  @TempDir Path dir;
  private final FakeTimeSource clock = new FakeTimeSource();
  private final PeriodicTasks tasks = new PeriodicTasks(clock);
  private final TaskHealth health =
      tasks.register("netdev", "netdev sampler", Duration.ofSeconds(5));
  private final LinkTraffic dsl1 =
      new LinkTraffic("dsl1", "eth1", TrafficSettings.DEFAULT, Capacity.UNKNOWN, Capacity.UNKNOWN);
  private final LinkTraffic bond =
      new LinkTraffic("mp0", "ppp0", TrafficSettings.DEFAULT, Capacity.UNKNOWN, Capacity.UNKNOWN);

  private Path write(String text) throws IOException {
    return Files.writeString(dir.resolve("dev"), text);
  }

  /** A sampler that reads on the caller's thread, for the deterministic cases. */
  private NetDevSampler sampler(Path file) {
    return new NetDevSampler(
        NetDevFile.at(file), clock, List.of(dsl1, bond), Runnable::run, health);
  }

  private DirectionReading rx(LinkTraffic l) {
    return l.receive().read(clock.monotonicNanos());
  }

  private void tick(NetDevSampler s) {
    clock.advanceMillis(1000);
    s.sampleOnce();
  }

  private static void atOnce(Executable e) {
    assertTimeoutPreemptively(AT_ONCE, e);
  }

  @Test
  void feedsMemberAndBundleCountersFromTheFile() throws IOException {
    Path f = write(HEADER + line("eth1", 1000, 10) + line("ppp0", 500, 5));
    NetDevSampler s = sampler(f);
    s.sampleOnce();
    write(HEADER + line("eth1", 626_000, 2010) + line("ppp0", 600_500, 1005));
    tick(s);
    tick(s);

    // a step counts once the next reading confirms it
    assertThat(rx(dsl1).totalBytes()).isEqualTo(625_000);
    assertThat(rx(dsl1).bytesPerSecond()).isEqualTo(625_000);
    assertThat(dsl1.transmit().read(clock.monotonicNanos()).totalBytes()).isEqualTo(2000);
    assertThat(rx(bond).bytesPerSecond()).isEqualTo(600_000);
    assertThat(s.stats()).isEqualTo(new NetDevSampler.Stats(3, 0, 0, 0));
    assertThat(health.runs()).isEqualTo(3);
  }

  @Test
  void countsAMissingFileAndKeepsGoing() {
    NetDevSampler s = sampler(dir.resolve("nope"));
    s.sampleOnce();
    tick(s);

    assertThat(s.stats().readFailures()).isEqualTo(2);
    assertThat(health.failures()).isEqualTo(2);
    assertThat(rx(dsl1).rateKnown()).isFalse();
  }

  @Test
  void leavesADeviceAloneWhenItsLineMayBeTheBadOne() throws IOException {
    Path f = write(HEADER + line("eth1", 100_000, 0) + line("ppp0", 0, 0));
    NetDevSampler s = sampler(f);
    s.sampleOnce();
    write(HEADER + "  eth1: 1 2 garbage\n" + line("ppp0", 0, 0));
    tick(s);
    write(HEADER + line("eth1", 200_000, 0) + line("ppp0", 0, 0));
    tick(s);
    tick(s);

    // had the bad read made eth1 absent, its whole counter would have been counted again
    assertThat(rx(dsl1).totalBytes()).isEqualTo(100_000);
    assertThat(rx(dsl1).counterResets()).isZero();
    assertThat(s.stats().malformedLines()).isOne();
  }

  @Test
  void aReadListingNoInterfaceAtAllIsABadReadAndCountsNothing() throws IOException {
    Path f = write(HEADER + line("lo", 0, 0) + line("eth1", 5_000_000, 0));
    NetDevSampler s = sampler(f);
    s.sampleOnce();
    write(HEADER);
    tick(s);
    write(HEADER + line("lo", 0, 0) + line("eth1", 5_001_000, 0));
    tick(s);
    tick(s);

    assertThat(rx(dsl1).totalBytes()).isEqualTo(1_000);
    assertThat(s.stats().readFailures()).isOne();
  }

  @Test
  void countsOnAfterTheDeviceWasDeletedAndRecreated() throws IOException {
    Path f = write(HEADER + line("lo", 0, 0) + line("eth1", 5_000_000, 0));
    NetDevSampler s = sampler(f);
    s.sampleOnce();
    write(HEADER + line("lo", 0, 0));
    tick(s);
    write(HEADER + line("lo", 0, 0) + line("eth1", 3_000, 0));
    tick(s);
    write(HEADER + line("lo", 0, 0) + line("eth1", 4_000, 0));
    tick(s);
    tick(s);

    // counted from the new device's first reading on
    assertThat(rx(dsl1).totalBytes()).isEqualTo(1_000);
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
  void neverThrowsWhenTheReaderDoesNotEvenForAnError() {
    NetDevSampler s =
        new NetDevSampler(
            () -> {
              throw new ExceptionInInitializerError("a static initializer failed");
            },
            clock,
            List.of(dsl1),
            Runnable::run,
            health);

    s.sampleOnce();
    tick(s);

    assertThat(s.stats().readFailures()).isEqualTo(2);
    assertThat(health.failures()).isEqualTo(2);
  }

  @Test
  void refusesAFifoBeforeOpeningIt() throws Exception {
    Path fifo = dir.resolve("fifo");
    assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
    NetDevSampler s = sampler(fifo);

    // opening a FIFO blocks until a writer comes: a sampler that opened it would never return
    atOnce(s::sampleOnce);
    for (int i = 0; i < 6; i++) {
      tick(s);
    }

    assertThat(s.stats().readFailures()).isEqualTo(7);
    assertThat(tasks.problems())
        .containsExactly(
            "netdev sampler has failed for 6 s: "
                + fifo
                + " is a FIFO, not a regular file; not"
                + " read");
  }

  @Test
  void refusesACharacterDeviceThatNeverEnds() {
    NetDevSampler s = sampler(Path.of("/dev/zero"));

    // read to its end, /dev/zero fills the heap
    atOnce(s::sampleOnce);
    for (int i = 0; i < 6; i++) {
      tick(s);
    }

    assertThat(health.failures()).isEqualTo(7);
    assertThat(tasks.problems())
        .containsExactly(
            "netdev sampler has failed for 6 s: /dev/zero is a character device, not a regular"
                + " file; not read");
  }

  @Test
  void stopsReadingAFileLargerThanAnyNetDev() throws IOException {
    Path big = dir.resolve("big");
    try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
      f.setLength(64L << 20);
    }

    assertThat(catchThrowable(() -> NetDevFile.at(big).read()))
        .isInstanceOf(IOException.class)
        .hasMessage(big + " is larger than 4096 KiB; not read");
  }

  @Test
  void stopsReadingAStreamThatNeverEnds() {
    InputStream endless =
        new InputStream() {
          @Override
          public int read() {
            return 'x';
          }
        };

    assertThat(catchThrowable(() -> BoundedFile.readAtMost(endless, 1 << 20, "endless")))
        .hasMessage("endless is larger than 1024 KiB; not read");
  }

  @Test
  void aHungReadBlocksNeitherTheTickerNorStatsNorAScrapeAndCountsOnce() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch reading = new CountDownLatch(1);
    String good = HEADER + line("eth1", 0, 0);
    boolean[] hang = {true};
    NetDevFile file =
        () -> {
          if (hang[0]) {
            reading.countDown();
            try {
              release.await();
            } catch (InterruptedException e) {
              throw new java.io.InterruptedIOException("stopped");
            }
          }
          return good;
        };
    ExecutorService reader = Executors.newSingleThreadExecutor();
    try {
      NetDevSampler s = new NetDevSampler(file, clock, List.of(dsl1), reader, health);
      atOnce(s::sampleOnce);
      assertThat(reading.await(10, TimeUnit.SECONDS)).isTrue();

      // the read hangs: the ticker, stats and what a scrape reads all answer at once
      clock.advanceMillis(1000);
      atOnce(s::sampleOnce);
      atOnce(() -> assertThat(s.stats().readFailures()).isZero());
      atOnce(() -> rx(dsl1));
      clock.advanceMillis(2000);
      atOnce(s::sampleOnce);
      atOnce(s::sampleOnce);
      assertThat(s.stats().readFailures()).isOne();
      clock.advanceMillis(4000);
      assertThat(tasks.problems())
          .containsExactly(
              "netdev sampler has failed for 7 s: read of "
                  + file
                  + " hung (no answer within 2 s)");

      // when it returns at last, its stale result is dropped and sampling resumes
      hang[0] = false;
      release.countDown();
      reader.submit(() -> {}).get(10, TimeUnit.SECONDS);
      s.sampleOnce();
      reader.submit(() -> {}).get(10, TimeUnit.SECONDS);
      assertThat(s.stats().samples()).isOne();
      assertThat(tasks.problems()).isEmpty();
    } finally {
      release.countDown();
      reader.shutdownNow();
    }
  }
}
