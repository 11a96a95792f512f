package io.bondwatch.app.init;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DefaultRoutesTest {

  @Test
  void readsAPlainDefaultRoute() {
    String json =
        "[{\"dst\":\"default\",\"gateway\":\"192.0.2.1\",\"dev\":\"eth1\",\"protocol\":\"dhcp\","
            + "\"flags\":[]}]";

    assertThat(DefaultRoutes.parse(json)).containsExactly(new Nexthop("eth1", "192.0.2.1"));
  }

  @Test
  void readsMultipathNexthopsAndDeviceRoutes() {
    String json =
        "[{\"dst\":\"default\",\"flags\":[],\"nexthops\":["
            + "{\"gateway\":\"192.0.2.1\",\"dev\":\"eth1\",\"weight\":1,\"flags\":[]},"
            + "{\"gateway\":\"198.51.100.1\",\"dev\":\"eth2\",\"weight\":2,\"flags\":[]}]},"
            + "{\"dst\":\"default\",\"dev\":\"ppp0\",\"scope\":\"link\",\"flags\":[]},"
            + "{\"dst\":\"default\",\"gateway\":\"192.0.2.9\",\"dev\":\"eth1\",\"metric\":5}]";

    assertThat(DefaultRoutes.parse(json))
        .containsExactly(
            new Nexthop("eth1", "192.0.2.1"),
            new Nexthop("eth2", "198.51.100.1"),
            new Nexthop("ppp0", null));
  }

  @Test
  void explainsOutputThatIsNotJson() {
    assertThatThrownBy(() -> DefaultRoutes.parse("default via 192.0.2.1 dev eth1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not JSON");
    assertThatThrownBy(() -> DefaultRoutes.parse("{}")).hasMessageContaining("not a JSON array");
  }
}
