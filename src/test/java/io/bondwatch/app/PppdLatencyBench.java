package io.bondwatch.app;

import io.bondwatch.config.PolicyConfig;
import io.bondwatch.domain.member.Member;
import io.bondwatch.domain.member.MemberState;
import io.bondwatch.source.pppd.FileTailer;
import io.bondwatch.source.pppd.MemberMatch;
import io.bondwatch.source.pppd.PppdMetrics;
import io.bondwatch.source.pppd.TailerMetrics;
import io.bondwatch.source.pppd.TailerOptions;
import io.bondwatch.source.probe.ProbeResult;
import io.bondwatch.time.TimeSource;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Prints the delay from a pppd line being appended to the syslog file to the member model marking
 * the member down: the real tailer, parser, attribution, session tracker and member. Usage: {@code
 * PppdLatencyBench [N]} (default 200 drops). Run by {@code bench/pppd-latency}.
 */
public final class PppdLatencyBench {
  private PppdLatencyBench() {}

  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 200;
    Path dir = Files.createTempDirectory("bondwatch-pppd-latency");
    Path log = dir.resolve("messages");
    Files.writeString(log, "");
    TimeSource time = TimeSource.SYSTEM;
    Member member =
        new Member(
            "dsl1",
            Wiring.memberPolicy(PolicyConfig.defaults()),
            LinkHealth.of(PolicyConfig.defaults(), Duration.ofMillis(200), Duration.ofSeconds(1)),
            time);
    LinkedBlockingQueue<Long> downs = new LinkedBlockingQueue<>();
    member.addListener(
        (s, from) -> {
          if (s.state() == MemberState.DOWN) {
            downs.offer(time.monotonicNanos());
          }
        });
    PppdFeed feed =
        new PppdFeed(
            List.of(new MemberMatch("dsl1", "eth1", null, null)),
            Map.of("dsl1", member),
            PppdMetrics.NONE);
    long[] delays = new long[n];
    try (FileTailer tailer =
            new FileTailer(
                TailerOptions.of(log, dir.resolve("state")),
                TailerMetrics.NONE,
                time,
                Thread::new);
        FileChannel out = FileChannel.open(log, StandardOpenOption.APPEND)) {
      tailer.start(feed);
      TimeUnit.MILLISECONDS.sleep(500); // let the tailer open the file before timing starts
      long seq = 0;
      for (int i = 0; i < n; i++) {
        int pid = 1000 + i;
        write(out, "Nov 24 10:00:00 r pppd[" + pid + "]: Starting negotiation on eth1");
        write(out, "Nov 24 10:00:00 r pppd[" + pid + "]: Link attached to ppp0");
        TimeUnit.MILLISECONDS.sleep(20);
        for (int k = 0; k < 10; k++) {
          member.onProbe(
              new ProbeResult(
                  "dsl1",
                  seq++,
                  time.monotonicNanos(),
                  time.wallTime(),
                  ProbeResult.Outcome.REPLY,
                  Duration.ofMillis(5),
                  null));
        }
        if (member.state() == MemberState.DOWN) {
          throw new IllegalStateException("member did not come up in round " + i);
        }
        long t0 = time.monotonicNanos();
        write(out, "Nov 24 10:05:00 r pppd[" + pid + "]: No response to 4 echo-requests");
        Long at = downs.poll(5, TimeUnit.SECONDS);
        if (at == null) {
          throw new IllegalStateException("no down within 5 s in round " + i);
        }
        delays[i] = at - t0;
      }
    } finally {
      try (var s = Files.walk(dir)) {
        s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
    Arrays.sort(delays);
    System.out.printf(
        "pppd line appended -> member down, %d drops: median %.2f ms, p95 %.2f ms, max %.2f ms (goal <= 200 ms)%n",
        n, delays[n / 2] / 1e6, delays[(int) (n * 0.95)] / 1e6, delays[n - 1] / 1e6);
  }

  private static void write(FileChannel out, String line) throws Exception {
    out.write(ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.UTF_8)));
  }
}
