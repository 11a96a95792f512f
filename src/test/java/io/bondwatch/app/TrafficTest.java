package io.bondwatch.app;

import static io.bondwatch.source.netdev.NetDevText.HEADER;
import static io.bondwatch.source.netdev.NetDevText.line;
import static org.assertj.core.api.Assertions.assertThat;

import io.bondwatch.config.BondwatchConfig;
import io.bondwatch.config.ConfigLoader;
import io.bondwatch.config.ConfigResult;
import io.bondwatch.sink.metrics.MetricsSource.Direction;
import io.bondwatch.time.FakeTimeSource;
import io.bondwatch.time.PeriodicTasks;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrafficTest {
  @TempDir Path dir;
  private final FakeTimeSource clock = new FakeTimeSource();

  private BondwatchConfig config(Path netdev) {
    String yaml =
        """
        bond: { name: mp0, interface: ppp0 }
        members:
          - name: dsl1
            interface: eth1
            capacity: { down: 1Mbit, up: 1Mbit }
            probe: { target: 192.0.2.1 }
          - name: dsl2
            interface: eth2
            capacity: { down: 1Mbit, up: 1Mbit }
            maxRate: 8Mbit
            probe: { target: 192.0.2.2 }
        sources: { netdev: %s }
        """
            .formatted(netdev);
    return ((ConfigResult.Valid) ConfigLoader.parse(yaml, "test.yml")).config();
  }

  private void write(Path f, long eth1, long eth2, long ppp0) throws IOException {
    String line = "%6s: %d 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0%n";
    Files.writeString(
        f,
        HEADER
            + line.formatted("eth1", eth1)
            + line.formatted("eth2", eth2)
            + line.formatted("ppp0", ppp0));
  }

  @Test
  void judgesEachDeviceAgainstItsOwnCeiling() throws IOException {
    Path f = dir.resolve("dev");
    Traffic traffic =
        new Traffic(
            config(f),
            clock,
            Runnable::run,
            new PeriodicTasks(clock).register("netdev", "netdev sampler", Duration.ofSeconds(5)));
    write(f, 0, 0, 0);
    traffic.sample();
    clock.advanceMillis(1000);
    // dsl1 may carry 2 x 1 Mbit/s (500 kB with the second of slack), dsl2 its maxRate (2 MB),
    // the bundle both together (2.5 MB)
    write(f, 1_000_000, 1_000_000, 3_000_000);
    traffic.sample();

    assertThat(traffic.member("dsl1", Direction.RECEIVE).counterResyncs()).isOne();
    assertThat(traffic.member("dsl2", Direction.RECEIVE).counterResyncs()).isZero();
    assertThat(traffic.bundle(Direction.RECEIVE).counterResyncs()).isOne();
  }
}
