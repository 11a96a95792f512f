package io.bondwatch.config;

import static io.bondwatch.config.ConfigYaml.MINIMAL;
import static io.bondwatch.config.ConfigYaml.problems;
import static io.bondwatch.config.ConfigYaml.problemsWith;
import static io.bondwatch.config.ConfigYaml.valid;
import static io.bondwatch.config.ConfigYaml.validWith;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ConfigRulesTest {

  @Nested
  class Members {
    @Test
    void needsAtLeastOneMember() {
      assertThat(problems("bond: { name: mp0 }\nmembers: []\n"))
          .containsExactly("members: must list at least one member (line 2)");
    }

    @Test
    void namesAndInterfacesAreUnique() {
      assertThat(
              problems(
                  MINIMAL.replace("name: dsl2, interface: eth2", "name: dsl1, interface: eth1")))
          .containsExactly(
              "members[1].name: 'dsl1' is already used by members[0]; each name must be unique (line 4)",
              "members[1].interface: 'eth1' is already used by members[0]; each interface must be unique (line 4)");
    }

    @Test
    void pppdMatchesMustTellMembersApart() {
      String yaml =
          MINIMAL
              .replace("192.0.2.1 }", "192.0.2.1 }, pppd: { device: eth9 }")
              .replace("198.51.100.1 }", "198.51.100.1 }, pppd: { device: eth9 }");
      assertThat(problems(yaml))
          .containsExactly(
              "members[1].pppd.device: 'eth9' is already used by members[0]; each pppd.device must be unique (line 4)");
    }

    @Test
    void bondInterfaceIsNotAMemberInterface() {
      assertThat(problems(MINIMAL.replace("name: mp0", "name: mp0, interface: eth2")))
          .containsExactly(
              "bond.interface: 'eth2' is also members[1].interface; the bond interface is the bundle (e.g. ppp0) (line 1)");
    }
  }

  @Nested
  class MultilinkMembers {
    private static final String MP =
        """
        bond: { name: mp0, mode: multilink, interface: ppp0, probe: { target: 203.0.113.1 } }
        members:
          - { name: dsl1, interface: eth1 }
          - { name: dsl2, interface: eth2, probe: { target: 198.51.100.1 } }
        """;

    @Test
    void aMultilinkMemberMayLeaveOutItsProbeWhenTheBundleIsProbed() {
      BondwatchConfig c = valid(MP);
      assertThat(c.bond().probe()).isEqualTo(new BondProbe("203.0.113.1"));
      assertThat(c.members().get(0).probe()).isNull();
      assertThat(c.members().get(1).probe()).isNotNull();
    }

    @Test
    void withoutABundleProbeEveryMemberNeedsItsOwn() {
      assertThat(problems(MP.replace(", probe: { target: 203.0.113.1 }", "")))
          .containsExactly(
              "members[0].probe: is required unless bond.mode is multilink with a bond.probe (a"
                  + " multilink member without an IP of its own is judged by its underlay;"
                  + " docs/multilink.md) (line 3)");
    }

    @Test
    void aWeightedBondNeedsAProbeOnEveryMember() {
      assertThat(problems(MP.replace("mode: multilink", "mode: weighted")))
          .containsExactly(
              "members[0].probe: is required unless bond.mode is multilink with a bond.probe (a"
                  + " multilink member without an IP of its own is judged by its underlay;"
                  + " docs/multilink.md) (line 3)");
    }

    @Test
    void theBundleProbeNeedsTheBundleInterface() {
      assertThat(problems(MP.replace(" interface: ppp0,", "")))
          .containsExactly(
              "bond.interface: is required by bond.probe: the bundle interface its pings leave"
                  + " through (e.g. ppp0) (line 1)");
    }

    @Test
    void theBundleProbeTargetIsCheckedLikeAMembers() {
      assertThat(problems(MP.replace("203.0.113.1", "300.1.2.3")))
          .containsExactly(
              "bond.probe.target: '300.1.2.3' is not an IP address or host name (line 1)");
      assertThat(problems(MP.replace("{ target: 203.0.113.1 }", "{ targt: 203.0.113.1 }")))
          .contains("bond.probe.targt: unknown key; did you mean 'target'? (line 1)");
    }
  }

  @Nested
  class Windows {
    @Test
    void restoreMustOutlastTheDownRule() {
      assertThat(problemsWith("policy:\n  restore: { consecutiveOk: 3 }\n"))
          .containsExactly(
              "policy.restore.consecutiveOk: 3 must be greater than policy.down.consecutiveLost (3), so that a member stays good longer before it is restored than it takes to call it down (line 6)");
    }

    @Test
    void restoreNeedNotOutlastTheAdaptiveCeiling() {
      assertThat(
              validWith(
                      "policy:\n  down: { maxConsecutiveLost: 40 }\n  restore: { consecutiveOk: 4 }\n")
                  .policy())
          .isNotNull();
    }

    @Test
    void degradedWindowHoldsTenProbes() {
      assertThat(problemsWith("probe: { interval: 1s }\npolicy:\n  degraded: { window: 9s }\n"))
          .containsExactly(
              "policy.degraded.window: 9s must hold at least 10 probes at probe.interval 1s: make it at least 10s (line 7)");
      assertThat(validWith("probe: { interval: 1s }\npolicy:\n  degraded: { window: 10s }\n"))
          .isNotNull();
    }
  }

  @Nested
  class Thresholds {
    @Test
    void degradedThresholdsAreBelowDropThresholds() {
      assertThat(problemsWith("policy:\n  degraded: { loss: 20%, rtt: 600ms }\n"))
          .containsExactly(
              "policy.degraded.loss: 20% must be below policy.drop.loss (20%) (line 6)",
              "policy.degraded.rtt: 600ms must be below policy.drop.rtt (500ms) (line 6)");
    }

    @Test
    void dampingReuseIsBelowSuppress() {
      assertThat(problemsWith("policy:\n  damping: { reuse: 2500 }\n"))
          .containsExactly(
              "policy.damping.reuse: 2500 must be below policy.damping.suppress (2500) (line 6)");
    }

    @Test
    void dampingMustBeAbleToSuppress() {
      // ceiling = 800 * 2^(2m/2m) = 1600 < 2500
      assertThat(problemsWith("policy:\n  damping: { maxSuppress: 2m }\n"))
          .containsExactly(
              "policy.damping.suppress: 2500 can never be reached: the penalty is capped at reuse x 2^(maxSuppress/halfLife) = 1600; raise maxSuppress or lower suppress (line 6)");
    }
  }

  @Nested
  class Actuators {
    @Test
    void ipRouteNeedsARoutePerMember() {
      String yaml =
          MINIMAL.replace("192.0.2.1 }", "192.0.2.1 }, route: { via: 192.0.2.1, dev: eth1 }")
              + "actuator: { type: ip-route }\n";
      assertThat(problems(yaml))
          .containsExactly(
              "members[1].route: is required by actuator.type ip-route: route: { via: <gateway address>, dev: <interface> } (line 4)");
    }

    @Test
    void commandNeedsDropAndRestoreAndWeightWhenWeighted() {
      assertThat(
              problems(
                  MINIMAL.replace("name: mp0", "name: mp0, mode: weighted")
                      + "actuator: { type: command }\n"))
          .containsExactly(
              "actuator.drop: is required by actuator.type command, e.g. drop: [poff, \"{member}\"] (line 5)",
              "actuator.restore: is required by actuator.type command, e.g. restore: [pon, \"{member}\"] (line 5)",
              "actuator.weight: is required by actuator.type command with bond.mode weighted, e.g. weight: [set-weight, \"{member}\", \"{weight}\"] (line 5)");
    }

    @Test
    void commandInMultilinkModeNeedsNoWeight() {
      assertThat(
              validWith(
                      "actuator: { type: command, drop: [poff, \"{member}\"], restore: [pon, \"{member}\"] }")
                  .actuator()
                  .type())
          .isEqualTo(ActuatorType.COMMAND);
    }
  }

  @Nested
  class Reports {
    @Test
    void reportNamesAreUnique() {
      assertThat(
              problemsWith(
                  """
                  reports:
                    - { name: daily, cron: "0 5 0 * * ?", period: day, formats: [html] }
                    - { name: daily, cron: "0 5 0 * * ?", period: week, formats: [csv] }
                  """))
          .containsExactly(
              "reports[1].name: 'daily' is already used by reports[0]; each name must be unique (line 7)");
    }
  }

  @Test
  void checkIsPureAndFindsNothingInAValidConfig() {
    assertThat(ConfigRules.check(valid(MINIMAL))).isEmpty();
  }
}
