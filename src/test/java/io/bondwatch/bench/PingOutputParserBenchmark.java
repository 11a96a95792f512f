package io.bondwatch.bench;

import io.bondwatch.source.probe.PingLine;
import io.bondwatch.source.probe.PingOutputParser;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Cost per line of the ping output parser, for the two lines a running member prints all day (a
 * reply and "no answer yet", as {@code ping -n -O -D} prints them) and a rarer ICMP error. Run: see
 * bench/jmh-ping ({@code -prof gc} adds bytes allocated per line).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class PingOutputParserBenchmark {

  @Param({
    "[1795482812.701195] 64 bytes from 198.19.250.2: icmp_seq=1 ttl=64 time=0.213 ms",
    "[1795482818.946048] no answer yet for icmp_seq=6",
    "[1795482818.946048] From 192.168.1.1 icmp_seq=3 Destination Host Unreachable"
  })
  public String line;

  private final PingOutputParser parser = new PingOutputParser();

  @Benchmark
  public PingLine parse() {
    return parser.parse(line);
  }
}
