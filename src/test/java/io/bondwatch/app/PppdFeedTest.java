package io.bondwatch.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.bondwatch.config.PolicyConfig;
import io.bondwatch.domain.member.Member;
import io.bondwatch.domain.member.MemberState;
import io.bondwatch.source.pppd.MemberMatch;
import io.bondwatch.source.pppd.PppdMetrics;
import io.bondwatch.source.pppd.PppdPidFiles;
import io.bondwatch.source.probe.ProbeResult;
import io.bondwatch.time.FakeTimeSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PppdFeedTest {
  @TempDir Path run;
  private final FakeTimeSource time = new FakeTimeSource();
  private final Member dsl1 =
      new Member(
          "dsl1",
          Wiring.memberPolicy(PolicyConfig.defaults()),
          LinkHealth.of(PolicyConfig.defaults(), Duration.ofMillis(200), Duration.ofSeconds(1)),
          time);
  private final List<String> counted = new ArrayList<>();
  private final PppdMetrics counts =
      new PppdMetrics() {
        @Override
        public void onLogLine(String result) {
          counted.add(result);
        }

        @Override
        public void onPppdEvent(String member, String event) {
          counted.add(member + ":" + event);
        }
      };

  private void up() {
    for (int i = 0; i < 10; i++) {
      time.advanceMillis(200);
      dsl1.onProbe(
          new ProbeResult(
              "dsl1",
              i,
              time.monotonicNanos(),
              time.wallTime(),
              ProbeResult.Outcome.REPLY,
              Duration.ofMillis(5),
              null));
    }
    assertThat(dsl1.state()).isEqualTo(MemberState.UP);
  }

  @Test
  void aLinknamePidFileAttributesLinesThatNameNoDevice() throws Exception {
    Files.writeString(run.resolve("ppp-dsl1.pid"), "4242\n");
    PppdFeed feed =
        new PppdFeed(
            List.of(new MemberMatch("dsl1", null, null, "dsl1")),
            Map.of("dsl1", dsl1),
            counts,
            new PppdPidFiles(run));
    up();
    feed.accept(List.of("Nov 24 10:05:00 r pppd[4242]: No response to 4 echo-requests"));
    assertThat(dsl1.state()).isEqualTo(MemberState.DOWN);
    assertThat(counted).containsExactly("parsed", "dsl1:echo_timeout");
  }

  @Test
  void garbagePidFilesAndForeignLinesAreHarmless() throws Exception {
    Files.writeString(run.resolve("ppp-dsl1.pid"), "not a pid\n");
    PppdFeed feed =
        new PppdFeed(
            List.of(new MemberMatch("dsl1", "eth1", null, "dsl1")),
            Map.of("dsl1", dsl1),
            counts,
            new PppdPidFiles(run));
    up();
    feed.accept(
        List.of(
            "Nov 24 10:05:00 r kernel: eth1: link up",
            "Nov 24 10:05:00 r pppd[77]: No response to 4 echo-requests"));
    assertThat(dsl1.state()).as("pid 77 is nobody's").isEqualTo(MemberState.UP);
    assertThat(counted).containsExactly("ignored", "parsed", ":echo_timeout");
  }

  @Test
  void sendsAMultilinkMembersEchoesAndSessionChangesToItsJudgement() {
    List<String> seen = new ArrayList<>();
    PppdFeed feed =
        new PppdFeed(
            List.of(new MemberMatch("dsl1", "eth1", null, null)),
            Map.of("dsl1", dsl1),
            counts,
            new PppdPidFiles(run),
            new PppdFeed.MultilinkEvents() {
              @Override
              public void echo(String member, Integer pid, boolean request, int id) {
                seen.add(member + " " + pid + (request ? " request " : " reply ") + id);
              }

              @Override
              public void session(String member, boolean up) {
                seen.add(member + (up ? " session up" : " session down"));
              }
            });

    feed.accept(
        List.of(
            "Nov 29 10:00:00 r pppd[400]: Starting negotiation on eth1",
            "Nov 29 10:00:01 r pppd[400]: Link attached to ppp0",
            "Nov 29 10:00:02 r pppd[400]: sent [LCP EchoReq id=0x4 magic=0x3e9f050f]",
            "Nov 29 10:00:02 r pppd[400]: rcvd [LCP EchoRep id=0x4 magic=0x21d7fe1f]",
            "Nov 29 10:00:02 r pppd[999]: sent [LCP EchoReq id=0x1 magic=0x3e9f050f]",
            "Nov 29 10:00:09 r pppd[400]: No response to 4 echo-requests"));

    assertThat(seen)
        .containsExactly(
            "dsl1 session up", "dsl1 400 request 4", "dsl1 400 reply 4", "dsl1 session down");
  }
}
