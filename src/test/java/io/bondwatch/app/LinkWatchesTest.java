package io.bondwatch.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.bondwatch.config.BondwatchConfig;
import io.bondwatch.config.ConfigLoader;
import io.bondwatch.config.ConfigResult;
import io.bondwatch.config.MemberConfig;
import io.bondwatch.domain.link.DeviceLinks;
import io.bondwatch.domain.link.LinkMetrics;
import io.bondwatch.domain.link.LinkObservation;
import io.bondwatch.domain.link.OperState;
import io.bondwatch.domain.member.Member;
import io.bondwatch.source.probe.ProbeResult;
import io.bondwatch.source.probe.ProbeTarget;
import io.bondwatch.source.probe.Prober;
import io.bondwatch.time.FakeTimeSource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Which devices the service follows, and who hears of them, on a fake clock. */
class LinkWatchesTest {
  private static final String YAML =
      """
      bond: { name: mp0, interface: ppp0 }
      members:
        - { name: dsl1, interface: eth1, probe: { target: 192.0.2.1, interface: pppoe-wan1 } }
        - { name: dsl2, interface: eth2, probe: { target: 198.51.100.1 } }
      """;

  private final FakeTimeSource time = new FakeTimeSource();
  private final BondwatchConfig cfg = ((ConfigResult.Valid) ConfigLoader.parse(YAML, "t")).config();
  private final Map<String, Member> members = new LinkedHashMap<>();
  private final List<String> watched = new ArrayList<>();
  private final List<String> restarted = new ArrayList<>();
  private final DeviceLinks links;

  LinkWatchesTest() {
    for (MemberConfig m : cfg.members()) {
      members.put(m.name(), MemberProbes.member(cfg, m, time));
    }
    links =
        LinkWatches.of(
            cfg,
            members,
            new LinkMetrics() {
              @Override
              public void watching(Collection<String> devices) {
                watched.addAll(devices);
              }
            });
    LinkWatches.restartProbes(cfg, links, new RecordingProber());
  }

  private final class RecordingProber implements Prober {
    @Override
    public void start(ProbeTarget target, Consumer<ProbeResult> sink) {}

    @Override
    public void deviceChanged(String device) {
      restarted.add(device);
    }

    @Override
    public void stop(String member) {}

    @Override
    public void close() {}
  }

  private void see(String device, int ifindex, boolean up, boolean carrier, OperState oper) {
    see(links, device, ifindex, up, carrier, oper);
  }

  private void see(
      DeviceLinks to, String device, int ifindex, boolean up, boolean carrier, OperState oper) {
    time.advanceMillis(10);
    to.observe(
        new LinkObservation(
            device, ifindex, up, carrier, oper, time.monotonicNanos(), time.wallTime()));
  }

  private String reason(String member) {
    return members.get(member).snapshot().reason();
  }

  @Test
  void everyProbeDeviceUnderlayAndTheBundleIsFollowedAndCountedFromTheStart() {
    assertThat(links.devices()).containsExactlyInAnyOrder("pppoe-wan1", "eth1", "eth2", "ppp0");
    assertThat(watched).containsExactlyInAnyOrderElementsOf(links.devices());
  }

  @Test
  void eachMemberHearsOfItsOwnDevicesOnly() {
    see("eth1", 3, true, false, OperState.DOWN);
    assertThat(reason("dsl1")).isEqualTo("link down: carrier lost on eth1");
    assertThat(reason("dsl2")).isEqualTo("starting: waiting for probes to answer");
    see("pppoe-wan1", 9, false, false, OperState.DOWN);
    see("ppp0", 5, false, false, OperState.DOWN);
    assertThat(members.get("dsl2").snapshot().links()).isEmpty();
    assertThat(members.get("dsl1").snapshot().links())
        .extracting(LinkObservation::device)
        .containsExactly("eth1", "pppoe-wan1");
  }

  @Test
  void aProbeDeviceRestartsItsPingOnceItChangedAndCanCarryTraffic() {
    see("pppoe-wan1", 9, true, true, OperState.UNKNOWN);
    see("eth1", 3, true, true, OperState.UP);
    assertThat(restarted).as("first sight: the ping has just started").isEmpty();
    see("pppoe-wan1", 12, false, false, OperState.DOWN);
    assertThat(restarted).as("created again, but down: ping would fail on it").isEmpty();
    see("pppoe-wan1", 12, true, true, OperState.UNKNOWN);
    assertThat(restarted).containsExactly("pppoe-wan1");
    see("eth1", 3, true, false, OperState.DOWN);
    see("eth1", 3, true, true, OperState.UP);
    assertThat(restarted).as("an underlay is not probed").containsExactly("pppoe-wan1");
  }

  @Test
  void theBundleProbeRestartsItsPingWhenTheBundleIsCreatedAgain() {
    BondwatchConfig mp =
        ((ConfigResult.Valid)
                ConfigLoader.parse(
                    """
                    bond: { name: mp0, interface: ppp0, probe: { target: 203.0.113.1 } }
                    members:
                      - { name: dsl1, interface: eth1 }
                      - { name: dsl2, interface: eth2 }
                    """,
                    "t"))
            .config();
    DeviceLinks bundle = new DeviceLinks(LinkMetrics.NONE);
    LinkWatches.restartProbes(mp, bundle, new RecordingProber());
    assertThat(bundle.devices()).as("underlays are not probed").containsExactly("ppp0");
    see(bundle, "ppp0", 5, true, true, OperState.UNKNOWN);
    // pppd's next session: a new ppp0, up once its link is negotiated
    see(bundle, "ppp0", 6, false, false, OperState.DOWN);
    assertThat(restarted).isEmpty();
    see(bundle, "ppp0", 6, true, true, OperState.UNKNOWN);
    assertThat(restarted).containsExactly("ppp0");
  }
}
