package io.bondwatch.source.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Lines captured from iputils 20221126 in a netns test bed here ({@code ping -n -I dev -O -D -i 0.2
 * -W 1}), plus formats of older iputils (icmp_req, no -n) and of ICMP errors from routers.
 */
class PingOutputParserTest {

  private final PingOutputParser parser = new PingOutputParser();

  @Test
  void readsReplyWithStampAndSubMillisecondRtt() {
    assertThat(
            parser.parse(
                "[1795482812.701195] 64 bytes from 198.19.250.2: icmp_seq=1 ttl=64 time=0.213 ms"))
        .isEqualTo(new PingLine.Reply(1, Duration.ofNanos(213_000), false));
  }

  @Test
  void readsReplyWithHostNameAndWholeMilliseconds() {
    assertThat(
            parser.parse(
                "64 bytes from gw.example.net (192.0.2.1): icmp_seq=77 ttl=57 time=123 ms"))
        .isEqualTo(new PingLine.Reply(77, Duration.ofMillis(123), false));
  }

  @Test
  void readsOldIcmpReqReplies() {
    assertThat(parser.parse("64 bytes from 10.0.0.1: icmp_req=5 ttl=64 time=1.45 ms"))
        .isEqualTo(new PingLine.Reply(5, Duration.ofNanos(1_450_000), false));
  }

  @Test
  void marksDuplicates() {
    assertThat(parser.parse("64 bytes from 10.0.0.1: icmp_seq=5 ttl=64 time=1.45 ms (DUP!)"))
        .isEqualTo(new PingLine.Reply(5, Duration.ofNanos(1_450_000), true));
  }

  @Test
  void readsNoAnswerYetWithAndWithoutStamp() {
    assertThat(parser.parse("[1795482818.946048] no answer yet for icmp_seq=6"))
        .isEqualTo(new PingLine.NoAnswer(6));
    assertThat(parser.parse("no answer yet for icmp_seq=65535"))
        .isEqualTo(new PingLine.NoAnswer(65535));
  }

  @Test
  void readsIcmpErrorsWithTheirReason() {
    assertThat(parser.parse("From 192.168.1.1 icmp_seq=3 Destination Host Unreachable"))
        .isEqualTo(new PingLine.ErrorReply(3, "192.168.1.1", "Destination Host Unreachable"));
    assertThat(parser.parse("[1795482818.1] From 10.0.0.1 icmp_seq=9 Time to live exceeded"))
        .isEqualTo(new PingLine.ErrorReply(9, "10.0.0.1", "Time to live exceeded"));
    assertThat(parser.parse("From gw (10.0.0.1): icmp_seq=2 Frag needed and DF set (mtu = 1492)"))
        .isEqualTo(new PingLine.ErrorReply(2, "10.0.0.1", "Frag needed and DF set (mtu = 1492)"));
    assertThat(
            parser.parse(
                "From 2001:db8::1 icmp_seq=4 Destination unreachable: Address unreachable"))
        .isEqualTo(
            new PingLine.ErrorReply(
                4, "2001:db8::1", "Destination unreachable: Address unreachable"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "ping: SO_BINDTODEVICE bwnosuch0: No such device",
        "ping: connect: Network is unreachable",
        "ping: sendmsg: Network is unreachable",
        "ping: sendmsg: No buffer space available",
        "ping: 300.1.2.3: Name or service not known"
      })
  void readsPingsOwnComplaintsAsFailures(String line) {
    assertThat(parser.parse(line)).isEqualTo(new PingLine.Failure(line));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "PING 198.19.250.2 (198.19.250.2) from 198.19.250.1 bwcaph0: 56(84) bytes of data.",
        "--- 198.19.250.2 ping statistics ---",
        "10 packets transmitted, 10 received, 0% packet loss, time 1834ms",
        "rtt min/avg/max/mdev = 0.036/0.061/0.213/0.050 ms",
        "",
        "   "
      })
  void readsBannerAndSummaryAsInfo(String line) {
    assertThat(parser.parse(line)).isInstanceOf(PingLine.Info.class);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "64 bytes from 10.0.0.1: icmp_seq=5 ttl=64",
        "64 bytes from 10.0.0.1: icmp_seq=99999999 ttl=64 time=1 ms",
        "no answer yet for icmp_seq=70000",
        "garbage \u0000\u0007 line",
        "[1795482812.701195] something new in iputils 2030"
      })
  void keepsUnknownOrDamagedLinesWhole(String line) {
    assertThat(parser.parse(line)).isEqualTo(new PingLine.Unrecognised(line));
  }

  @Test
  void readsTheVariantsTheHandWrittenHotPathMustKeep() {
    assertThat(
            parser.parse("  [1795482812] 64 bytes from 10.0.0.1: icmp_seq=0 ttl=64 time=1.5 ms "))
        .isEqualTo(new PingLine.Reply(0, Duration.ofNanos(1_500_000), false));
    assertThat(parser.parse("64 bytes from 2001:db8::1: icmp_seq=3 ttl=64 time<1 ms"))
        .isEqualTo(new PingLine.Reply(3, Duration.ofMillis(1), false));
    assertThat(parser.parse("64 bytes from 10.0.0.1: icmp_seq=7 ttl=64 time=12.3456789ms"))
        .as("ping never prints below a nanosecond: the rest is cut, as BigDecimal did")
        .isEqualTo(new PingLine.Reply(7, Duration.ofNanos(12_345_678), false));
    assertThat(parser.parse("[1795482818.9] no answer yet for icmp_seq=0"))
        .isEqualTo(new PingLine.NoAnswer(0));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "64 bytes from 10.0.0.1: icmp_seq=1234567890 ttl=64 time=1 ms",
        "64 bytes from 10.0.0.1: icmp_seq=5x ttl=64 time=1 ms",
        "64 bytes from 10.0.0.1: icmp_seq=5 ttl=64 time=1 s",
        "64 bytes from 10.0.0.1: icmp_seq=5 ttl=64 time=.5 ms",
        "64 bytes from 10.0.0.1: icmp_seq=5 ttl=64 xtime=1 ms",
        "64 bytes from 10.0.0.1 icmp_seq=5 ttl=64 time=1 ms",
        "no answer yet for icmp_seq=12 more",
        "no answer yet for icmp_seq=",
        "[17954x] no answer yet for icmp_seq=1"
      })
  void damagedHotPathLinesAreUnrecognisedNotMisread(String line) {
    assertThat(parser.parse(line)).isEqualTo(new PingLine.Unrecognised(line));
  }

  @Test
  void nullIsHarmless() {
    assertThat(parser.parse(null)).isInstanceOf(PingLine.Info.class);
  }
}
