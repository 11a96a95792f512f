package io.bondwatch.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.bondwatch.config.BondwatchConfig;
import io.bondwatch.config.ConfigLoader;
import io.bondwatch.config.ConfigResult;
import io.bondwatch.config.MemberConfig;
import io.bondwatch.domain.member.Member;
import io.bondwatch.sink.metrics.BondwatchMetrics;
import io.bondwatch.sink.metrics.MetricsSource.Direction;
import io.bondwatch.source.probe.ProbeResult;
import io.bondwatch.time.FakeTimeSource;
import io.bondwatch.time.PeriodicTasks;
import io.bondwatch.web.StatusDocument;
import io.micrometer.core.instrument.MockClock;
import io.micrometer.prometheus.PrometheusConfig;
import io.micrometer.prometheus.PrometheusMeterRegistry;
import io.prometheus.client.CollectorRegistry;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The read side over live members whose traffic has not been seen yet. */
class BondViewTest {
  private final FakeTimeSource clock = new FakeTimeSource();
  private final Map<String, Member> members = new LinkedHashMap<>();
  private final BondView view;

  BondViewTest() {
    String yaml =
        """
        bond: { name: mp0 }
        members:
          - name: dsl1
            interface: eth1
            capacity: { down: 5Mbit, up: 800kbit }
            probe: { target: 192.0.2.1 }
          - { name: dsl2, interface: eth2, probe: { target: 192.0.2.2 } }
        sources: { netdev: /nonexistent/net-dev }
        """;
    BondwatchConfig cfg = ((ConfigResult.Valid) ConfigLoader.parse(yaml, "test.yml")).config();
    for (MemberConfig m : cfg.members()) {
      members.put(m.name(), MemberProbes.member(cfg, m, clock));
    }
    Traffic traffic =
        new Traffic(
            cfg,
            clock,
            Runnable::run,
            new PeriodicTasks(clock).register("netdev", "netdev", Duration.ofSeconds(5)));
    view = new BondView(cfg, members, traffic, clock);
    for (int i = 0; i < 10; i++) {
      clock.advanceMillis(200);
      for (String name : members.keySet()) {
        members
            .get(name)
            .onProbe(
                new ProbeResult(
                    name,
                    i,
                    clock.monotonicNanos(),
                    clock.wallTime(),
                    ProbeResult.Outcome.REPLY,
                    Duration.ofMillis(10),
                    null));
      }
    }
  }

  @Test
  void aCapacityNeitherConfiguredNorEstimatedMakesTheBondRateUnknownNotZero() {
    assertThat(view.active("dsl2")).isTrue();
    assertThat(view.capacity("dsl2", Direction.RECEIVE)).isNaN();

    assertThat(view.bondRates().effectiveDown()).isNaN();
    assertThat(view.bondRates().nominalUp()).isNaN();
    StatusDocument doc = view.status();
    assertThat(doc.bond().effectiveRate().get("receive")).isNull();
    assertThat(doc.members().get(1).extra().get("capacitySource"))
        .isEqualTo(Map.of("receive", "unknown", "transmit", "unknown"));
  }

  @Test
  void exportsNaNForTheBondRateWhileACapacityIsUnknown() {
    PrometheusMeterRegistry registry =
        new PrometheusMeterRegistry(
            PrometheusConfig.DEFAULT, new CollectorRegistry(), new MockClock());
    new BondwatchMetrics(view, "test").bindTo(registry);

    assertThat(registry.scrape())
        .contains("bondwatch_bond_effective_rate_bytes_per_second{direction=\"receive\",} NaN")
        .contains(
            "bondwatch_member_capacity_bytes_per_second{direction=\"receive\",member=\"dsl2\",}"
                + " NaN");
  }

  @Test
  void keepsAHealthyMemberOfUnknownCapacityInTheRecommendedSet() {
    assertThat(view.recommended("dsl1")).isTrue();
    assertThat(view.recommended("dsl2")).isTrue();
    assertThat(view.recommendation().goodputDown()).isNaN();
  }
}
