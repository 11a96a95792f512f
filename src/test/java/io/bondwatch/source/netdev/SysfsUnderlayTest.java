package io.bondwatch.source.netdev;

import static org.assertj.core.api.Assertions.assertThat;

import io.bondwatch.domain.multilink.LinkObservation;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SysfsUnderlayTest {
  @TempDir Path sys;

  private void device(String dev, String carrier, String operstate, String rx) throws Exception {
    Path d = Files.createDirectories(sys.resolve(dev).resolve("statistics"));
    if (carrier != null) {
      Files.writeString(sys.resolve(dev).resolve("carrier"), carrier + "\n");
    }
    Files.writeString(sys.resolve(dev).resolve("operstate"), operstate + "\n");
    Files.writeString(sys.resolve(dev).resolve("ifindex"), "7\n");
    Files.writeString(d.resolve("rx_packets"), rx + "\n");
  }

  @Test
  void readsCarrierOperstateIndexAndReceivedPackets() throws Exception {
    device("eth1", "1", "up", "12345");
    SysfsUnderlay.Reading r = new SysfsUnderlay(sys).read("eth1");
    assertThat(r.link()).isEqualTo(new LinkObservation("eth1", true, true, "up", 7));
    assertThat(r.rxPackets()).isEqualTo(12345);
    assertThat(r.link().problem()).isNull();
  }

  @Test
  void aLostCarrierAndAMissingDeviceAreProblemsInWords() throws Exception {
    device("eth2", "0", "lowerlayerdown", "5");
    SysfsUnderlay u = new SysfsUnderlay(sys);
    assertThat(u.read("eth2").link().problem())
        .isEqualTo("carrier lost on eth2 (operstate lowerlayerdown)");
    assertThat(u.read("eth9").link()).isEqualTo(LinkObservation.missing("eth9"));
    assertThat(u.read("eth9").link().problem()).isEqualTo("no such device eth9");
  }

  @Test
  void anAdministrativelyDownDeviceHasNoCarrierToReadButItsOperstateSays() throws Exception {
    device("eth3", null, "down", "garbage");
    SysfsUnderlay.Reading r = new SysfsUnderlay(sys).read("eth3");
    assertThat(r.link().carrier()).isNull();
    assertThat(r.rxPackets()).isEqualTo(-1);
    assertThat(r.link().problem()).isEqualTo("eth3 operstate is down");
  }
}
