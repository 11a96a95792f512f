package io.bondwatch.source.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.bondwatch.source.probe.ProbeResult.Outcome;
import io.bondwatch.testbed.Cmd;
import io.bondwatch.testbed.NetnsTestBed;
import io.bondwatch.testbed.SystemTests;
import io.bondwatch.time.TimeSource;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PingProberIT {
  private static final Duration WAIT = Duration.ofSeconds(20);

  private ScheduledExecutorService scheduler;
  private NetnsTestBed bed;
  private PingProber prober;

  @BeforeEach
  void setUp() {
    SystemTests.require("ip", "ping", "nft");
    scheduler = Executors.newSingleThreadScheduledExecutor();
    bed = NetnsTestBed.create(2);
    prober = new PingProber(PingSettings.defaults(), TimeSource.SYSTEM, scheduler);
  }

  @AfterEach
  void tearDown() {
    if (prober != null) {
      prober.close();
    }
    if (bed != null) {
      bed.close();
    }
    if (scheduler != null) {
      scheduler.shutdownNow();
    }
  }

  private List<ProbeResult> probe(NetnsTestBed.Link link) {
    List<ProbeResult> results = new CopyOnWriteArrayList<>();
    prober.start(new ProbeTarget("m" + link.index(), link.hostDev(), link.farIp()), results::add);
    return results;
  }

  /**
   * Waits for {@code count} results matching {@code what} after the first {@code from}. The list
   * grows on the prober's thread meanwhile: it is read through a stream, which walks one snapshot
   * of a CopyOnWriteArrayList (a subList view of it throws ConcurrentModificationException once the
   * list grows under it).
   */
  private static void awaitAfter(
      List<ProbeResult> results, int from, int count, Predicate<ProbeResult> what) {
    await().atMost(WAIT).until(() -> results.stream().skip(from).filter(what).count() >= count);
  }

  @Test
  void repliesFlowWithRttsOnBothMembers() {
    List<ProbeResult> a = probe(bed.link(0));
    List<ProbeResult> b = probe(bed.link(1));
    awaitAfter(a, 0, 5, r -> r.ok() && r.rtt().toNanos() > 0);
    awaitAfter(b, 0, 5, r -> r.ok() && r.rtt().toNanos() > 0);
    assertThat(a).allMatch(r -> r.member().equals("m0"));
    assertThat(a.stream().mapToLong(ProbeResult::seq)).isSorted();
  }

  @Test
  void silentLinkGivesLostAndRecovers() {
    List<ProbeResult> a = probe(bed.link(0));
    awaitAfter(a, 0, 3, ProbeResult::ok);
    bed.loss(bed.link(0), 100);
    int mark = a.size();
    awaitAfter(a, mark, 5, r -> r.outcome() == Outcome.LOST);
    bed.loss(bed.link(0), 0);
    awaitAfter(a, a.size(), 3, ProbeResult::ok);
  }

  @Test
  void linkSetDownGivesFailuresNamingTheDevice() {
    List<ProbeResult> a = probe(bed.link(0));
    awaitAfter(a, 0, 3, ProbeResult::ok);
    bed.linkDown(bed.link(0));
    int mark = a.size();
    awaitAfter(
        a, mark, 3, r -> r.outcome() == Outcome.ERROR && ProbeReasons.provesLinkGone(r.reason()));
    assertThat(a.get(a.size() - 1).reason()).contains(bed.link(0).hostDev()).contains("down");
    bed.linkUp(bed.link(0));
    awaitAfter(a, a.size(), 3, ProbeResult::ok);
  }

  @Test
  void missingInterfaceGivesReasonsUntilItAppears() {
    NetnsTestBed.Link link = bed.link(0);
    Cmd.run("ip", "link", "del", link.hostDev());
    List<ProbeResult> a = probe(link);
    awaitAfter(
        a, 0, 5, r -> r.outcome() == Outcome.NOT_SENT && r.reason().contains("No such device"));
    assertThat(a.stream().filter(r -> r.reason() != null).findFirst().orElseThrow().reason())
        .startsWith("ping exited: ping: SO_BINDTODEVICE " + link.hostDev());
    // create the same veth pair again: the next tick sees the device and starts ping
    bed.createAgain(link);
    awaitAfter(a, a.size(), 3, ProbeResult::ok);
  }

  @Test
  void aDeviceDeletedAndCreatedAgainUnderItsNameIsProbedAgain() {
    NetnsTestBed.Link link = bed.link(0);
    List<ProbeResult> a = probe(link);
    awaitAfter(a, 0, 3, ProbeResult::ok);
    long deaf = prober.pid("m0").orElseThrow();
    // as pppN between two PPPoE sessions: ping keeps running, bound to an index that is gone
    bed.delete(link);
    awaitAfter(a, a.size(), 3, r -> !r.ok() && ProbeReasons.provesLinkGone(r.reason()));
    bed.createAgain(link);
    awaitAfter(a, a.size(), 3, ProbeResult::ok);
    assertThat(prober.pid("m0")).isPresent().isNotEqualTo(java.util.OptionalLong.of(deaf));
  }

  @Test
  void pingKilledFromOutsideIsRestarted() {
    List<ProbeResult> a = probe(bed.link(0));
    awaitAfter(a, 0, 3, ProbeResult::ok);
    long pid = prober.pid("m0").orElseThrow();
    Cmd.run("kill", "-9", Long.toString(pid));
    await()
        .atMost(WAIT)
        .until(() -> prober.pid("m0").isPresent() && prober.pid("m0").getAsLong() != pid);
    awaitAfter(a, a.size(), 3, ProbeResult::ok);
    assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive))
        .isNotEqualTo(java.util.Optional.of(true));
  }

  @Test
  void closeLeavesNoPingRunning() {
    probe(bed.link(0));
    probe(bed.link(1));
    await().atMost(WAIT).until(() -> prober.pid("m0").isPresent() && prober.pid("m1").isPresent());
    long p0 = prober.pid("m0").getAsLong();
    long p1 = prober.pid("m1").getAsLong();
    prober.close();
    assertThat(ProcessHandle.of(p0)).isEmpty();
    assertThat(ProcessHandle.of(p1)).isEmpty();
    assertThatThrownBy(() -> probe(bed.link(0))).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void missingPingIsAClearStartupError() {
    PingSettings s = PingSettings.defaults();
    PingSettings missing =
        new PingSettings(s.interval(), s.timeout(), s.maxBackoff(), List.of("/nonexistent/ping"));
    assertThatThrownBy(() -> new PingProber(missing, TimeSource.SYSTEM, scheduler))
        .isInstanceOf(ProbeUnavailableException.class)
        .hasMessage("'/nonexistent/ping' not found or not executable: install iputils-ping");
  }

  @Test
  void pingWithoutPermissionIsAClearStartupError() {
    // nobody, without capabilities, through a ping copy that has no file capability
    Cmd.run("cp", SystemTests.which("ping").toString(), "/tmp/bw-ping-nocap");
    try {
      PingSettings s = PingSettings.defaults();
      PingSettings nobody =
          new PingSettings(
              s.interval(),
              s.timeout(),
              s.maxBackoff(),
              List.of(
                  "setpriv",
                  "--reuid=65534",
                  "--regid=65534",
                  "--clear-groups",
                  "--inh-caps=-all",
                  "/tmp/bw-ping-nocap"));
      assertThatThrownBy(() -> new PingProber(nobody, TimeSource.SYSTEM, scheduler))
          .isInstanceOf(ProbeUnavailableException.class)
          .hasMessageStartingWith("ping may not probe as this user (")
          .hasMessageNotContaining("\n");
    } finally {
      Cmd.run("rm", "-f", "/tmp/bw-ping-nocap");
    }
  }
}
