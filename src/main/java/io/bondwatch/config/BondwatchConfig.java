package io.bondwatch.config;

import java.util.List;

/**
 * The whole config file (docs/configuration.md). Each record checks its own values; rules that span
 * sections live in {@link ConfigRules}, which {@link ConfigLoader} applies. A config built in code
 * should be passed through {@link ConfigRules#check} too.
 */
public record BondwatchConfig(
    BondConfig bond,
    List<MemberConfig> members,
    SourcesConfig sources,
    ProbeConfig probe,
    PolicyConfig policy,
    ActuatorConfig actuator,
    HttpConfig http,
    StorageConfig storage,
    List<ReportConfig> reports) {
  public BondwatchConfig {
    Checks c = new Checks();
    c.present(bond, "bond");
    c.present(members, "members");
    c.present(sources, "sources");
    c.present(probe, "probe");
    c.present(policy, "policy");
    c.present(actuator, "actuator");
    c.present(http, "http");
    c.present(storage, "storage");
    c.present(reports, "reports");
    c.throwIfAny();
    members = List.copyOf(members);
    reports = List.copyOf(reports);
  }
}
