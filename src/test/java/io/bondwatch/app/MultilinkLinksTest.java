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
import io.bondwatch.domain.member.MemberSnapshot;
import io.bondwatch.domain.member.MemberState;
import io.bondwatch.domain.member.NoProbes;
import io.bondwatch.domain.multilink.UnderlayStatus;
import io.bondwatch.source.netdev.SysfsUnderlay;
import io.bondwatch.source.netdev.UnderlaySampler;
import io.bondwatch.time.FakeTimeSource;
import io.bondwatch.time.PeriodicTasks;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Multilink members (no probe, judged by their underlay) fed by link events as the service wires
 * them, on a fake clock: the underlays' sysfs (a directory here) sampled every probe interval, link
 * events in between.
 */
class MultilinkLinksTest {
  private static final String YAML =
      """
      bond: { name: mp0, mode: multilink, interface: ppp0, probe: { target: 203.0.113.1 } }
      members:
        - { name: dsl1, interface: eth1 }
        - { name: dsl2, interface: eth2 }
      """;

  private final FakeTimeSource time = new FakeTimeSource();
  private final BondwatchConfig cfg = ((ConfigResult.Valid) ConfigLoader.parse(YAML, "t")).config();
  private final Map<String, Member> members = new LinkedHashMap<>();
  private final DeviceLinks links;
  private final Multilink multilink;
  private final Map<String, Long> rx = new LinkedHashMap<>(Map.of("eth1", 0L, "eth2", 0L));
  @TempDir Path sys;
  private UnderlaySampler sampler;

  MultilinkLinksTest() {
    for (MemberConfig m : cfg.members()) {
      members.put(
          m.name(), new Member(m.name(), Wiring.memberPolicy(cfg.policy()), new NoProbes(), time));
    }
    links = LinkWatches.of(cfg, members, LinkMetrics.NONE);
    multilink = Multilink.of(cfg, members, time);
    multilink.follow(links);
  }

  @BeforeEach
  void underlays() throws IOException {
    sampler =
        multilink.sampler(
            new SysfsUnderlay(sys),
            Runnable::run,
            new PeriodicTasks(time).register("underlay", "underlay sampler", Wiring.STALE_AFTER));
    for (String device : rx.keySet()) {
      Files.createDirectories(sys.resolve(device).resolve("statistics"));
      Files.writeString(sys.resolve(device).resolve("ifindex"), "7\n");
      Files.writeString(sys.resolve(device).resolve("operstate"), "up\n");
      Files.writeString(sys.resolve(device).resolve("carrier"), "1\n");
      event(device, true);
    }
    // frames on both underlays for longer than the restore window: both up
    samples(15);
    assertThat(state("dsl1")).isEqualTo(MemberState.UP);
    assertThat(state("dsl2")).isEqualTo(MemberState.UP);
  }

  /** One probe interval on: a frame on each underlay, then a sample of sysfs. */
  private void samples(int n) throws IOException {
    for (int i = 0; i < n; i++) {
      time.advance(cfg.probe().interval());
      for (Map.Entry<String, Long> e : rx.entrySet()) {
        e.setValue(e.getValue() + 1);
        Path f = sys.resolve(e.getKey()).resolve("statistics").resolve("rx_packets");
        Files.writeString(f, e.getValue() + "\n");
      }
      sampler.sampleOnce();
      System.err.println(
          "DBG "
              + time.monotonicNanos()
              + " "
              + members.get("dsl2").snapshot().state()
              + " "
              + members.get("dsl2").snapshot().reason());
    }
  }

  /** What the link monitor reports for the device: up, with its carrier or without. */
  private void event(String device, boolean carrier) {
    links.observe(
        new LinkObservation(
            device,
            7,
            true,
            carrier,
            carrier ? OperState.UP : OperState.LOWERLAYERDOWN,
            time.monotonicNanos(),
            time.wallTime()));
  }

  private MemberState state(String member) {
    return members.get(member).state();
  }

  @Test
  void carrierLossTakesTheMemberDownAtOnceAndItsUnderlayEvidenceSaysSoBeforeTheNextSample() {
    time.advance(Duration.ofMillis(30));
    event("eth2", false);

    MemberSnapshot s = members.get("dsl2").snapshot();
    assertThat(s.state()).isEqualTo(MemberState.DOWN);
    assertThat(s.since()).as("at the event, not at a sample").isEqualTo(time.wallTime());
    assertThat(s.reason()).isEqualTo("link down: carrier lost on eth2");
    UnderlayStatus u = multilink.underlay("dsl2");
    assertThat(u.carrier()).as("the watch saw the event, not only the member").isFalse();
    assertThat(u.operstate()).isEqualTo("lowerlayerdown");
    assertThat(state("dsl1")).isEqualTo(MemberState.UP);
  }

  @Test
  void aCarrierLostAndBackBetweenTwoSamplesStillCostsTheWholeRestoreWindow() throws IOException {
    time.advance(Duration.ofMillis(30));
    event("eth2", false);
    time.advance(Duration.ofMillis(50));
    event("eth2", true);
    // sysfs never saw the blip, and frames flow on: the window counts from the carrier back
    samples(1);
    assertThat(state("dsl2")).isEqualTo(MemberState.DOWN);
    assertThat(members.get("dsl2").snapshot().reason()).startsWith("restoring: frames flowing for");

    samples(8);
    assertThat(state("dsl2")).as("2 s restore window not over").isEqualTo(MemberState.DOWN);
    samples(1);
    assertThat(state("dsl2")).isEqualTo(MemberState.UP);
    assertThat(members.get("dsl2").snapshot().reason()).startsWith("restored: frames on eth2");
    assertThat(state("dsl1")).isEqualTo(MemberState.UP);
  }
}
