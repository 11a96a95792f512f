package io.bondwatch.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.bondwatch.testbed.BondwatchProcess;
import io.bondwatch.testbed.MultilinkBed;
import io.bondwatch.testbed.MultilinkDeaths;
import io.bondwatch.testbed.SystemTests;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
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
  void anUnderlayThatLosesItsCarrierIsDownWithThatReason() throws Exception {
    start();
    await("both up")
        .atMost(Duration.ofSeconds(30))
        .until(() -> bw.state("dsl1").equals("up") && bw.state("dsl2").equals("up"));

    bed.farDown(bed.underlay(1));

    await("dsl2 down").atMost(Duration.ofSeconds(10)).until(() -> bw.state("dsl2"), "down"::equals);
    assertThat(bw.status().get("members").get(1).get("reason").asText())
        .startsWith("carrier lost on " + bed.underlay(1).hostDev());
    assertThat(bw.state("dsl1")).isEqualTo("up");
  }
}
