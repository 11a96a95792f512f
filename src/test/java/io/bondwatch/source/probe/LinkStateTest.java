package io.bondwatch.source.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LinkStateTest {
  @TempDir Path sys;

  private void state(String dev, String s) throws IOException {
    Files.createDirectories(sys.resolve(dev));
    Files.writeString(sys.resolve(dev).resolve("operstate"), s + "\n");
  }

  @Test
  void downOrMissingDevicesAreLinkGoneReasons() throws IOException {
    state("eth1", "down");
    state("eth2", "lowerlayerdown");
    LinkState ls = new LinkState(sys);
    assertThat(ls.problem("eth1")).contains("link down: eth1 operstate is down");
    assertThat(ls.problem("eth2")).contains("link down: eth2 operstate is lowerlayerdown");
    assertThat(ls.problem("eth9")).contains("link down: no such device eth9");
    assertThat(ProbeReasons.provesLinkGone(ls.problem("eth9").orElseThrow())).isTrue();
  }

  @Test
  void upAndUnknownAreNoProblem() throws IOException {
    state("eth1", "up");
    state("ppp0", "unknown");
    LinkState ls = new LinkState(sys);
    assertThat(ls.problem("eth1")).isEmpty();
    assertThat(ls.problem("ppp0")).isEmpty();
  }

  @Test
  void plainLossAndRemoteErrorsDoNotProveTheLinkGone() {
    assertThat(ProbeReasons.provesLinkGone(null)).isFalse();
    assertThat(ProbeReasons.provesLinkGone("Destination Host Unreachable from 192.0.2.1"))
        .isFalse();
    assertThat(
            ProbeReasons.provesLinkGone("ping exited: ping: SO_BINDTODEVICE eth9: No such device"))
        .isTrue();
    assertThat(ProbeReasons.provesLinkGone("ping: sendmsg: Network is unreachable")).isTrue();
  }
}
