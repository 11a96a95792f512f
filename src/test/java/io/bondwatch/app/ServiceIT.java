package io.bondwatch.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.bondwatch.testbed.BondwatchProcess;
import io.bondwatch.testbed.Cmd;
import io.bondwatch.testbed.NetnsTestBed;
import io.bondwatch.testbed.SystemTests;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real service (the shaded jar, as {@code bondwatch run}) with real ping on two real links in a
 * network namespace: dead links are seen and restored, states and rates appear in a real scrape,
 * and the scrape passes promtool.
 */
class ServiceIT {
  @TempDir Path dir;
  private NetnsTestBed bed;
  private BondwatchProcess bw;

  @BeforeEach
  void bed() {
    SystemTests.require("ip", "ping", "nft", "promtool");
    bed = NetnsTestBed.create(2);
  }

  @AfterEach
  void cleanup(TestInfo info) throws Exception {
    BondwatchProcess.stopShowingOutput(bw, info, bed);
  }

  private Path config(String member1Interface) throws Exception {
    int port = BondwatchProcess.freePort();
    NetnsTestBed.Link a = bed.link(0);
    NetnsTestBed.Link b = bed.link(1);
    String yaml =
        """
        bond: { name: mp0, mode: multilink }
        members:
          - name: dsl1
            interface: %s
            capacity: { down: 5.0Mbit, up: 800kbit }
            probe: { target: %s }
          - name: dsl2
            interface: %s
            capacity: { down: 6.0Mbit, up: 512kbit }
            probe: { target: %s }
        probe: { interval: 200ms, timeout: 1s }
        http: { listen: "127.0.0.1:%d" }
        storage: { dir: %s }
        """
            .formatted(
                a.hostDev(), a.farIp(), member1Interface, b.farIp(), port, dir.resolve("state"));
    Path cfg = dir.resolve("bondwatch.yml");
    Files.writeString(cfg, yaml);
    return cfg;
  }

  private void start(Path cfg) throws Exception {
    String yaml = Files.readString(cfg);
    int port = Integer.parseInt(yaml.replaceAll("(?s).*127\\.0\\.0\\.1:(\\d+).*", "$1"));
    bw = BondwatchProcess.start(dir, port, "run", "--config", cfg.toString());
    await("ready").atMost(Duration.ofSeconds(30)).until(() -> bw.get("/-/ready").code() == 200);
  }

  private void awaitState(String member, String state) {
    await(member + " " + state)
        .atMost(Duration.ofSeconds(20))
        .pollInterval(Duration.ofMillis(100))
        .until(() -> bw.state(member), state::equals);
  }

  @Test
  void deadLinksAreSeenDownAndRestoredAndTheScrapeShowsIt() throws Exception {
    start(config(bed.link(1).hostDev()));
    awaitState("dsl1", "up");
    awaitState("dsl2", "up");
    String metrics = bw.get("/metrics").body();
    // 2 x min(5, 6) Mbit/s = 10 Mbit/s = 1,250,000 bytes/s
    assertThat(metrics)
        .contains(
            "bondwatch_bond_effective_rate_bytes_per_second{bond=\"mp0\",direction=\"receive\",} 1250000.0")
        .contains("bondwatch_member_state{bond=\"mp0\",member=\"dsl1\",state=\"up\",} 1.0");

    bed.linkDown(bed.link(0));
    awaitState("dsl1", "down");
    assertThat(bw.state("dsl2")).isEqualTo("up");
    metrics = bw.get("/metrics").body();
    assertThat(metrics)
        .contains("bondwatch_member_state{bond=\"mp0\",member=\"dsl1\",state=\"down\",} 1.0")
        .contains("bondwatch_bond_members_active{bond=\"mp0\",} 1.0")
        .contains(
            "bondwatch_bond_effective_rate_bytes_per_second{bond=\"mp0\",direction=\"receive\",} 750000.0")
        .contains("bondwatch_member_flaps_total{bond=\"mp0\",member=\"dsl1\",} 1.0");
    bed.linkUp(bed.link(0));
    awaitState("dsl1", "up");

    bed.loss(bed.link(1), 100);
    awaitState("dsl2", "down");
    assertThat(bw.state("dsl1")).isEqualTo("up");
    bed.loss(bed.link(1), 0);
    awaitState("dsl2", "up");

    assertThat(promtool(bw.get("/metrics").body())).isEmpty();
    assertThat(bw.stop()).as("exit code after SIGTERM").isZero();
    assertThat(bw.output()).contains("shutting down").doesNotContain("Exception");
  }

  @Test
  void aMemberWhoseInterfaceIsMissingIsDownWithAReasonAndTheRestRuns() throws Exception {
    start(config("bwnosuch0"));
    awaitState("dsl1", "up");
    assertThat(bw.state("dsl2")).isEqualTo("down");
    // the real cause, not "starting: waiting for probes to answer"
    await("dsl2's reason")
        .atMost(Duration.ofSeconds(20))
        .until(
            () -> bw.status().get("members").get(1).get("reason").asText(),
            "link down: no such device bwnosuch0"::equals);
    assertThat(bw.status().get("members").get(1).get("probesSent").asLong())
        .as("no probe could be sent")
        .isZero();
    assertThat(bw.get("/-/healthy").code()).isEqualTo(200);
  }

  @Test
  void aDeviceDeletedAndCreatedAgainComesBackUpAndStoppingTheGroupIsQuiet() throws Exception {
    start(config(bed.link(1).hostDev()));
    awaitState("dsl1", "up");
    bed.delete(bed.link(0));
    awaitState("dsl1", "down");
    assertThat(bw.status().get("members").get(0).get("reason").asText())
        .containsIgnoringCase("no such device");
    bed.createAgain(bed.link(0));
    // the restore rule: 10 answered probes in a row, once ping is bound to the new device
    awaitState("dsl1", "up");
    assertThat(bw.status().get("members").get(0).get("reason").asText())
        .doesNotContainIgnoringCase("no such device");

    // as systemd and Ctrl-C stop it: SIGTERM to bondwatch and its pings at the same moment
    List<String> kill = new ArrayList<>(List.of("kill", "-TERM"));
    kill.add(Long.toString(bw.process().pid()));
    bw.process().descendants().forEach(p -> kill.add(Long.toString(p.pid())));
    Cmd.run(kill);
    assertThat(bw.process().waitFor(20, TimeUnit.SECONDS)).isTrue();
    assertThat(bw.output()).contains("shutting down").doesNotContain("ping exited");
  }

  private static String promtool(String text) throws Exception {
    Process p =
        new ProcessBuilder("promtool", "check", "metrics").redirectErrorStream(true).start();
    p.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
    p.getOutputStream().close();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor(30, TimeUnit.SECONDS);
    return out;
  }
}
