package io.bondwatch.source.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.bondwatch.domain.link.LinkObservation;
import io.bondwatch.source.probe.ManualScheduler;
import io.bondwatch.time.FakeTimeSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The monitor's life against a fake {@code ip} (a shell script answering {@code -V}, {@code -o link
 * show} and {@code -o monitor link} from the captured fixtures): real processes and reader thread,
 * a fake clock, restarts run by hand.
 */
class IpLinkMonitorTest {
  private static final String HOST = IpLinkParserTest.HOST;

  @TempDir Path dir;
  private final FakeTimeSource time = new FakeTimeSource();
  private final ManualScheduler scheduler = new ManualScheduler();
  private final List<String> seen = new CopyOnWriteArrayList<>();
  private IpLinkMonitor monitor;

  @AfterEach
  void stop() {
    if (monitor != null) {
      monitor.close();
    }
  }

  private Path fixture(String name) throws IOException {
    Path p = dir.resolve(name);
    try (InputStream in = getClass().getResourceAsStream("/link/" + name)) {
      Files.write(p, in.readAllBytes());
    }
    return p;
  }

  /** A fake ip: {@code version} for -V, the listing, and what the monitor does. */
  private List<String> ip(String version, String listing, String monitor) throws IOException {
    Path ip = dir.resolve("ip");
    Files.writeString(
        ip,
        "#!/bin/sh\n"
            + "case \"$*\" in\n"
            + "  -V) echo '"
            + version
            + "' ;;\n"
            + "  '-o link show') echo x >> '"
            + dir.resolve("listings")
            + "'; "
            + listing
            + " ;;\n"
            + "  '-o monitor link') "
            + monitor
            + " ;;\n"
            + "esac\n");
    Files.setPosixFilePermissions(ip, PosixFilePermissions.fromString("rwx------"));
    return List.of(ip.toString());
  }

  private void start(List<String> ip, String... devices) {
    monitor =
        new IpLinkMonitor(
            ip, time, scheduler, new NetlinkSockets(dir.resolve("no-netlink-table"), time));
    monitor.start(Set.of(devices), this::record);
  }

  private void record(LinkObservation o) {
    String p = o.problem();
    seen.add(o.device() + " " + o.ifindex() + " " + (p == null ? "ok" : p));
  }

  private long listings() throws IOException {
    Path p = dir.resolve("listings");
    return Files.exists(p) ? Files.readAllLines(p).size() : 0;
  }

  @Test
  void readsTheStateOnceThenFollowsEveryChange() throws IOException {
    start(
        ip(
            "ip utility, iproute2-6.1.0",
            "cat '" + fixture("veth-up.show") + "'",
            "cat '" + fixture("veth-peer-carrier-lost.monitor") + "'; exec sleep 600"),
        HOST,
        "eth9");
    await()
        .untilAsserted(
            () ->
                assertThat(seen)
                    .containsExactlyInAnyOrder(
                        HOST + " 326 ok",
                        "eth9 -1 no such device eth9",
                        HOST + " 326 carrier lost on " + HOST,
                        HOST + " 326 ok"));
    assertThat(seen.subList(0, 2)).as("the state first").contains(HOST + " 326 ok");
    assertThat(monitor.problems()).isEmpty();
  }

  @Test
  void aMonitorThatExitsIsRestartedWithBackoffAndTheStateIsReadAgain() throws IOException {
    start(
        ip(
            "ip utility, iproute2-6.1.0",
            "cat '" + fixture("veth-no-carrier.show") + "'",
            "echo 'Cannot open netlink socket: Permission denied'; exit 1"),
        HOST);
    await().until(() -> !monitor.problems().isEmpty());
    assertThat(monitor.problems())
        .containsExactly(
            "link monitor: ip exited: Cannot open netlink socket: Permission denied;"
                + " restarting it");
    assertThat(scheduler.pending())
        .singleElement()
        .satisfies(t -> assertThat(t.delayNanos).isEqualTo(500_000_000L));
    assertThat(listings()).isEqualTo(1);

    scheduler.runPending();
    await("the next restart, twice as long after")
        .until(() -> scheduler.pending().stream().anyMatch(t -> t.delayNanos == 1_000_000_000L));
    assertThat(listings()).isEqualTo(2);
    assertThat(seen)
        .containsExactly(
            HOST + " 326 carrier lost on " + HOST, HOST + " 326 carrier lost on " + HOST);
  }

  @Test
  void aListingThatKeepsFailingIsWarnedOnceAndChangesAreStillFollowed() throws IOException {
    ListAppender<ILoggingEvent> logs = new ListAppender<>();
    logs.start();
    Logger logger = (Logger) LoggerFactory.getLogger(IpLinkMonitor.class);
    logger.addAppender(logs);
    try {
      start(
          ip(
              "ip utility, iproute2-6.1.0",
              "echo 'Cannot send dump request: Connection refused'; exit 1",
              "cat '" + fixture("veth-peer-carrier-lost.monitor") + "'"),
          HOST);
      await().until(() -> !scheduler.pending().isEmpty() && seen.size() == 2);
      scheduler.runPending();
      await().until(() -> listings() == 2 && seen.size() == 4);
      assertThat(seen).startsWith(HOST + " 326 carrier lost on " + HOST, HOST + " 326 ok");
      assertThat(logs.list)
          .as("the second failure is at debug")
          .filteredOn(e -> e.getLevel() == Level.WARN)
          .extracting(ILoggingEvent::getFormattedMessage)
          .filteredOn(m -> m.contains("link show failed"))
          .containsExactly(
              "link monitor: "
                  + dir.resolve("ip")
                  + " -o link show failed (Cannot send dump request: Connection refused);"
                  + " following changes only");
    } finally {
      logger.detachAppender(logs);
    }
  }

  @Test
  void aMissingIpIsOneLineSayingWhatToInstall() {
    assertThatThrownBy(() -> start(List.of(dir.resolve("nowhere/ip").toString()), HOST))
        .isInstanceOf(LinkSourceUnavailableException.class)
        .hasMessageStartingWith("cannot run '" + dir.resolve("nowhere/ip") + "' (")
        .hasMessageEndingWith("): install iproute2");
  }

  @Test
  void busyBoxIpIsRefusedSayingWhy() throws IOException {
    List<String> ip = ip("BusyBox v1.36.1 (2024-01-01) multi-call binary.", "true", "true");
    assertThatThrownBy(() -> start(ip, HOST))
        .isInstanceOf(LinkSourceUnavailableException.class)
        .hasMessage(
            "'"
                + ip.get(0)
                + "' is not iproute2's ip (it says 'BusyBox v1.36.1 (2024-01-01) multi-call"
                + " binary.'): bondwatch needs 'ip -o monitor link'; install iproute2 (OpenWrt:"
                + " ip-full)");
  }

  @Test
  void aRouteSocketOfThePidWithTheLinkGroupIsASubscription() {
    String table =
        "sk               Eth Pid        Groups   Rmem     Wmem     Dump  Locks    Drops    Inode\n"
            + "0000000017697fab 0   0          00000000 0        0        0     2        0        4\n"
            + "000000003796ad54 0   3190381035 00000000 0        0        0     2        0        1\n"
            + "000000004dfe4289 0   14498      00000001 0        0        0     2        0        2\n"
            + "000000004dfe4290 16  14499      00000001 0        0        0     2        0        3\n"
            + "000000004dfe4291 0   14500      00000540 0        0        0     2        0        5\n";
    assertThat(NetlinkSockets.subscribed(table, 14498)).isTrue();
    assertThat(NetlinkSockets.subscribed(table, 14499)).as("generic netlink").isFalse();
    assertThat(NetlinkSockets.subscribed(table, 14500)).as("address groups only").isFalse();
    assertThat(NetlinkSockets.subscribed(table, 1449)).isFalse();
  }
}
