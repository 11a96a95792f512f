package io.bondwatch.source.netdev;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NetDevParserTest {

  private static final String HEADER =
      "Inter-|   Receive                                                |  Transmit\n"
          + " face |bytes    packets errs drop fifo frame compressed multicast|bytes    packets"
          + " errs drop fifo colls carrier compressed\n";

  static String fixture(String name) {
    try (InputStream in = NetDevParserTest.class.getResourceAsStream("/netdev/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
    } catch (IOException | NullPointerException e) {
      throw new IllegalStateException("fixture " + name + " missing", e);
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "linux-2.6.32-el6.txt, 6, eth0, 3954820751, 2411123456",
    "linux-2.6.32-el6.txt, 6, ppp0, 12345678901, 1234567890",
    "linux-2.6.32-el6.txt, 6, eth1.100, 4567, 890",
    "linux-3.10.txt, 6, virbr0-nic, 0, 0",
    "linux-3.10.txt, 6, ppp0, 1512345678, 92469134",
    "linux-4.19.txt, 5, pppoe-wan1, 45678901, 5678901",
    "linux-5.15.txt, 6, pppoe-vwan1, 280000, 36000",
    "linux-6.8.txt, 6, wan.dsl-1, 18446744073, 2147483647",
    "linux-6.8.txt, 6, veth7@if5, 1234, 5678",
    "linux-6.8.txt, 6, very-long-name1, 99, 88",
  })
  void readsEveryKernelLayoutCleanly(
      String file, int count, String dev, long rxBytes, long txBytes) {
    NetDevSnapshot s = NetDevParser.parse(fixture(file));

    assertThat(s.problems()).isEmpty();
    assertThat(s.interfaces()).hasSize(count);
    NetDevCounters c = s.find(dev).orElseThrow();
    assertThat(c.rxBytes()).isEqualTo(rxBytes);
    assertThat(c.txBytes()).isEqualTo(txBytes);
  }

  @Test
  void splitsANameGluedToItsFirstCounterAtTheLastColon() {
    NetDevSnapshot s = NetDevParser.parse(fixture("linux-2.6.32-el6.txt"));

    NetDevCounters eth0 = s.find("eth0").orElseThrow();
    assertThat(eth0.rxPackets()).isEqualTo(41233091);
    assertThat(eth0.rxDropped()).isEqualTo(12);
    assertThat(eth0.txPackets()).isEqualTo(30012345);
    assertThat(s.find("eth1").orElseThrow().rxErrors()).isEqualTo(3);
  }

  @Test
  void keepsFileOrder() {
    NetDevSnapshot s = NetDevParser.parse(fixture("linux-4.19.txt"));

    assertThat(s.interfaces())
        .extracting(NetDevCounters::name)
        .containsExactly("lo", "enp1s0", "pppoe-wan1", "pppoe-wan2", "br-lan");
  }

  @Test
  void followsTheHeaderWhenAKernelAddsAColumn() {
    String text =
        "Inter-|   Receive |  Transmit\n"
            + " face |bytes packets errs drop fifo frame compressed multicast nohandler"
            + "|bytes packets errs drop fifo colls carrier compressed\n"
            + "  eth1: 100 2 0 0 0 0 0 0 7 300 4 0 0 0 0 0 0\n";

    NetDevCounters c = NetDevParser.parse(text).find("eth1").orElseThrow();

    assertThat(c.rxBytes()).isEqualTo(100);
    assertThat(c.txBytes()).isEqualTo(300);
    assertThat(c.txPackets()).isEqualTo(4);
  }

  @Test
  void followsTheHeaderWhenColumnsAreMissing() {
    String text = "Inter-|Receive|Transmit\n face |bytes packets|bytes packets\n eth1: 10 1 20 2\n";

    NetDevCounters c = NetDevParser.parse(text).find("eth1").orElseThrow();

    assertThat(c.rxBytes()).isEqualTo(10);
    assertThat(c.txBytes()).isEqualTo(20);
    assertThat(c.rxErrors()).isZero();
  }

  @Test
  void assumesTheClassicLayoutWithoutAHeader() {
    NetDevSnapshot s = NetDevParser.parse("eth1: 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16\n");

    assertThat(s.problems()).isEmpty();
    assertThat(s.find("eth1").orElseThrow().txBytes()).isEqualTo(9);
  }

  @Test
  void skipsAndReportsALineWithTheWrongNumberOfValues() {
    NetDevSnapshot s =
        NetDevParser.parse(
            HEADER + " eth1: 1 2 3\n eth2: 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16\n");

    assertThat(s.interfaces()).extracting(NetDevCounters::name).containsExactly("eth2");
    assertThat(s.problems())
        .singleElement()
        .hasToString("line 3: interface eth1: expected 16 values, found 3");
  }

  @Test
  void skipsAndReportsALastLineCutShort() {
    String text = fixture("linux-3.10.txt");
    String cut = text.substring(0, text.length() - 20);

    NetDevSnapshot s = NetDevParser.parse(cut);

    assertThat(s.interfaces()).hasSize(5);
    assertThat(s.problems()).singleElement().asString().contains("line 8: last line cut short");
  }

  @Test
  void reportsGarbageWithoutThrowing() {
    String garbage = HEADER + "\u0000\u0001binary junk\n eth9: 12 x3 0 0\n: 1 2\n\n" + "ok";

    NetDevSnapshot s = NetDevParser.parse(garbage);

    assertThat(s.interfaces()).isEmpty();
    assertThat(s.problems())
        .extracting(NetDevProblem::toString)
        .containsExactly(
            "line 3: no ':' after an interface name: '??binary junk'",
            "line 4: interface eth9: value 2 is not a number: 'x3'",
            "line 5: bad interface name: ': 1 2'",
            "line 7: last line cut short: 'ok'");
  }

  @Test
  void reportsAnEmptyFile() {
    assertThat(NetDevParser.parse("").problems())
        .singleElement()
        .hasToString("empty /proc/net/dev text");
  }

  @Test
  void rejectsValuesBeyondSignedSixtyFourBits() {
    NetDevSnapshot s =
        NetDevParser.parse(HEADER + "eth1: 18446744073709551615 1 0 0 0 0 0 0 1 1 0 0 0 0 0 0\n");

    assertThat(s.interfaces()).isEmpty();
    assertThat(s.problems().get(0).message()).contains("value 1 is out of range");
  }

  @Test
  void reportsANameListedTwiceAndKeepsTheFirst() {
    String line = "eth1: 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16\n";
    NetDevSnapshot s = NetDevParser.parse(HEADER + line + line.replace(": 1 ", ": 5 "));

    assertThat(s.find("eth1").orElseThrow().rxBytes()).isEqualTo(1);
    assertThat(s.problems()).singleElement().hasToString("line 4: interface eth1 listed twice");
  }

  @Test
  void reportsAHeaderWithoutByteColumns() {
    NetDevSnapshot s = NetDevParser.parse("Inter-|a|b\n face |x y|z bytes\n");

    assertThat(s.problems()).singleElement().asString().contains("unusable column header");
  }
}
