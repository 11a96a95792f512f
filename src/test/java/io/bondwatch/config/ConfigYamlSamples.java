package io.bondwatch.config;

/** Config texts shared by tests of several packages. */
public final class ConfigYamlSamples {
  /** A smallest valid config: four lines, so appended sections start at line 5. */
  public static final String MINIMAL =
      """
      bond: { name: mp0 }
      members:
        - { name: dsl1, interface: eth1, probe: { target: 192.0.2.1 } }
        - { name: dsl2, interface: eth2, probe: { target: 198.51.100.1 } }
      """;

  private ConfigYamlSamples() {}
}
