package io.bondwatch.source.pppd;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PppdLineParserTest {

  private final PppdLineParser parser = new PppdLineParser();

  private PppdEvent event(String line) {
    ParseOutcome o = parser.parse(line, 1);
    assertThat(o.result()).as("%s: %s", line, o.problem()).isEqualTo(ParseOutcome.Result.PARSED);
    return o.event();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "Nov  4 10:00:01 host pppd[123]: Exit.|--11-04T10:00:01|123",
        "Jul 05 16:56:12 dellr530 pppd[894]: Exit.|--07-05T16:56:12|894",
        "2025-07-05T16:56:12-0600 host pppd[894]: Exit.|2025-07-05T16:56:12-0600|894",
        "2023-08-10T14:45:43.092 pppd[4711]: Exit.|2023-08-10T14:45:43.092|4711",
        "<29>1 2025-03-02T10:45:07+00:00 host pppd 4711 - - Exit.|2025-03-02T10:45:07+00:00|4711",
        "<29>1 2025-03-02T10:45:07Z host pppd 4711 ID47 [ex@1 a=\"x] y\"] Exit.|2025-03-02T10:45:07Z|4711",
        "<5>May 20 14:22:17 pppd[536]: Exit.|--05-20T14:22:17|536",
        "Fri Mar 13 23:54:01 2020 daemon.info pppd[8679]: Exit.|2020-03-13T23:54:01|8679",
        "Mon Jun  1 10:50:44 2020 daemon.info pppd[4148]: Exit.|2020-06-01T10:50:44|4148",
        "Nov 24 10:00:01 host pppd: Exit.|--11-24T10:00:01|",
        "pppd[16354]: Exit.||16354",
        "Exit.||",
        "{\"MESSAGE\":\"Exit.\",\"SYSLOG_IDENTIFIER\":\"pppd\",\"_PID\":\"7\",\"__REALTIME_TIMESTAMP\":\"1700000000000000\"}|2023-11-14T22:13:20Z|7",
        "{\"MESSAGE\":[69,120,105,116,46],\"_COMM\":\"pppd\",\"_PID\":\"7\"}||7",
      })
  void readsEveryLineFormat(String line, String time, Integer pid) {
    PppdEvent e = event(line);
    assertThat(e.event()).isEqualTo(PppdEventType.EXIT);
    assertThat(e.time()).isEqualTo(time);
    assertThat(e.pid()).isEqualTo(pid);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "<7>May 20 14:22:45 pppd[536]: sent [LCP EchoReq id=0x0 magic=0x3e9f050f]|echo_request|0",
        "Nov 24 10:00:01 host pppd[1]: sent [LCP EchoReq id=0x1f magic=0x3e9f050f]|echo_request|31",
        "Nov 24 10:00:01 host pppd[1]: rcvd [LCP EchoRep id=0xff magic=0x21d7fe1f]|echo_reply|255",
        "Nov 24 10:00:01 host pppd[1]: rcvd [LCP EchoRep id=0x7 magic=0x2 00 00 00 00]|echo_reply|7",
        "Nov 24 10:00:01 host pppd[1]: rcvd [LCP EchoRep id=0xa]|echo_reply|10",
      })
  void readsTheLcpEchoPairsOfDebugDumpsWithTheirId(String line, String event, int id) {
    PppdEvent e = event(line);
    assertThat(e.event().jsonName()).isEqualTo(event);
    assertThat(e.echoId()).isEqualTo(id);
    assertThat(e.sessionEffect()).isEqualTo(SessionEffect.NONE);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Nov 24 10:00:01 host pppd[1]: sent [LCP EchoReq id=0x magic=0x2]",
        "Nov 24 10:00:01 host pppd[1]: sent [LCP EchoReq id=0x123 magic=0x2]",
        "Nov 24 10:00:01 host pppd[1]: rcvd [LCP EchoRep id=0x1g magic=0x2]",
        "Nov 24 10:00:01 host pppd[1]: rcvd [LCP EchoRep id=0x1",
      })
  void aDamagedEchoIdIsMalformedNotAnEcho(String line) {
    ParseOutcome o = parser.parse(line, 1);
    assertThat(o.result()).isEqualTo(ParseOutcome.Result.MALFORMED);
    assertThat(o.problem()).isEqualTo("LCP echo without a one-byte hex id");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Nov 24 10:00:01 host kernel: Exit.",
        "Nov 24 10:00:01 host sh[431]: Exit.",
        "Nov 24 10:00:01 host pppoe-server[1]: Exit.",
        "sh[431]: Connect: ppp0 <--> /dev/ttyS0",
        "Fri Mar 13 23:54:01 2020 daemon.notice netifd: Exit.",
        "<29>1 2025-03-02T10:45:07+00:00 host sshd 4711 - - Exit.",
        "{\"MESSAGE\":\"Exit.\",\"SYSLOG_IDENTIFIER\":\"sshd\"}",
        "Nov 24 10:00:01 host pppd[1]: rcvd [LCP EchoReq id=0x1 magic=0x2]",
        "Nov 24 10:00:01 host pppd[1]: sent [LCP EchoRep id=0x1 magic=0x2]",
        "Nov 24 10:00:01 host pppd[1]: sent [LCP ConfReq id=0x1 <mru 1492>]",
        "",
      })
  void givesNoEventForOtherProgramsOrNonEventText(String line) {
    assertThat(parser.parse(line, 1).result()).isEqualTo(ParseOutcome.Result.IGNORED);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "pppd[12x]: Exit.",
        "pppd[1]: No response to many echo-requests",
        "pppd[1]: local  IP address 300.1.2.3",
        "pppd[1]: Sent 99999999999999999999 bytes, received 1 bytes.",
        "{\"MESSAGE\": \"pppd",
      })
  void reportsMalformedPppdTextWithAReason(String line) {
    ParseOutcome o = parser.parse(line, 1);
    assertThat(o.result()).isEqualTo(ParseOutcome.Result.MALFORMED);
    assertThat(o.problem()).isNotBlank();
  }

  @Test
  void readsWordingOfEveryPppdVersion() {
    assertThat(event("pppd[1]: Terminating on signal 15.").reason()).isEqualTo("signal 15");
    assertThat(event("pppd[1]: pppd 2.3.8 started by (unknown), uid 0").event())
        .isEqualTo(PppdEventType.START);
    assertThat(event("pppd[1]: Unable to complete PPPoE Discovery phase 1").event())
        .isEqualTo(PppdEventType.DISCOVERY_TIMEOUT);
    assertThat(event("pppd[1]: Connected to 10:C1:72:94:E2:39 via interface eth1").peer())
        .isEqualTo("10:c1:72:94:e2:39");
    assertThat(event("pppd[1]: PPP session is 4711 (0x1267)").session()).isEqualTo(4711);
    assertThat(event("pppd[1]: Detected interface name change from ppp0 to wan.").interfaceName())
        .isEqualTo("wan");
    assertThat(event("pppd[1]: Sent -1 bytes, received 5 bytes.").bytesSent())
        .isEqualTo(4294967295L);
    assertThat(event("pppd[1]: Sent 18446744073 bytes, received 5 bytes.").bytesSent())
        .isEqualTo(18446744073L);
    assertThat(event("pppd[1]: PAP authentication failed").protocol()).isEqualTo("PAP");
    assertThat(event("pppd[1]: MS-CHAP authentication failed: E=691").event())
        .isEqualTo(PppdEventType.AUTH_FAILED);
    assertThat(event("pppd[1]: IPCP terminated by peer").sessionEffect())
        .isEqualTo(SessionEffect.NONE);
    assertThat(event("pppd[1]: LCP terminated by peer (Peer not responding)").sessionEffect())
        .isEqualTo(SessionEffect.DOWN);
    assertThat(event("pppd[9]: pppoe: Timeout waiting for PADS packets").protocol())
        .isEqualTo("PADS");
    assertThat(event("pppoe[9]: Session 17 terminated -- received PADT from peer").session())
        .isEqualTo(17);
  }
}
