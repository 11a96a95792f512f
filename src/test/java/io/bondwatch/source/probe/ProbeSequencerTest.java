package io.bondwatch.source.probe;

import static org.assertj.core.api.Assertions.assertThat;

import io.bondwatch.source.probe.ProbeResult.Outcome;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProbeSequencerTest {
  private static final Instant WALL = Instant.parse("2026-01-01T00:00:00Z");
  private final PingOutputParser parser = new PingOutputParser();
  private final ProbeSequencer seq = new ProbeSequencer("dsl1");
  private long now = 1_000;

  private List<ProbeResult> feed(String... lines) {
    List<ProbeResult> out = new ArrayList<>();
    for (String l : lines) {
      out.addAll(seq.onLine(parser.parse(l), now++, WALL));
    }
    return out;
  }

  private static String reply(int s) {
    return "64 bytes from 198.19.250.2: icmp_seq=" + s + " ttl=64 time=0.045 ms";
  }

  private static String none(int s) {
    return "no answer yet for icmp_seq=" + s;
  }

  private static List<String> outcomes(List<ProbeResult> rs) {
    return rs.stream().map(r -> r.seq() + ":" + r.outcome()).toList();
  }

  @Test
  void repliesAndNoAnswersBecomeReplyAndLost() {
    seq.processStarted();
    List<ProbeResult> rs =
        feed("PING 198.19.250.2 (198.19.250.2) 56(84) bytes of data.", reply(1), none(2), reply(3));
    assertThat(outcomes(rs)).containsExactly("1:REPLY", "2:LOST", "3:REPLY");
    assertThat(rs.get(0).rtt()).isEqualTo(Duration.ofNanos(45_000));
    assertThat(rs.get(0).member()).isEqualTo("dsl1");
  }

  @Test
  void countsSequenceGapsAsLost() {
    seq.processStarted();
    List<ProbeResult> rs = feed(reply(1), reply(4));
    assertThat(outcomes(rs)).containsExactly("1:REPLY", "2:LOST", "3:LOST", "4:REPLY");
    assertThat(rs.get(1).reason()).contains("sequence gap");
  }

  @Test
  void reportsLateReplyForAProbeAlreadyLost() {
    seq.processStarted();
    assertThat(outcomes(feed(reply(1), none(2), reply(3), reply(2))))
        .containsExactly("1:REPLY", "2:LOST", "3:REPLY", "2:REPLY");
  }

  @Test
  void ignoresDuplicatesAndRepeatedReplies() {
    seq.processStarted();
    assertThat(outcomes(feed(reply(1), reply(1) + " (DUP!)", reply(1)))).containsExactly("1:REPLY");
  }

  @Test
  void countsEveryRepeatOfAStuckSequenceNumberAsOneMoreSlotWithoutAProbe() {
    // captured: with no carrier iputils repeats "no answer yet for icmp_seq=17" every interval,
    // since it could not send the next probe (ENOBUFS) and so did not number one
    seq.processStarted();
    List<ProbeResult> rs = feed(reply(1), none(2), none(2), none(2), none(3), reply(4));
    assertThat(outcomes(rs))
        .containsExactly("1:REPLY", "2:LOST", "3:NOT_SENT", "4:NOT_SENT", "5:LOST", "6:REPLY");
  }

  @Test
  void givesTheFailureReasonToTheProbeItConcerns() {
    seq.processStarted();
    List<ProbeResult> rs = feed(reply(1), "ping: sendmsg: Network is unreachable", none(2));
    assertThat(outcomes(rs))
        .as("a probe that could not be sent")
        .containsExactly("1:REPLY", "2:NOT_SENT");
    assertThat(rs.get(1).reason()).isEqualTo("ping: sendmsg: Network is unreachable");
    assertThat(rs.get(1).sent()).isFalse();
  }

  @Test
  void aRepeatedNumberAfterASendFailureIsAnotherSlotWithoutAProbe() {
    seq.processStarted();
    List<ProbeResult> rs =
        feed(reply(1), "ping: sendmsg: No buffer space available", none(2), none(2), reply(3));
    assertThat(outcomes(rs)).containsExactly("1:REPLY", "2:NOT_SENT", "3:NOT_SENT", "4:REPLY");
  }

  @Test
  void icmpErrorIsCountedOnceEvenWhenNoAnswerFollows() {
    seq.processStarted();
    List<ProbeResult> rs =
        feed(reply(1), "From 192.0.2.1 icmp_seq=2 Destination Host Unreachable", none(2), reply(3));
    assertThat(outcomes(rs)).containsExactly("1:REPLY", "2:ERROR", "3:REPLY");
    assertThat(rs.get(1).reason()).isEqualTo("Destination Host Unreachable from 192.0.2.1");
  }

  @Test
  void keepsNumbersIncreasingAcrossRestartsAndSyntheticSlots() {
    seq.processStarted();
    feed(reply(1), reply(2));
    ProbeResult gap =
        seq.synthetic(
            Outcome.ERROR, "ping exited: ping: SO_BINDTODEVICE eth9: No such device", now, WALL);
    assertThat(gap.seq()).isEqualTo(3);
    assertThat(gap.reason()).contains("No such device");
    seq.processStarted();
    assertThat(outcomes(feed(reply(1), none(2)))).containsExactly("4:REPLY", "5:LOST");
  }

  @Test
  void unwrapsIcmpSeqPastSixtyFiveThousand() {
    seq.processStarted();
    feed(reply(1));
    List<ProbeResult> rs = new ArrayList<>();
    for (int s = 2; s <= 65537; s++) {
      rs.addAll(feed(reply(s & 0xFFFF)));
    }
    assertThat(rs).hasSize(65536).allMatch(ProbeResult::ok);
    assertThat(rs.get(rs.size() - 1).seq()).isEqualTo(65537);
  }

  @Test
  void doesNotInventThousandsOfLossesFromAConfusedSequenceJump() {
    seq.processStarted();
    assertThat(feed(reply(1), reply(20000))).hasSize(2);
  }
}
