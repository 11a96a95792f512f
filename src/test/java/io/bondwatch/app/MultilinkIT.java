package io.bondwatch.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.bondwatch.testbed.BondwatchProcess;
import io.bondwatch.testbed.MultilinkBed;
import io.bondwatch.testbed.MultilinkDeaths;
import io.bondwatch.testbed.NetnsTestBed;
import io.bondwatch.testbed.SystemTests;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real service on an emulated Multilink PPP bundle (MultilinkBed): members without an address,
 * judged by their underlay's PPPoE heartbeat (every 200 ms) and the bundle probe. Twenty silent
 * deaths alternating between the members: the dead one is named down every time, the live one
 * never; the time of each is printed.
 */
class MultilinkIT {
  @TempDir Path dir;
  private MultilinkBed bed;
  private BondwatchProcess bw;

  @BeforeEach
  void bed() {
    SystemTests.require("ip", "ping", "nft", "python3", "sysctl");
    bed = MultilinkBed.create(2, Duration.ofMillis(200));
  }

  @AfterEach
  void cleanup(TestInfo info) {
    if (bw != null) {
      bw.close();
      System.err.println("--- bondwatch output of " + info.getDisplayName() + " (tail) ---");
      String out = bw.output();
      System.err.println(out.substring(Math.max(0, out.length() - 6000)));
    }
    if (bed != null) {
      bed.close();
    }
  }

  private void start() throws Exception {
    int port = BondwatchProcess.freePort();
    Path cfg = Files.writeString(dir.resolve("bondwatch.yml"), bed.config(port, dir.resolve("s")));
    bw = BondwatchProcess.start(dir, port, "run", "--config", cfg.toString());
    await("ready").atMost(Duration.ofSeconds(30)).until(() -> bw.get("/-/ready").code() == 200);
  }

  @Test
  void twentySilentDeathsNameTheDeadMemberEveryTimeAndTheLiveOneNever() throws Exception {
    start();

    List<MultilinkDeaths.Death> deaths = new MultilinkDeaths(bed, bw).run(20, System.out);

    assertThat(deaths)
        .allSatisfy(
            d -> {
              assertThat(d.detectedSeconds()).as(d.victim() + " named down").isPositive();
              assertThat(d.wrongDowns()).as("others down while " + d.victim() + " died").isZero();
              assertThat(d.reason())
                  .as("the evidence")
                  .contains("no frames received on")
                  .contains("bundle probes lost");
            });
    String metrics = bw.get("/metrics").body();
    assertThat(metrics)
        .containsPattern("bondwatch_member_frame_age_seconds\\{bond=\"mp0\",member=\"dsl1\",} 0\\.")
        .contains("bondwatch_bond_fault{bond=\"mp0\",} 0.0")
        .contains("bondwatch_bond_rtt_seconds{bond=\"mp0\",}");
  }

  @Test
  void aBundleStallWithEveryUnderlaySilentBlamesNobody() throws Exception {
    start();
    await("both up")
        .atMost(Duration.ofSeconds(30))
        .until(() -> bw.state("dsl1").equals("up") && bw.state("dsl2").equals("up"));

    bed.silenceAll();

    await("bundle fault")
        .atMost(Duration.ofSeconds(15))
        .until(
            () -> bw.status().get("bond").path("fault").asText(""),
            f -> f.contains("nobody blamed"));
    assertThat(bw.state("dsl1")).isEqualTo("up");
    assertThat(bw.state("dsl2")).isEqualTo("up");
    assertThat(bw.get("/metrics").body()).contains("bondwatch_bond_fault{bond=\"mp0\",} 1.0");
    assertThat(bw.get("/").body()).contains("id=\"fault\"");
  }

  @Test
  void anUnderlayThatLosesItsCarrierIsDownAtTheLinkEventAndComesBackAfterTheRestoreWindow()
      throws Exception {
    start();
    await("both up")
        .atMost(Duration.ofSeconds(30))
        .until(() -> bw.state("dsl1").equals("up") && bw.state("dsl2").equals("up"));
    NetnsTestBed.Link u = bed.underlay(1);

    Instant issued = Instant.now();
    bed.farDown(u);

    bw.awaitState("dsl2", "down", Duration.ofMillis(10));
    JsonNode dsl2 = bw.status().get("members").get(1);
    assertThat(dsl2.get("reason").asText()).isEqualTo("link down: carrier lost on " + u.hostDev());
    assertThat(dsl2.get("underlay").get("carrier").asText()).isEqualTo("false");
    Duration took = Duration.between(issued, Instant.parse(dsl2.get("since").asText()));
    System.out.printf(
        Locale.ROOT,
        "MultilinkIT: dsl2 down %.1f ms after issuing 'ip link set %s down'%n",
        took.toNanos() / 1e6,
        u.farDev());
    assertThat(took)
        .as("at the link event, not at a sample or the bundle probe (generous bound)")
        .isLessThan(Duration.ofMillis(500));
    assertThat(bw.state("dsl1")).isEqualTo("up");

    bed.farUp(u);
    await("dsl2 up").atMost(Duration.ofSeconds(15)).until(() -> bw.state("dsl2"), "up"::equals);
    assertThat(bw.status().get("members").get(1).get("reason").asText())
        .contains("frames on " + u.hostDev());
  }
}
