package io.bondwatch.config;

import static io.bondwatch.config.ConfigYaml.MINIMAL;
import static io.bondwatch.config.ConfigYaml.problems;
import static io.bondwatch.config.ConfigYaml.problemsWith;
import static io.bondwatch.config.ConfigYaml.valid;
import static io.bondwatch.config.ConfigYaml.validWith;
import static io.bondwatch.config.ConfigYaml.warnings;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ConfigLoaderTest {

  @Nested
  class Defaults {
    @Test
    void fillsEveryOptionalSectionWithDocumentedDefaults() {
      BondwatchConfig c = valid(MINIMAL);
      assertThat(c.bond().mode()).isEqualTo(BondMode.MULTILINK);
      assertThat(c.bond().interfaceName()).isNull();
      assertThat(c.sources().netdev()).isEqualTo(Path.of("/proc/net/dev"));
      assertThat(c.sources().pppd()).isNull();
      assertThat(c.probe())
          .isEqualTo(new ProbeConfig(Duration.ofMillis(200), Duration.ofSeconds(1)));
      assertThat(c.policy().down()).isEqualTo(new DownPolicy(3, true, 15, Duration.ofMinutes(10)));
      assertThat(c.policy().degraded())
          .isEqualTo(
              new DegradedPolicy(new Ratio(0.1), Duration.ofMillis(200), Duration.ofSeconds(30)));
      assertThat(c.policy().drop())
          .isEqualTo(new DropPolicy(new Ratio(0.2), Duration.ofMillis(500)));
      assertThat(c.policy().restore().consecutiveOk()).isEqualTo(10);
      assertThat(c.policy().damping())
          .isEqualTo(
              new DampingPolicy(1000, Duration.ofMinutes(2), 2500, 800, Duration.ofMinutes(15)));
      assertThat(c.actuator().type()).isEqualTo(ActuatorType.DRY_RUN);
      assertThat(c.actuator().route()).isEqualTo(new ActuatorRoute("default", "main"));
      assertThat(c.http()).isEqualTo(new HttpConfig("0.0.0.0", 9469));
      assertThat(c.storage().dir()).isEqualTo(Path.of("/var/lib/bondwatch"));
      assertThat(c.reports()).isEmpty();
    }
  }

  @Nested
  class Bond {
    @Test
    void readsNameModeAndInterface() {
      BondwatchConfig c =
          valid(
              MINIMAL.replace(
                  "bond: { name: mp0 }", "bond: { name: mp0, mode: weighted, interface: ppp0 }"));
      assertThat(c.bond()).isEqualTo(new BondConfig("mp0", BondMode.WEIGHTED, "ppp0"));
    }

    @Test
    void requiresAName() {
      assertThat(problems(MINIMAL.replace("bond: { name: mp0 }", "bond: { mode: multilink }")))
          .containsExactly("bond.name: is required but missing (line 1)");
    }

    @Test
    void rejectsUnknownModeWithSuggestion() {
      assertThat(problems(MINIMAL.replace("name: mp0 }", "name: mp0, mode: Multilink }")))
          .containsExactly(
              "bond.mode: 'Multilink' is not one of: multilink, weighted; did you mean 'multilink'? (line 1)");
    }

    @Test
    void requiresTheSection() {
      assertThat(problems(MINIMAL.replace("bond: { name: mp0 }\n", "")))
          .containsExactly("bond: is required but missing (line 1)");
    }
  }

  @Nested
  class Members {
    @Test
    void readsCapacityProbePppdAndRoute() {
      MemberConfig m =
          valid(
                  """
                  bond: { name: mp0 }
                  members:
                    - name: dsl1
                      interface: eth1
                      capacity: { down: 5.0Mbit, up: 800kbit }
                      probe: { target: gw.example.net, interface: ppp1 }
                      pppd: { device: eth1, ifname: ppp1, linkname: dsl1 }
                      route: { via: 192.0.2.1, dev: ppp1 }
                  """)
              .members()
              .get(0);
      assertThat(m.capacity()).isEqualTo(new Capacity(Rate.parse("5Mbit"), Rate.parse("800kbit")));
      assertThat(m.probe()).isEqualTo(new MemberProbe("gw.example.net", "ppp1"));
      assertThat(m.pppd()).isEqualTo(new PppdMatch("eth1", "ppp1", "dsl1"));
      assertThat(m.route()).isEqualTo(new RouteConfig("192.0.2.1", "ppp1"));
    }

    @Test
    void probeInterfaceDefaultsToMemberInterfaceAndCapacityMayBeHalf() {
      BondwatchConfig c =
          valid(MINIMAL.replace("interface: eth1,", "interface: eth1, capacity: { down: 5Mbit },"));
      assertThat(c.members().get(0).probe().interfaceName()).isEqualTo("eth1");
      assertThat(c.members().get(0).capacity().up()).isNull();
      assertThat(c.members().get(1).capacity()).isNull();
    }

    @Test
    void reportsBadProbeTargetWithPathValueAndLine() {
      assertThat(problems(MINIMAL.replace("198.51.100.1", "300.1.2.3")))
          .containsExactly(
              "members[1].probe.target: '300.1.2.3' is not an IP address or host name (line 4)");
    }

    @Test
    void reportsEveryProblemOfEveryMemberAtOnce() {
      List<String> found =
          problems(
              """
              bond: { name: mp0 }
              members:
                - name: dsl 1
                  interface: eth1/x
                  capacity: { down: 5mbit, up: 800Kb }
                  probe: { target: 192.0.2.1 }
                - name: dsl2
                  interface: eth2
                  capacity: {}
                  pppd: {}
              """);
      // a missing probe is a rule between sections (ConfigRulesTest): checked once the rest reads
      assertThat(found)
          .containsExactly(
              "members[0].name: 'dsl 1' is not a valid name (1-32 characters: letters, digits, '_', '.', '-', starting with a letter or digit) (line 3)",
              "members[0].interface: 'eth1/x' is not a valid interface name (1-15 bytes, no '/', ':' or white space, not starting with '-', not '.' or '..') (line 4)",
              "members[0].capacity.down: '5mbit' has unit 'mbit'; units are case-sensitive (bit or B tells bits from bytes): did you mean 'Mbit'? (line 5)",
              "members[0].capacity.up: '800Kb' has ambiguous unit 'Kb'; write kbit (bits) or kB (bytes) per second (line 5)",
              "members[1].capacity: needs down, up or both (leave capacity out to estimate both) (line 9)",
              "members[1].pppd: needs at least one of device, ifname, linkname (line 10)");
    }

    @Test
    void readsMaxRate() {
      BondwatchConfig c =
          valid(
              MINIMAL.replace(
                  "interface: eth1,",
                  "interface: eth1, capacity: { down: 16Mbit, up: 1Mbit }, maxRate: 100Mbit,"));
      assertThat(c.members().get(0).maxRate()).isEqualTo(Rate.parse("100Mbit"));
      assertThat(c.members().get(1).maxRate()).isNull();
    }

    @Test
    void rejectsAMaxRateOutOfRangeOrBelowTheCapacity() {
      assertThat(
              problems(
                  MINIMAL
                      .replace("interface: eth1,", "interface: eth1, maxRate: 10kbit,")
                      .replace(
                          "interface: eth2,",
                          "interface: eth2, capacity: { down: 16Mbit }, maxRate: 10Mbit,")))
          .containsExactly(
              "members[0].maxRate: '10kbit' must be between 64kbit and 1000Gbit (line 3)",
              "members[1].maxRate: '10Mbit' is below the configured capacity 16Mbit: traffic at"
                  + " it would not be counted (line 4)");
    }

    @Test
    void rejectsNonListMembers() {
      assertThat(problems("bond: { name: mp0 }\nmembers: { name: dsl1 }\n"))
          .containsExactly("members: expected a list, got a mapping (line 2)");
    }

    @Test
    void routeViaMustBeAnAddressNotAName() {
      assertThat(
              problems(
                  MINIMAL.replace(
                      "probe: { target: 192.0.2.1 }",
                      "probe: { target: 192.0.2.1 }, route: { via: gw, dev: eth1 }")))
          .containsExactly("members[0].route.via: 'gw' is not an IP address (line 3)");
    }
  }

  @Nested
  class Sources {
    @Test
    void readsLogOrJournal() {
      assertThat(validWith("sources: { pppd: { log: /var/log/messages } }").sources().pppd())
          .isEqualTo(new PppdSource(Path.of("/var/log/messages"), false));
      assertThat(validWith("sources: { pppd: { journal: true }, netdev: /tmp/x/dev }").sources())
          .isEqualTo(new SourcesConfig(new PppdSource(null, true), Path.of("/tmp/x/dev")));
    }

    @Test
    void requiresExactlyOneOfLogAndJournal() {
      assertThat(problemsWith("sources: { pppd: { log: /var/log/messages, journal: true } }"))
          .containsExactly("sources.pppd: has both log and journal: true; choose one (line 5)");
      assertThat(problemsWith("sources: { pppd: { journal: false } }"))
          .containsExactly("sources.pppd: needs either log: <file> or journal: true (line 5)");
    }

    @Test
    void rejectsRelativePathsAndNonBooleans() {
      assertThat(problemsWith("sources:\n  pppd: { journal: yes }\n  netdev: proc/net/dev\n"))
          .containsExactly(
              "sources.pppd.journal: 'yes' is not true or false (line 6)",
              "sources.netdev: 'proc/net/dev' is not an absolute path (it must start with '/') (line 7)");
    }
  }

  @Nested
  class Probe {
    @Test
    void readsIntervalAndTimeout() {
      assertThat(validWith("probe: { interval: 50ms, timeout: 1.5s }").probe())
          .isEqualTo(new ProbeConfig(Duration.ofMillis(50), Duration.ofMillis(1500)));
    }

    @Test
    void rejectsIntervalBelowTenMillisAndZeroTimeout() {
      assertThat(problemsWith("probe:\n  interval: 5ms\n  timeout: 0s\n"))
          .containsExactly(
              "probe.interval: '5ms' must be at least 10ms (line 6)",
              "probe.timeout: '0s' must be at least 100ms (line 7)");
    }

    @Test
    void rejectsTimingsPingCannotTake() {
      assertThat(problemsWith("probe:\n  interval: 11m\n  timeout: 50ms\n"))
          .containsExactly(
              "probe.interval: '11m' must be at most 10m (line 6)",
              "probe.timeout: '50ms' must be at least 100ms (line 7)");
    }

    @Test
    void neverReplacesABadValueWithTheDefault() {
      assertThat(problemsWith("probe: { interval: }"))
          .containsExactly("probe.interval: has no value (line 5)");
    }
  }

  @Nested
  class Policy {
    @Test
    void overridesSomeKeysAndKeepsDefaultsForTheRest() {
      PolicyConfig p =
          validWith(
                  """
                  policy:
                    down: { consecutiveLost: 4, adaptive: false }
                    degraded: { loss: 0.05 }
                    restore: { consecutiveOk: 20 }
                    damping: { penalty: 500.5 }
                  """)
              .policy();
      assertThat(p.down()).isEqualTo(new DownPolicy(4, false, 15, Duration.ofMinutes(10)));
      assertThat(p.degraded().loss().value()).isEqualTo(0.05);
      assertThat(p.degraded().rtt()).isEqualTo(Duration.ofMillis(200));
      assertThat(p.restore().consecutiveOk()).isEqualTo(20);
      assertThat(p.damping().penalty()).isEqualTo(500.5);
      assertThat(p.damping().reuse()).isEqualTo(800);
    }

    @Test
    void reportsOutOfRangeAndWrongTypes() {
      assertThat(
              problemsWith(
                  """
                  policy:
                    down: { consecutiveLost: 0, maxConsecutiveLost: 2.5 }
                    degraded: { loss: 0%, rtt: fast }
                    damping: { halfLife: 0m, penalty: -1 }
                  """))
          .containsExactly(
              "policy.down.maxConsecutiveLost: '2.5' is not a whole number (line 6)",
              "policy.degraded.rtt: 'fast' is not a duration; use ms, s, m or h (e.g. 200ms, 1.5s, 2m) (line 7)",
              "policy.damping.penalty: '-1' is not a number (e.g. 1000 or 2.5) (line 8)");
    }

    @Test
    void reportsRecordRangeViolationsOnceValuesParse() {
      assertThat(
              problemsWith(
                  """
                  policy:
                    down: { consecutiveLost: 0 }
                    degraded: { loss: 0% }
                    damping: { halfLife: 0m }
                  """))
          .containsExactly(
              "policy.down.consecutiveLost: '0' must be between 1 and 1000 (line 6)",
              "policy.degraded.loss: '0%' must be above 0% (line 7)",
              "policy.damping.halfLife: '0m' must be at least 1s (line 8)");
    }

    @Test
    void namesTheDefaultWhenAnExplicitValueMakesItInvalid() {
      assertThat(problemsWith("policy:\n  down: { consecutiveLost: 20 }\n"))
          .containsExactly(
              "policy.down.maxConsecutiveLost: the default 15 must be between consecutiveLost (20) and 1000 (line 6)");
    }
  }

  @Nested
  class Ranges {
    @Test
    void refusesDurationsTooFineOrTooLongToMeanAnything() {
      assertThat(
              problemsWith(
                  """
                  policy:
                    damping: { halfLife: 0.000001ms, maxSuppress: 25h }
                    degraded: { window: 2000000h, rtt: 0.5ms }
                    down: { baselineWindow: 30s }
                  actuator: { timeout: 11m }
                  """))
          .containsExactly(
              "policy.damping.halfLife: '0.000001ms' must be at least 1s (line 6)",
              "policy.damping.maxSuppress: '25h' must be at most 24h (line 6)",
              "policy.degraded.rtt: '0.5ms' must be at least 1ms (line 7)",
              "policy.degraded.window: '2000000h' must be at most 1h (line 7)",
              "policy.down.baselineWindow: '30s' must be at least 1m (line 8)",
              "actuator.timeout: '11m' must be at most 10m (line 9)");
    }

    @Test
    void refusesDampingFiguresOutsideTheirRange() {
      assertThat(problemsWith("policy:\n  damping: { penalty: 0.5, suppress: 2000000 }\n"))
          .containsExactly(
              "policy.damping.penalty: '0.5' must be between 1 and 100000 (line 6)",
              "policy.damping.suppress: '2000000' must be between 1 and 1000000 (line 6)");
    }

    @Test
    void refusesCapacitiesThatAreUnitTypos() {
      assertThat(
              problems(
                  MINIMAL.replace(
                      "interface: eth1,", "interface: eth1, capacity: { down: 5bit, up: 50GB },")))
          .containsExactly(
              "members[0].capacity.down: '5bit' must be between 1kbit and 100Gbit (line 3)",
              "members[0].capacity.up: '50GB' must be between 1kbit and 100Gbit (line 3)");
    }

    @Test
    void acceptsEveryBoundItself() {
      BondwatchConfig c =
          validWith(
              """
              probe: { interval: 10ms }
              policy:
                damping: { halfLife: 1s, maxSuppress: 24h, penalty: 1, suppress: 1000000, reuse: 1 }
                degraded: { window: 1s, rtt: 1ms }
                drop: { rtt: 1m }
                down: { baselineWindow: 24h }
              actuator: { timeout: 100ms }
              """);
      assertThat(c.policy().damping().halfLife()).isEqualTo(Duration.ofSeconds(1));
      assertThat(c.policy().down().baselineWindow()).isEqualTo(Duration.ofHours(24));
    }

    @Test
    void refusesAWindowOfMoreProbesThanMemoryShouldHold() {
      assertThat(problemsWith("probe: { interval: 10ms }\npolicy:\n  degraded: { window: 1h }\n"))
          .containsExactly(
              "policy.degraded.window: 1h would hold 360000 probes at probe.interval 10ms; each is"
                  + " kept in memory, so at most 100000: shorten the window or probe less often"
                  + " (line 7)");
    }

    @Test
    void refusesCronFieldsOutsideTheirRangeAndDatesThatNeverCome() {
      String report = "reports:\n  - { name: r, cron: \"%s\", period: day, formats: [csv] }\n";
      assertThat(problemsWith(report.formatted("99 99 99 * * ?")))
          .containsExactly(
              "reports[0].cron: '99 99 99 * * ?' has second 99; it must be between 0 and 59 (line 6)");
      assertThat(problemsWith(report.formatted("0 0 5,99 * * ?")))
          .containsExactly(
              "reports[0].cron: '0 0 5,99 * * ?' has hour 99; it must be between 0 and 23 (line 6)");
      assertThat(problemsWith(report.formatted("0 0 0 ? 99 MON")))
          .containsExactly(
              "reports[0].cron: '0 0 0 ? 99 MON' has month 99; it must be between 1 and 12 (line 6)");
      assertThat(problemsWith(report.formatted("0 0 0 31 2 ?")))
          .containsExactly(
              "reports[0].cron: '0 0 0 31 2 ?' never fires: no date matches it (line 6)");
    }

    @Test
    void acceptsCronStepsNthWeekdaysAndOffsets() {
      for (String cron :
          new String[] {"0 0/15 * * * ?", "0 0 8 ? * 6#5", "0 0 0 L-3 * ?", "0 0 0 15W * ? 2099"}) {
        assertThat(
                validWith(
                        "reports:\n  - { name: r, cron: \""
                            + cron
                            + "\", period: day, formats: [csv] }\n")
                    .reports())
            .as(cron)
            .hasSize(1);
      }
    }

    @Test
    void interfaceNamesFollowLinuxRulesAndCannotPassForAnOption() {
      assertThat(
              problems(
                  MINIMAL
                      .replace("target: 192.0.2.1 }", "target: 192.0.2.1, interface: \"-I\" }")
                      .replace("interface: eth2", "interface: \"wän-ünderläng\"")))
          .containsExactly(
              "members[0].probe.interface: '-I' is not a valid interface name (1-15 bytes, no '/',"
                  + " ':' or white space, not starting with '-', not '.' or '..') (line 3)",
              "members[1].interface: 'wän-ünderläng' is not a valid interface name (1-15 bytes, no"
                  + " '/', ':' or white space, not starting with '-', not '.' or '..') (line 4)");
      assertThat(valid(MINIMAL.replace("interface: eth2", "interface: pppoe-wan1.100")).members())
          .extracting(MemberConfig::interfaceName)
          .containsExactly("eth1", "pppoe-wan1.100");
    }
  }

  @Nested
  class Warnings {
    private static final String DOC =
        "is a documentation address (192.0.2.0/24, 198.51.100.0/24, 203.0.113.0/24,"
            + " 2001:db8::/32) that nothing answers; replace it with a real one";

    @Test
    void documentationAddressesAreWarnedAboutWithPathAndLine() {
      assertThat(
              warnings(
                  MINIMAL
                      .replace("198.51.100.1", "2001:DB8:0:0::7")
                      .replace("target: 192.0.2.1 }", "target: 10.0.0.1 }")
                      .replace("eth2,", "eth2, route: { via: 203.0.113.9, dev: eth2 },")))
          .containsExactly(
              "members[1].probe.target: '2001:DB8:0:0::7' " + DOC + " (line 4)",
              "members[1].route.via: '203.0.113.9' " + DOC + " (line 4)");
    }

    @Test
    void todoPlaceholdersAreWarnedAbout() {
      assertThat(warnings(MINIMAL.replace("target: 192.0.2.1", "target: TODO")))
          .first()
          .isEqualTo(
              "members[0].probe.target: 'TODO' looks like a TODO placeholder; replace it with the"
                  + " real value (line 3)");
    }

    @Test
    void realAddressesAndNamesGiveNoWarning() {
      assertThat(
              warnings(
                  MINIMAL
                      .replace("192.0.2.1", "192.0.3.1")
                      .replace("198.51.100.1", "2001:db9::1")
                      .replace("name: dsl1", "name: todolist")))
          .isEmpty();
    }

    @Test
    void aValidConfigWithPlaceholdersIsStillValid() {
      assertThat(ConfigLoader.parse(MINIMAL, "test.yml").isValid()).isTrue();
      assertThat(warnings(MINIMAL)).hasSize(2);
    }
  }

  @Nested
  class Actuator {
    @Test
    void readsCommandTemplates() {
      ActuatorConfig a =
          validWith(
                  """
                  actuator:
                    type: command
                    drop: [poff, "{member}"]
                    restore: [pon, "{member}"]
                    weight: [/usr/local/sbin/set-weight, "{interface}", "{weight}"]
                    timeout: 5s
                  """)
              .actuator();
      assertThat(a.type()).isEqualTo(ActuatorType.COMMAND);
      assertThat(a.commands())
          .isEqualTo(
              new CommandTemplates(
                  List.of("poff", "{member}"),
                  List.of("pon", "{member}"),
                  List.of("/usr/local/sbin/set-weight", "{interface}", "{weight}"),
                  Duration.ofSeconds(5)));
    }

    @Test
    void rejectsUnknownPlaceholdersAndEmptyTemplates() {
      assertThat(
              problemsWith(
                  """
                  actuator:
                    type: dry-run
                    restore: []
                  """))
          .containsExactly(
              "actuator.restore: must not be empty; leave the key out instead (line 7)");
      assertThat(problemsWith("actuator: { drop: [poff, \"{weight}\"] }"))
          .containsExactly(
              "actuator.drop: '[poff, {weight}]' uses unknown placeholder '{weight}'; known here: {interface}, {member} (line 5)");
      assertThat(problemsWith("actuator: { drop: [poff, \"{membr}\"] }"))
          .containsExactly(
              "actuator.drop: '[poff, {membr}]' uses unknown placeholder '{membr}'; known here: {interface}, {member} (line 5)");
    }

    @Test
    void readsRouteAndRejectsBadDestination() {
      assertThat(
              validWith("actuator: { route: { destination: 10.0.0.0/8, table: '100' } }")
                  .actuator()
                  .route())
          .isEqualTo(new ActuatorRoute("10.0.0.0/8", "100"));
      assertThat(problemsWith("actuator: { route: { destination: everywhere } }"))
          .containsExactly(
              "actuator.route.destination: 'everywhere' is not 'default' or an address/prefix (line 5)");
    }

    @Test
    void rejectsUnknownTypeWithSuggestion() {
      assertThat(problemsWith("actuator: { type: dryrun }"))
          .containsExactly(
              "actuator.type: 'dryrun' is not one of: dry-run, ip-route, command; did you mean 'dry-run'? (line 5)");
    }
  }

  @Nested
  class Http {
    @Test
    void readsListenForms() {
      assertThat(validWith("http: { listen: \"127.0.0.1:0\" }").http())
          .isEqualTo(new HttpConfig("127.0.0.1", 0));
      assertThat(validWith("http: { listen: \"[::1]:9100\" }").http())
          .isEqualTo(new HttpConfig("::1", 9100));
      assertThat(validWith("http: { listen: \":9100\" }").http())
          .isEqualTo(new HttpConfig("0.0.0.0", 9100));
    }

    @Test
    void rejectsBadListen() {
      assertThat(problemsWith("http: { listen: \"0.0.0.0:99999\" }"))
          .containsExactly(
              "http.listen: '0.0.0.0:99999' has port 99999; ports go up to 65535 (line 5)");
      assertThat(problemsWith("http: { listen: 9469 }"))
          .containsExactly(
              "http.listen: '9469' is not host:port (e.g. 0.0.0.0:9469 or [::1]:9469) (line 5)");
      assertThat(problemsWith("http: { listen: \"::1:9469\" }"))
          .singleElement()
          .asString()
          .contains("brackets");
    }
  }

  @Nested
  class Storage {
    @Test
    void readsDir() {
      assertThat(validWith("storage: { dir: /srv/bw }").storage().dir())
          .isEqualTo(Path.of("/srv/bw"));
    }

    @Test
    void rejectsRelativeDir() {
      assertThat(problemsWith("storage: { dir: data }"))
          .containsExactly(
              "storage.dir: 'data' is not an absolute path (it must start with '/') (line 5)");
    }
  }

  @Nested
  class Reports {
    @Test
    void readsReports() {
      ReportConfig r =
          validWith(
                  "reports:\n  - { name: daily, cron: \"0 5 0 * * ?\", period: day, formats: [html, md] }\n")
              .reports()
              .get(0);
      assertThat(r)
          .isEqualTo(
              new ReportConfig(
                  "daily",
                  "0 5 0 * * ?",
                  ReportPeriod.DAY,
                  List.of(ReportFormat.HTML, ReportFormat.MD)));
    }

    @Test
    void rejectsUnixCronBadPeriodAndUnknownFormats() {
      assertThat(
              problemsWith(
                  "reports:\n  - { name: daily, cron: \"5 0 * * *\", period: dya, formats: [html, pdf, html] }\n"))
          .containsExactly(
              "reports[0].cron: '5 0 * * *' has 5 fields; Quartz cron needs 6 or 7, seconds first (e.g. '0 5 0 * * ?' for 00:05 daily) (line 6)",
              "reports[0].period: 'dya' is not one of: day, week, month; did you mean 'day'? (line 6)",
              "reports[0].formats[1]: 'pdf' is not one of: html, csv, json, md (line 6)");
    }

    @Test
    void rejectsInvalidQuartzExpressionAndRepeatedFormat() {
      assertThat(
              problemsWith(
                  "reports:\n  - { name: r, cron: \"0 0 25 * * ?\", period: week, formats: [csv] }\n"))
          .singleElement()
          .asString()
          .startsWith("reports[0].cron: '0 0 25 * * ?' is not a valid Quartz cron expression: ");
      assertThat(
              problemsWith(
                  "reports:\n  - { name: r, cron: \"0 0 1 * * ?\", period: week, formats: [csv, csv] }\n"))
          .containsExactly("reports[0].formats: '[csv, csv]' lists a format twice (line 6)");
    }
  }

  @Nested
  class Keys {
    @Test
    void unknownKeysAreErrorsWithDidYouMeanAndLine() {
      assertThat(problemsWith("probe:\n  intrval: 1s\n"))
          .containsExactly("probe.intrval: unknown key; did you mean 'interval'? (line 6)");
    }

    @Test
    void unknownKeyFarFromAnyListsTheKnownOnes() {
      assertThat(problemsWith("colour: blue\n"))
          .containsExactly(
              "colour: unknown key (known here: bond, members, sources, probe, policy, actuator, http, storage, reports) (line 5)");
    }

    @Test
    void duplicateKeysAreErrors() {
      assertThat(problemsWith("probe:\n  interval: 1s\n  interval: 2s\n"))
          .containsExactly("probe.interval: duplicate key (first at line 6) (line 7)");
    }

    @Test
    void wrongShapeIsNamed() {
      assertThat(problemsWith("probe: 200ms\n"))
          .containsExactly(
              "probe: expected a mapping (key: value) with keys interval, timeout, got '200ms' (line 5)");
      assertThat(problemsWith("probe: { interval: [1s] }\n"))
          .containsExactly("probe.interval: expected a single value, got a list (line 5)");
    }

    @Test
    void mergeKeysAreRefusedByName() {
      assertThat(problemsWith("probe:\n  <<: { interval: 1s }\n"))
          .containsExactly(
              "probe.'<<': YAML merge keys (<<) are not supported; write the keys out (line 6)");
    }

    @Test
    void oddKeysStayOnOneLineInThePath() {
      assertThat(problemsWith("probe:\n  \"a\\nb\": 1s\n"))
          .containsExactly("probe.'a\\nb': unknown key (known here: interval, timeout) (line 6)");
    }

    @Test
    void unknownYamlTagsAreErrorsNotSilentlyDropped() {
      assertThat(problems(MINIMAL.replace("bond: { name: mp0 }", "bond: !foo { name: mp0 }")))
          .containsExactly(
              "bond: has YAML tag '!foo', which bondwatch does not read; remove it (plain values"
                  + " only) (line 1)");
      assertThat(problemsWith("probe: { interval: !!binary 1s }\n"))
          .containsExactly(
              "probe.interval: has YAML tag '!!binary', which bondwatch does not read; remove it"
                  + " (plain values only) (line 5)");
      assertThat(problemsWith("probe: { !local interval: 1s }\n"))
          .singleElement()
          .asString()
          .startsWith("probe.interval: has YAML tag '!local'");
    }

    @Test
    void plainTagsAreAccepted() {
      assertThat(validWith("probe: !!map { interval: !!str 1s }\n").probe().interval())
          .isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void aTagOnAnAliasedNodeIsReportedOnce() {
      assertThat(problemsWith("probe: &p !foo { interval: 1s }\nx: *p\n"))
          .filteredOn(p -> p.contains("YAML tag"))
          .hasSize(1);
    }

    @Test
    void aliasesAreFollowed() {
      assertThat(
              validWith("probe: &p { interval: 100ms }\nhttp: { listen: \"127.0.0.1:1\" }\n")
                  .probe()
                  .interval())
          .isEqualTo(Duration.ofMillis(100));
    }
  }

  @Nested
  class Syntax {
    @Test
    void aSyntaxErrorIsOneProblemWithItsLine() {
      assertThat(problems("bond:\n  name: mp0\n  - oops\n"))
          .containsExactly("YAML syntax error: expected <block end>, but found '-' (line 3)");
    }

    @Test
    void aTopLevelScalarIsNotAConfig() {
      assertThat(problems("hello\n"))
          .singleElement()
          .asString()
          .startsWith("expected a mapping (key: value)");
    }

    @Test
    void emptyAndCommentOnlyTextEachGiveOneLine() {
      assertThat(problems("  \n")).containsExactly("config file test.yml is empty");
      assertThat(problems("# nothing yet\n"))
          .containsExactly("config file test.yml is empty (only comments)");
    }

    @Test
    void aliasBombsAreRefusedInOneLineWithTheLine() {
      StringBuilder bomb = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x]\n");
      for (int i = 1; i < 10; i++) {
        bomb.append("a").append(i).append(": &a").append(i).append(" [");
        bomb.append(String.join(", ", java.util.Collections.nCopies(9, "*a" + (i - 1))))
            .append("]\n");
      }
      // the 51st alias is the 6th of line 7
      assertThat(problems(bomb.toString()))
          .containsExactly(
              "YAML error: more than 50 aliases to lists or mappings (a config needs few; this"
                  + " looks like a YAML bomb) (line 7)");
    }

    @Test
    void deepNestingIsRefusedInOneLineWithTheLine() {
      assertThat(problemsWith("policy:\n  down: " + "[".repeat(60) + "]".repeat(60) + "\n"))
          .containsExactly("YAML error: nested more than 50 levels deep (line 6)");
    }

    @Test
    void specialCharactersAreNamedWithTheirLine() {
      assertThat(problemsWith("probe:\n  interval: \"2\u0001s\"\n"))
          .containsExactly(
              "YAML syntax error: special character U+0001 is not allowed; remove it, or write it"
                  + " as an escape (\\u0001) inside double quotes (line 6)");
    }

    @Test
    void twoDocumentsAreASyntaxError() {
      assertThat(problems(MINIMAL + "---\n" + MINIMAL))
          .singleElement()
          .asString()
          .startsWith("YAML syntax error");
    }
  }
}
