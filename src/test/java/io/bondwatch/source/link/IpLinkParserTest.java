package io.bondwatch.source.link;

import static org.assertj.core.api.Assertions.assertThat;

import io.bondwatch.domain.link.LinkObservation;
import io.bondwatch.domain.link.OperState;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The parser and the device bookkeeping on real iproute2 output (src/test/resources/link). */
class IpLinkParserTest {
  static final String HOST = "lkh16167";
  private static final Instant WALL = Instant.parse("2026-11-29T18:29:00Z");

  static List<String> fixture(String name) throws IOException {
    try (InputStream in = IpLinkParserTest.class.getResourceAsStream("/link/" + name)) {
      Objects.requireNonNull(in, name);
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    }
  }

  private static List<IpLinkLine> parsed(String name) throws IOException {
    return fixture(name).stream().map(IpLinkParser::parse).toList();
  }

  /** What a monitor following {@code devices} reports for a whole fixture, in words. */
  private static List<String> followed(String fixture, String... devices) throws IOException {
    WatchedLinks watched = new WatchedLinks(Set.of(devices));
    List<String> out = new ArrayList<>();
    for (IpLinkLine l : parsed(fixture)) {
      for (LinkObservation o : watched.change(l, 0, WALL)) {
        String p = o.problem();
        out.add(o.device() + " " + o.ifindex() + " " + (p == null ? "ok" : p));
      }
    }
    return out;
  }

  @Test
  void aDeviceLineGivesIndexNameFlagsAndOperstate() throws IOException {
    assertThat(parsed("veth-up.show"))
        .containsExactly(new IpLinkLine(false, 326, HOST + "@if2", true, true, OperState.UP));
    assertThat(parsed("veth-no-carrier.show"))
        .containsExactly(new IpLinkLine(false, 326, HOST + "@if2", true, false, OperState.DOWN));
  }

  @Test
  void everyLineOfEveryMonitorFixtureIsADeviceLine() throws IOException {
    for (String f :
        List.of(
            "veth-admin-down-up.monitor",
            "veth-peer-carrier-lost.monitor",
            "veth-deleted-created-again.monitor",
            "veth-renamed-and-moved.monitor",
            "macvlan-over-veth.monitor",
            "tun-up-down.monitor",
            "snapshot.show")) {
      assertThat(parsed(f)).as(f).isNotEmpty().doesNotContainNull();
    }
  }

  @Test
  void anythingElseIsNotADeviceLine() {
    assertThat(IpLinkParser.parse("")).isNull();
    assertThat(IpLinkParser.parse("Cannot open netlink socket: Permission denied")).isNull();
    assertThat(IpLinkParser.parse("Timestamp: Sun Nov 29 18:29:00 2026 123456 usec")).isNull();
    assertThat(IpLinkParser.parse("0: eth1: <UP> mtu 1500")).as("index 0").isNull();
    assertThat(IpLinkParser.parse("99999999999: eth1: <UP> mtu 1500")).isNull();
  }

  @Test
  void aLineWithoutStateHasAnUnknownOperstate() {
    assertThat(IpLinkParser.parse("5: eth1: <UP,LOWER_UP> mtu 1500 qdisc noqueue"))
        .isEqualTo(new IpLinkLine(false, 5, "eth1", true, true, OperState.UNKNOWN));
    assertThat(IpLinkParser.parse("5: eth1: <UP,LOWER_UP> mtu 1500 state WEIRD").operstate())
        .isEqualTo(OperState.UNKNOWN);
  }

  @Test
  void setDownAndUpAgain() throws IOException {
    assertThat(followed("veth-admin-down-up.monitor", HOST))
        .containsExactly(
            HOST + " 326 " + HOST + " is set down",
            // the carrier is back before the operational state follows
            HOST + " 326 " + HOST + " operstate is down",
            HOST + " 326 ok");
  }

  @Test
  void thePeerGoingDownTakesTheCarrier() throws IOException {
    assertThat(followed("veth-peer-carrier-lost.monitor", HOST))
        .containsExactly(HOST + " 326 carrier lost on " + HOST, HOST + " 326 ok");
  }

  @Test
  void deletedAndCreatedAgainUnderANewIndex() throws IOException {
    assertThat(followed("veth-deleted-created-again.monitor", HOST))
        .containsExactly(
            HOST + " 326 " + HOST + " is set down",
            HOST + " -1 no such device " + HOST,
            HOST + " 327 " + HOST + " is set down",
            HOST + " 327 carrier lost on " + HOST,
            HOST + " 327 ok");
  }

  @Test
  void aDeviceRenamedAwayIsGoneUnderItsNameAndTheNewNameIsFollowedIfAsked() throws IOException {
    assertThat(followed("veth-renamed-and-moved.monitor", HOST))
        .containsExactly(
            HOST + " 327 " + HOST + " is set down", HOST + " -1 no such device " + HOST);
    assertThat(followed("veth-renamed-and-moved.monitor", "lkm16167"))
        .containsExactly(
            "lkm16167 327 lkm16167 is set down", "lkm16167 -1 no such device lkm16167");
  }

  @Test
  void aMacvlanFollowsItsLowerDeviceAndIsNamedWithoutItsParent() throws IOException {
    assertThat(followed("macvlan-over-veth.monitor", "lkv16167"))
        .containsExactly(
            "lkv16167 329 lkv16167 is set down",
            "lkv16167 329 ok",
            "lkv16167 329 carrier lost on lkv16167",
            "lkv16167 329 ok",
            "lkv16167 329 lkv16167 is set down",
            "lkv16167 -1 no such device lkv16167");
  }

  @Test
  void aPointToPointDeviceWithoutCarrier() throws IOException {
    assertThat(followed("tun-up-down.monitor", "lkt16167"))
        .containsExactly(
            "lkt16167 330 lkt16167 is set down",
            "lkt16167 330 carrier lost on lkt16167",
            "lkt16167 330 lkt16167 is set down",
            "lkt16167 -1 no such device lkt16167");
  }

  @Test
  void aListingReportsEveryFollowedDeviceAndTheMissingOnesAsAbsent() throws IOException {
    WatchedLinks watched = new WatchedLinks(Set.of(HOST, "lo", "eth9"));
    assertThat(watched.listing(parsed("snapshot.show"), 0, WALL))
        .extracting(o -> o.device() + " " + o.ifindex() + " " + o.carrier())
        .containsExactlyInAnyOrder(HOST + " 328 true", "lo 1 true", "eth9 -1 false");
  }

  @Test
  void aNameIsNotConfusedWithALongerOne() {
    IpLinkLine l = IpLinkParser.parse("9: eth10: <UP,LOWER_UP> mtu 1500 state UP");
    assertThat(l.names("eth1")).isFalse();
    assertThat(l.names("eth10")).isTrue();
    assertThat(IpLinkParser.parse("9: eth1@eth0: <UP> mtu 1500").names("eth1")).isTrue();
  }
}
