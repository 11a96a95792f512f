package io.bondwatch.bench;

import io.bondwatch.testbed.BondwatchProcess;
import io.bondwatch.testbed.MultilinkBed;
import io.bondwatch.testbed.MultilinkDeaths;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * bench/detection --mp: the real service (target/bondwatch.jar) on an emulated Multilink PPP bundle
 * ({@link MultilinkBed}): silent member deaths alternating between two members without an address,
 * each underlay's far end sending a PPPoE heartbeat every {@code --heartbeat} (default 200 ms).
 * Prints every death, then the median and p95 time to name the dead member down and how often
 * another member went down instead or as well.
 */
public final class MultilinkDetectionBench {
  private MultilinkDetectionBench() {}

  static void run(int kills, Duration heartbeat) throws Exception {
    System.out.printf(
        Locale.ROOT,
        "bench/detection --mp: 2 members, heartbeat %d ms, probe interval 200 ms, %d deaths%n",
        heartbeat.toMillis(),
        kills);
    Path dir = Files.createTempDirectory("bw-mp-bench");
    try (MultilinkBed bed = MultilinkBed.create(2, heartbeat)) {
      int port = BondwatchProcess.freePort();
      Path cfg =
          Files.writeString(dir.resolve("bondwatch.yml"), bed.config(port, dir.resolve("s")));
      try (BondwatchProcess bw =
          BondwatchProcess.start(dir, port, "run", "--config", cfg.toString())) {
        long giveUp = System.nanoTime() + 30_000_000_000L;
        while (bw.get("/-/ready").code() != 200) {
          if (System.nanoTime() > giveUp) {
            throw new IllegalStateException("bondwatch not ready: " + bw.output());
          }
          Thread.sleep(200);
        }
        List<MultilinkDeaths.Death> deaths = new MultilinkDeaths(bed, bw).run(kills, System.out);
        List<Double> times =
            deaths.stream()
                .map(MultilinkDeaths.Death::detectedSeconds)
                .filter(t -> t >= 0)
                .toList();
        int wrong = deaths.stream().mapToInt(MultilinkDeaths.Death::wrongDowns).sum();
        System.out.printf(
            Locale.ROOT,
            "(mp) dead member named down in %d of %d deaths: %s%n",
            times.size(),
            kills,
            Figures.summary(times));
        System.out.printf("(mp) wrong member named down: %d%n", wrong);
      }
    }
  }
}
