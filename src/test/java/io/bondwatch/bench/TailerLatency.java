package io.bondwatch.bench;

import io.bondwatch.source.pppd.FileTailer;
import io.bondwatch.source.pppd.TailerMetrics;
import io.bondwatch.source.pppd.TailerOptions;
import io.bondwatch.time.TimeSource;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Comparator;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

/**
 * Prints the delay from appending a line to the tailer's consumer receiving it: N appends spaced by
 * a gap, each line carrying its append time. Usage: {@code TailerLatency [N] [GAP_MS]}.
 */
public final class TailerLatency {
  private TailerLatency() {}

  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
    long gapMs = args.length > 1 ? Long.parseLong(args[1]) : 10;
    Path dir = Files.createTempDirectory("tailer-latency");
    try {
      long[] delays = measure(dir, n, gapMs);
      Arrays.sort(delays);
      System.out.printf(
          "tailer append-to-delivery latency over %d appends %d ms apart:"
              + " median %.2f ms, p95 %.2f ms, p99 %.2f ms, max %.2f ms%n",
          n,
          gapMs,
          delays[n / 2] / 1e6,
          delays[(int) (n * 0.95)] / 1e6,
          delays[(int) (n * 0.99)] / 1e6,
          delays[n - 1] / 1e6);
    } finally {
      try (Stream<Path> s = Files.walk(dir)) {
        s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private static long[] measure(Path dir, int n, long gapMs) throws Exception {
    Path log = dir.resolve("pppd.log");
    Files.createFile(log);
    long[] delays = new long[n];
    CountDownLatch all = new CountDownLatch(n);
    TailerOptions opts = TailerOptions.of(log, dir.resolve("state"));
    try (FileTailer tailer =
            new FileTailer(opts, TailerMetrics.NONE, TimeSource.SYSTEM, Thread::new);
        FileChannel out = FileChannel.open(log, StandardOpenOption.APPEND)) {
      tailer.start(
          lines -> {
            long now = System.nanoTime();
            for (String line : lines) {
              String[] f = line.split(" ");
              delays[Integer.parseInt(f[0])] = now - Long.parseLong(f[1]);
              all.countDown();
            }
          });
      TimeUnit.MILLISECONDS.sleep(500); // let the tailer open the file before timing starts
      for (int i = 0; i < n; i++) {
        String line = i + " " + System.nanoTime() + " pppd[1234]: LCP terminated by peer\n";
        out.write(ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8)));
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(gapMs));
      }
      if (!all.await(30, TimeUnit.SECONDS)) {
        throw new IllegalStateException(all.getCount() + " lines never arrived");
      }
    }
    return delays;
  }
}
