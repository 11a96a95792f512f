package io.bondwatch.source.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.bondwatch.source.probe.ProbeResult.Outcome;
import io.bondwatch.time.FakeTimeSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * One member's ping session against fake pings (shell scripts) and a fake sysfs: real processes and
 * reader threads, a fake clock, and restarts run by hand.
 */
class PingSessionTest {
  private static final String TALKING =
      "i=1; while :; do echo \"no answer yet for icmp_seq=$i\"; i=$((i+1)); sleep 0.05; done";
  private static final String ANSWERING =
      "i=1; while :; do echo \"64 bytes from 192.0.2.1: icmp_seq=$i ttl=64 time=0.2 ms\";"
          + " i=$((i+1)); sleep 0.05; done";

  @TempDir Path dir;
  private final FakeTimeSource time = new FakeTimeSource();
  private final ManualScheduler scheduler = new ManualScheduler();
  private final List<ProbeResult> results = new CopyOnWriteArrayList<>();
  private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
  private final Logger logger = (Logger) LoggerFactory.getLogger(PingSession.class);
  private PingSession session;

  @BeforeEach
  void captureLogs() {
    logs.start();
    logger.addAppender(logs);
  }

  @AfterEach
  void stop() {
    if (session != null) {
      session.close();
    }
    logger.detachAppender(logs);
  }

  private Path sys() {
    return dir.resolve("sys");
  }

  private void device(int ifindex) throws IOException {
    Files.createDirectories(sys().resolve("eth9"));
    Files.writeString(sys().resolve("eth9").resolve("operstate"), "up\n");
    Files.writeString(sys().resolve("eth9").resolve("ifindex"), ifindex + "\n");
  }

  private void start(String script) throws IOException {
    Path ping = dir.resolve("ping");
    Files.writeString(ping, "#!/bin/sh\n" + script + "\n");
    Files.setPosixFilePermissions(ping, PosixFilePermissions.fromString("rwx------"));
    PingSettings d = PingSettings.defaults();
    PingSettings s =
        new PingSettings(d.interval(), d.timeout(), d.maxBackoff(), List.of(ping.toString()));
    session =
        new PingSession(
            new ProbeTarget("m1", "eth9", "192.0.2.1"),
            results::add,
            s,
            time,
            scheduler,
            new LinkState(sys()));
    session.start();
  }

  private long awaitPid() {
    await().until(() -> session.pid().isPresent());
    return session.pid().getAsLong();
  }

  private static void awaitDead(long pid) {
    await().until(() -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false) == false);
  }

  private List<String> warnings() {
    return logs.list.stream()
        .filter(e -> e.getLevel() == Level.WARN)
        .map(ILoggingEvent::getFormattedMessage)
        .toList();
  }

  @Test
  void aDeviceCreatedAgainUnderItsNameGetsAFreshPingAtItsNextMiss() throws IOException {
    device(7);
    start(TALKING);
    long first = awaitPid();
    await().until(() -> results.size() >= 2);
    device(8);
    await()
        .until(
            () ->
                results.stream()
                    .anyMatch(
                        r ->
                            "link down: eth9 was created again (ifindex 7 -> 8)"
                                .equals(r.reason())));
    assertThat(awaitPid()).isNotEqualTo(first);
    awaitDead(first);
    assertThat(scheduler.pending()).as("started at once, not after a backoff").isEmpty();
  }

  @Test
  void aDeviceCreatedAgainGetsAFreshPingAtTheLinkEventWithoutWaitingForAMiss() throws IOException {
    device(7);
    start(ANSWERING);
    long first = awaitPid();
    await().until(() -> results.size() >= 2);
    device(8);
    session.deviceChanged();
    assertThat(session.pid()).isPresent().isNotEqualTo(java.util.OptionalLong.of(first));
    awaitDead(first);
    assertThat(results).allMatch(ProbeResult::ok);
    assertThat(logs.list)
        .extracting(ILoggingEvent::getFormattedMessage)
        .contains(
            "member m1: eth9 was created again (ifindex 7 -> 8) (link event); restarting ping");
  }

  @Test
  void aPingWaitingForItsBackoffStartsAtTheLinkEventThatTheDeviceIsUp() throws IOException {
    device(7);
    Path ready = dir.resolve("ready");
    start(
        "if [ -e '"
            + ready
            + "' ]; then "
            + ANSWERING
            + "; fi\necho 'ping: connect: Network is unreachable'; exit 2");
    await().until(() -> session.pid().isEmpty() && !scheduler.pending().isEmpty());
    Files.writeString(ready, "");
    session.deviceChanged();
    assertThat(session.pid()).as("started now, not after the backoff").isPresent();
    assertThat(scheduler.pending()).as("the backoff restart is cancelled").isEmpty();
    assertThat(logs.list)
        .extracting(ILoggingEvent::getFormattedMessage)
        .contains("member m1: eth9 is up (link event); starting ping now");
    await().until(() -> results.stream().anyMatch(ProbeResult::ok));
  }

  @Test
  void aLinkEventForTheDevicePingIsBoundToChangesNothing() throws IOException {
    device(7);
    start(ANSWERING);
    long first = awaitPid();
    session.deviceChanged();
    assertThat(session.pid()).hasValue(first);
  }

  @Test
  void aDeviceThatComesBackWhileNoPingRunsIsProbedAtOnce() throws IOException {
    start(
        "if [ -e '"
            + sys().resolve("eth9/ifindex")
            + "' ]; then "
            + TALKING
            + "; fi\necho 'ping: SO_BINDTODEVICE eth9: No such device'; exit 2");
    await().until(() -> session.pid().isEmpty() && !scheduler.pending().isEmpty());
    session.tick(time.monotonicNanos());
    assertThat(results).hasSize(1);
    ProbeResult slot = results.get(0);
    assertThat(slot.outcome()).isEqualTo(Outcome.NOT_SENT);
    assertThat(slot.reason()).isEqualTo("ping exited: ping: SO_BINDTODEVICE eth9: No such device");

    device(9);
    time.advanceMillis(200);
    session.tick(time.monotonicNanos());
    assertThat(session.pid()).as("started at the tick, not after the backoff").isPresent();
    assertThat(logs.list)
        .extracting(ILoggingEvent::getFormattedMessage)
        .contains("member m1: eth9 exists now (ifindex 9); starting ping now");
    assertThat(scheduler.pending()).as("the backoff restart is cancelled").isEmpty();
    await().until(() -> results.stream().anyMatch(r -> r.outcome() == Outcome.LOST));
  }

  @Test
  void aPingThatHangsWithoutOutputIsKilledAndRestarted() throws IOException {
    device(7);
    start(
        "echo 'PING 192.0.2.1 (192.0.2.1) from 192.0.2.2 eth9: 56(84) bytes of data.'\n"
            + "exec sleep 600");
    long hung = awaitPid();
    time.advance(Duration.ofSeconds(12));
    session.tick(time.monotonicNanos());
    assertThat(results)
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.outcome()).isEqualTo(Outcome.NOT_SENT);
              assertThat(r.reason()).isEqualTo("ping printed nothing for 12 s");
            });
    awaitDead(hung);
    assertThat(scheduler.pending())
        .singleElement()
        .satisfies(t -> assertThat(t.delayNanos).isEqualTo(500_000_000L));
    scheduler.runPending();
    assertThat(awaitPid()).isNotEqualTo(hung);
    assertThat(warnings())
        .containsExactly(
            "member m1: ping printed nothing for 12 s; killed it; restarting it with backoff up to 10 s");
  }

  @Test
  void aPingKilledByTheStopSignalIsNotNewsWhenTheServiceStops() throws IOException {
    device(7);
    start("echo 'PING 192.0.2.1'; kill -TERM $$");
    await().until(() -> session.pid().isEmpty() && !scheduler.pending().isEmpty());
    session.close();
    assertThat(warnings()).isEmpty();
  }

  @Test
  void aPingKilledByASignalNobodySentIsWarnedWhenItIsRestarted() throws IOException {
    device(7);
    start("echo 'PING 192.0.2.1'; kill -TERM $$");
    await().until(() -> session.pid().isEmpty() && !scheduler.pending().isEmpty());
    assertThat(warnings()).isEmpty();
    scheduler.runPending();
    assertThat(warnings())
        .containsExactly(
            "member m1: ping exited: killed by SIGTERM, a signal bondwatch did not send;"
                + " restarting it with backoff up to 10 s");
  }
}
