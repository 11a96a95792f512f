package io.bondwatch.app.init;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class NotMembersTest {
  @Test
  void leavesOutLoopbackPortsAndLocalKindsButKeepsPossibleUplinks() {
    String json =
        "[{\"ifname\":\"lo\",\"link_type\":\"loopback\"},"
            + "{\"ifname\":\"eth0\",\"link_type\":\"ether\"},"
            + "{\"ifname\":\"eth1\",\"master\":\"bond0\",\"linkinfo\":{\"info_slave_kind\":\"bond\"}},"
            + "{\"ifname\":\"bond0\",\"linkinfo\":{\"info_kind\":\"bond\"}},"
            + "{\"ifname\":\"eth0.7\",\"linkinfo\":{\"info_kind\":\"vlan\"}},"
            + "{\"ifname\":\"ppp0\",\"link_type\":\"ppp\"},"
            + "{\"ifname\":\"docker0\",\"linkinfo\":{\"info_kind\":\"bridge\"}},"
            + "{\"ifname\":\"ifb0\",\"linkinfo\":{\"info_kind\":\"ifb\"}}]";

    assertThat(NotMembers.parse(json))
        .containsExactly(
            java.util.Map.entry("lo", "loopback"),
            java.util.Map.entry("eth1", "a port of bond bond0"),
            java.util.Map.entry("docker0", "bridge"),
            java.util.Map.entry("ifb0", "ifb"));
  }

  @Test
  void refusesOutputThatIsNotAJsonArray() {
    assertThatThrownBy(() -> NotMembers.parse("1: lo: <LOOPBACK>"))
        .hasMessageStartingWith("'ip -j -d link show' output is not JSON");
    assertThatThrownBy(() -> NotMembers.parse("{}"))
        .hasMessage("'ip -j -d link show' output is not a JSON array");
  }
}
