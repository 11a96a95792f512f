package io.bondwatch.testbed;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class NetnsTestBedIT {

  @BeforeEach
  void needsRoot() {
    SystemTests.require("ip", "ping", "nft", "tc");
  }

  private static boolean pings(NetnsTestBed.Link l) {
    return Cmd.tryRun(
                List.of(
                    "ping",
                    "-n",
                    "-q",
                    "-c",
                    "2",
                    "-i",
                    "0.2",
                    "-W",
                    "1",
                    "-I",
                    l.hostDev(),
                    l.farIp()))
            .exitCode()
        == 0;
  }

  @Test
  void linksAnswerPingsAndStopWhenDownOrDropped() {
    try (NetnsTestBed bed = NetnsTestBed.create(2)) {
      NetnsTestBed.Link a = bed.link(0);
      assertThat(pings(a)).isTrue();
      assertThat(pings(bed.link(1))).isTrue();

      bed.loss(a, 100);
      assertThat(pings(a)).isFalse();
      bed.loss(a, 0);
      assertThat(pings(a)).isTrue();

      bed.linkDown(a);
      assertThat(pings(a)).isFalse();
      bed.linkUp(a);
      bed.shape(a, "5mbit", "1mbit");
      assertThat(bed.inNs("tc", "qdisc", "show", "dev", a.farDev())).contains("tbf");
    }
  }

  @Test
  void closeRemovesNamespaceAndDevices() {
    NetnsTestBed bed = NetnsTestBed.create(1);
    String ns = bed.namespace();
    String dev = bed.link(0).hostDev();
    bed.close();
    assertThat(Cmd.run("ip", "netns", "list")).doesNotContain(ns);
    assertThat(Cmd.run("ip", "-o", "link", "show")).doesNotContain(dev);
  }
}
