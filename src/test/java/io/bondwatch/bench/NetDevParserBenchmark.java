package io.bondwatch.bench;

import io.bondwatch.source.netdev.NetDevParser;
import io.bondwatch.source.netdev.NetDevSnapshot;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** Parsing a {@code /proc/net/dev} of 64 interfaces with realistic counter widths (goal: 50 µs). */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class NetDevParserBenchmark {
  private String text;

  @Setup
  public void setup() {
    StringBuilder b =
        new StringBuilder(
            "Inter-|   Receive                                                |  Transmit\n"
                + " face |bytes    packets errs drop fifo frame compressed multicast|bytes   "
                + " packets errs drop fifo colls carrier compressed\n");
    for (int i = 0; i < 64; i++) {
      String name = i % 4 == 0 ? "pppoe-wan" + i : i % 4 == 1 ? "eth" + i : "veth" + i + "@if3";
      long rx = 1_234_567_890_123L * (i + 1) % 987_654_321_987L;
      long tx = rx / 7;
      b.append(
          String.format(
              "%6s: %7d %7d %4d %4d %4d %5d %10d %9d %8d %7d %4d %4d %4d %5d %7d %10d%n",
              name, rx, rx / 900, i, i % 3, 0, 0, 0, i * 11, tx, tx / 700, 0, i % 2, 0, 0, 0, 0));
    }
    text = b.toString();
    NetDevSnapshot s = NetDevParser.parse(text);
    if (s.interfaces().size() != 64 || !s.problems().isEmpty()) {
      throw new IllegalStateException("benchmark input does not parse cleanly: " + s.problems());
    }
  }

  @Benchmark
  public NetDevSnapshot parse64Interfaces() {
    return NetDevParser.parse(text);
  }
}
