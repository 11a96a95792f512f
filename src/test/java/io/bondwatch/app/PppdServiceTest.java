package io.bondwatch.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.bondwatch.config.BondwatchConfig;
import io.bondwatch.config.ConfigLoader;
import io.bondwatch.config.ConfigResult;
import io.bondwatch.domain.member.MemberSnapshot;
import io.bondwatch.domain.member.MemberState;
import io.bondwatch.source.probe.SimulatedProber.Condition;
import io.bondwatch.source.probe.SimulatedProber.LinkScript;
import io.bondwatch.time.TimeSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The wired service following a real pppd log file: a session-down line drops the member at once
 * although its probes still answer; a session-up line alone restores nothing until probes agree;
 * duplicates change nothing.
 */
class PppdServiceTest {
  @TempDir Path dir;
  private Wiring wiring;
  private Path log;

  @BeforeEach
  void start() throws Exception {
    log = dir.resolve("messages");
    Files.writeString(log, "Nov 24 09:59:59 r kernel: boot\n");
    Files.writeString(dir.resolve("net-dev"), "");
    String yaml =
        """
        bond: { name: mp0 }
        members:
          - { name: dsl1, interface: eth1, probe: { target: 192.0.2.1 } }
          - { name: dsl2, interface: eth2, probe: { target: 192.0.2.2 } }
        sources: { pppd: { log: %s }, netdev: %s }
        http: { listen: "127.0.0.1:0" }
        storage: { dir: %s }
        """
            .formatted(log, dir.resolve("net-dev"), dir.resolve("state"));
    ConfigResult r = ConfigLoader.parse(yaml, "test");
    assertThat(r.problems()).isEmpty();
    BondwatchConfig cfg = ((ConfigResult.Valid) r).config();
    Map<String, LinkScript> steady =
        Map.of("dsl1", t -> Condition.ok(10, 0), "dsl2", t -> Condition.ok(10, 0));
    wiring =
        Wiring.start(cfg, TimeSource.SYSTEM, Probers.simulated(cfg, TimeSource.SYSTEM, steady), 0);
    await().atMost(Duration.ofSeconds(10)).until(() -> state("dsl2") == MemberState.UP);
  }

  @AfterEach
  void stop() {
    wiring.close();
  }

  private MemberSnapshot member(String name) {
    return wiring.members().get(name).snapshot();
  }

  private MemberState state(String name) {
    return member(name).state();
  }

  private void append(String... lines) throws Exception {
    Files.writeString(log, String.join("\n", lines) + "\n", StandardOpenOption.APPEND);
  }

  @Test
  void echoTimeoutDropsTheMemberAtOnceAndProbesRestoreItOnlyAfterSessionUp() throws Exception {
    append(
        "Nov 24 10:00:01 r pppd[200]: Starting negotiation on eth2",
        "Nov 24 10:00:02 r pppd[200]: Link attached to ppp0",
        "Nov 24 10:05:00 r pppd[200]: No response to 4 echo-requests",
        "Nov 24 10:05:00 r pppd[200]: Serial link appears to be disconnected.");
    await().atMost(Duration.ofSeconds(5)).until(() -> state("dsl2") == MemberState.DOWN);
    assertThat(member("dsl2").reason()).startsWith("pppd: echo_timeout");
    assertThat(member("dsl2").sessionUp()).isFalse();
    assertThat(state("dsl1")).isEqualTo(MemberState.UP);
    assertThat(wiring.scrape())
        .contains(
            "bondwatch_pppd_events_total{bond=\"mp0\",event=\"echo_timeout\",member=\"dsl2\",} 1.0")
        .contains("bondwatch_member_session_up{bond=\"mp0\",member=\"dsl2\",} 0.0")
        .contains("bondwatch_log_lines_total{bond=\"mp0\",result=\"parsed\",}");

    // probes keep answering, but pppd says the session is down: it stays down
    long sent = member("dsl2").probesSent();
    await().atMost(Duration.ofSeconds(10)).until(() -> member("dsl2").probesSent() > sent + 15);
    assertThat(state("dsl2")).isEqualTo(MemberState.DOWN);

    append(
        "Nov 24 10:05:30 r pppd[201]: Starting negotiation on eth2",
        "Nov 24 10:05:31 r pppd[201]: Link attached to ppp0");
    await().atMost(Duration.ofSeconds(10)).until(() -> state("dsl2") == MemberState.UP);
    assertThat(member("dsl2").sessionUp()).isTrue();
    assertThat(member("dsl2").flaps()).isEqualTo(1);
  }

  @Test
  void duplicateDownLinesChangeNothing() throws Exception {
    append(
        "Nov 24 10:00:01 r pppd[200]: Starting negotiation on eth2",
        "Nov 24 10:05:00 r pppd[200]: LCP terminated by peer",
        "Nov 24 10:05:00 r pppd[200]: Connect time 12.3 minutes.",
        "Nov 24 10:05:00 r pppd[200]: Connect time 12.3 minutes.",
        "Nov 24 10:05:01 r pppd[200]: Modem hangup",
        "Nov 24 10:05:01 r pppd[200]: Connection terminated.");
    await().atMost(Duration.ofSeconds(5)).until(() -> state("dsl2") == MemberState.DOWN);
    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> wiring.scrape().contains("event=\"link_down\",member=\"dsl2\""));
    assertThat(member("dsl2").flaps()).isEqualTo(1);
    assertThat(member("dsl2").reason()).startsWith("pppd: terminated_by_peer");
  }
}
