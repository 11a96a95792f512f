package io.bondwatch.bench;

import io.bondwatch.domain.member.Capacity;
import io.bondwatch.domain.member.DirectionReading;
import io.bondwatch.domain.member.LinkTraffic;
import io.bondwatch.domain.member.TrafficSettings;
import io.bondwatch.source.netdev.NetDevFile;
import io.bondwatch.source.netdev.NetDevSampler;
import io.bondwatch.source.netdev.NetDevText;
import io.bondwatch.time.FakeTimeSource;
import io.bondwatch.time.PeriodicTasks;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Driver of {@code bench/netdev-fuzz}: a member line carrying about 100 kbit/s for N simulated
 * minutes, read once a second through the real file reader, parser, sampler and counters, with a
 * share of the reads replaced by garbage of the kinds seen in the field. Prints the bytes really
 * carried against the bytes exported.
 */
public final class NetDevFuzzBench {
  private static final long START = 7_000_000_000L;
  private static final String[] KINDS = {
    "header only",
    "cut short",
    "2^63-1",
    "2^32-1",
    "zero",
    "digits twice",
    "digit dropped",
    "binary junk",
    "empty",
    "near the truth"
  };

  private NetDevFuzzBench() {}

  public static void main(String[] args) throws IOException {
    int minutes = args.length > 0 ? Integer.parseInt(args[0]) : 4;
    long seed = args.length > 1 ? Long.parseLong(args[1]) : 1;
    Path file = Files.createTempFile("bondwatch-fuzz", ".dev");
    try {
      System.out.printf(
          Locale.ROOT,
          "%d simulated minutes at ~100 kbit/s, one read a second, seed %d%n",
          minutes,
          seed);
      System.out.printf(
          Locale.ROOT,
          "%-24s %6s %12s %12s %10s %12s %8s %8s%n",
          "ceiling",
          "bad",
          "real B",
          "exported B",
          "exp/real",
          "max over B",
          "resyncs",
          "failed");
      for (double share : new double[] {0.1, 0.3, 0.5}) {
        run(file, minutes, share, seed, Capacity.UNKNOWN, "default (2.5 Gbit/s)");
        run(file, minutes, share, seed, Capacity.configured(125_000), "2 x capacity 1 Mbit/s");
      }
    } finally {
      Files.deleteIfExists(file);
    }
  }

  private static void run(
      Path file, int minutes, double share, long seed, Capacity capacity, String label)
      throws IOException {
    Random rnd = new Random(seed);
    FakeTimeSource clock = new FakeTimeSource();
    LinkTraffic link =
        new LinkTraffic("dsl1", "eth1", TrafficSettings.DEFAULT, capacity, Capacity.UNKNOWN);
    NetDevSampler sampler =
        new NetDevSampler(
            NetDevFile.at(file),
            clock,
            List.of(link),
            Runnable::run,
            new PeriodicTasks(clock).register("netdev", "netdev", Duration.ofSeconds(5)));
    long raw = START;
    long real = 0;
    long maxOver = 0;
    for (int s = 0; s < minutes * 60; s++) {
      long step = s == 0 ? 0 : (long) (rnd.nextDouble() * 25_000);
      raw += step;
      real += step;
      String good =
          NetDevText.HEADER + NetDevText.line("lo", 0, 0) + NetDevText.line("eth1", raw, 0);
      String text = rnd.nextDouble() < share ? garbage(good, raw, rnd) : good;
      Files.writeString(file, text, StandardCharsets.ISO_8859_1);
      sampler.sampleOnce();
      DirectionReading r = link.receive().read(clock.monotonicNanos());
      maxOver = Math.max(maxOver, r.totalBytes() - real);
      clock.advanceMillis(950 + rnd.nextInt(100));
    }
    DirectionReading r = link.receive().read(clock.monotonicNanos());
    System.out.printf(
        Locale.ROOT,
        "%-24s %5.0f%% %12d %12d %10.4f %12d %8d %8d%n",
        label,
        share * 100,
        real,
        r.totalBytes(),
        (double) r.totalBytes() / real,
        maxOver,
        r.counterResyncs(),
        sampler.stats().readFailures());
  }

  private static String garbage(String good, long raw, Random rnd) {
    String v = Long.toString(raw);
    return switch (KINDS[rnd.nextInt(KINDS.length)]) {
      case "header only" -> NetDevText.HEADER;
      case "cut short" -> good.substring(0, rnd.nextInt(good.length()));
      case "2^63-1" -> good.replace(v, Long.toString(Long.MAX_VALUE));
      case "2^32-1" -> good.replace(v, Long.toString((1L << 32) - 1));
      case "zero" -> good.replace(v, "0");
      case "digits twice" -> good.replace(v, v + v.substring(0, 6));
      case "digit dropped" -> good.replace(v, v.substring(1));
      case "binary junk" -> good.replace(v, junk(rnd));
      case "empty" -> "";
      default -> good.replace(v, Long.toString(raw + rnd.nextInt(2_000_000) - 1_000_000));
    };
  }

  private static String junk(Random rnd) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < 10; i++) {
      b.append((char) rnd.nextInt(256));
    }
    return b.toString();
  }
}
