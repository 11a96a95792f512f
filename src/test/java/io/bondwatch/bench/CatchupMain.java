package io.bondwatch.bench;

import io.bondwatch.source.pppd.PppdLineParser;
import io.bondwatch.source.pppd.PppdLogScanner;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Driver of {@code bench/catchup}: {@code generate FILE MB} writes the syslog look-alike, {@code
 * scan FILE ROUNDS} parses it with {@link PppdLogScanner} and prints the best round.
 */
public final class CatchupMain {

  private CatchupMain() {}

  public static void main(String[] args) throws IOException {
    if (args.length == 3 && args[0].equals("generate")) {
      long bytes = Long.parseLong(args[2]) * 1024 * 1024;
      try (OutputStream out =
          new BufferedOutputStream(Files.newOutputStream(Path.of(args[1])), 1 << 20)) {
        long lines = SyslogGenerator.write(out, bytes, 1.5, 42);
        System.out.printf("generated %d lines%n", lines);
      }
    } else if (args.length == 3 && args[0].equals("scan")) {
      scan(Path.of(args[1]), Integer.parseInt(args[2]));
    } else {
      System.err.println("usage: CatchupMain generate FILE MB | scan FILE ROUNDS");
      System.exit(2);
    }
  }

  private static void scan(Path file, int rounds) throws IOException {
    long size = Files.size(file);
    double best = Double.MAX_VALUE;
    PppdLogScanner.Totals totals = null;
    for (int r = 0; r < rounds; r++) {
      PppdLogScanner scanner = new PppdLogScanner(new PppdLineParser(), 4 << 20);
      long t0 = System.nanoTime();
      try (InputStream in = Files.newInputStream(file)) {
        totals = scanner.scan(in, e -> {});
      }
      double s = (System.nanoTime() - t0) / 1e9;
      best = Math.min(best, s);
      System.out.printf("round %d: %.3f s%n", r + 1, s);
    }
    System.out.printf(
        "bondwatch: %.0f MB/s (best of %d, %.3f s) lines=%d candidates=%d events=%d malformed=%d%n",
        size / 1e6 / best,
        rounds,
        best,
        totals.lines(),
        totals.candidates(),
        totals.events(),
        totals.malformed());
    System.out.printf("seconds=%.6f%n", best);
  }
}
