package io.bondwatch.bench;

import io.bondwatch.source.pppd.ParseOutcome;
import io.bondwatch.source.pppd.PppdLineParser;
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
 * Parser cost per line, for pppd lines (events and non-events) and other programs' lines in the
 * formats seen in the fixtures. Run: see bench/jmh-pppd.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class PppdLineParserBenchmark {

  @Param({
    "Nov 24 10:00:01 router kernel: [ 85.120743] IN=eth0 OUT= SRC=198.51.100.7 DST=203.0.113.7 LEN=60",
    "Fri Mar 13 23:54:01 2020 daemon.notice netifd: Network device 'pppoe-wan' link is up",
    "Nov 24 10:00:01 router pppd[1101]: Link attached to ppp0",
    "Fri Mar 13 23:54:01 2020 daemon.warn pppd[8679]: Connected to cc:cc:81:c0:96:af via interface macvlan3",
    "Jul 05 16:56:12 dellr530 pppd[894]: Sent 21264139 bytes, received 278228475 bytes.",
    "Nov 24 10:00:01 router pppd[1101]: rcvd [LCP EchoRep id=0x1 magic=0x2]",
    "{\"MESSAGE\":\"Exit.\",\"SYSLOG_IDENTIFIER\":\"pppd\",\"_PID\":\"7\",\"__REALTIME_TIMESTAMP\":\"1700000000000000\"}"
  })
  public String line;

  private final PppdLineParser parser = new PppdLineParser();

  @Benchmark
  public ParseOutcome parse() {
    return parser.parse(line, 1);
  }
}
