package io.bondwatch.source.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.bondwatch.time.FakeTimeSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The prober against a fake ping (a shell script) whose RTT is its target's last octet. */
class PingProberTest {
  private static final String FAKE_PING =
      """
      #!/bin/sh
      if [ "$1" = -V ]; then echo 'ping from iputils 20221126'; exit 0; fi
      for a; do t=$a; done
      case " $* " in *" -c 1 "*) echo "64 bytes from $t: icmp_seq=1 ttl=64 time=0.1 ms"; exit 0;; esac
      i=1
      while :; do echo "64 bytes from $t: icmp_seq=$i ttl=64 time=${t##*.}.0 ms"; i=$((i+1)); sleep 0.05; done
      """;

  @TempDir Path dir;
  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
  private PingProber prober;

  @AfterEach
  void close() {
    if (prober != null) {
      prober.close();
    }
    scheduler.shutdownNow();
  }

  private PingProber prober() throws IOException {
    Path ping = dir.resolve("ping");
    Files.writeString(ping, FAKE_PING);
    Files.setPosixFilePermissions(ping, PosixFilePermissions.fromString("rwx------"));
    PingSettings d = PingSettings.defaults();
    PingSettings s =
        new PingSettings(d.interval(), d.timeout(), d.maxBackoff(), List.of(ping.toString()));
    return new PingProber(s, new FakeTimeSource(), scheduler, new LinkState(dir.resolve("sys")));
  }

  @Test
  void aMemberWithSeveralTargetsHasAPingPerTargetEachFeedingItsOwnSink() throws IOException {
    prober = prober();
    List<ProbeResult> seven = new CopyOnWriteArrayList<>();
    List<ProbeResult> nine = new CopyOnWriteArrayList<>();
    prober.start(new ProbeTarget("m1", "eth9", "192.0.2.7", true), seven::add);
    prober.start(new ProbeTarget("m1", "eth9", "192.0.2.9", true), nine::add);
    await().until(() -> seven.size() >= 3 && nine.size() >= 3);
    assertThat(seven).allMatch(r -> r.member().equals("m1") && r.rtt().equals(ms(7)));
    assertThat(nine).allMatch(r -> r.member().equals("m1") && r.rtt().equals(ms(9)));
    long p7 = prober.pid("m1", "192.0.2.7").orElseThrow();
    long p9 = prober.pid("m1", "192.0.2.9").orElseThrow();
    assertThat(p7).isNotEqualTo(p9);

    assertThatThrownBy(
            () -> prober.start(new ProbeTarget("m1", "eth9", "192.0.2.7", true), r -> {}))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("member m1 target 192.0.2.7 is already probed");

    prober.stop("m1");
    assertThat(prober.pid("m1", "192.0.2.7")).isEmpty();
    assertThat(prober.pid("m1", "192.0.2.9")).isEmpty();
    await().until(() -> !alive(p7) && !alive(p9));
  }

  private static Duration ms(long millis) {
    return Duration.ofMillis(millis);
  }

  private static boolean alive(long pid) {
    return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
  }
}
