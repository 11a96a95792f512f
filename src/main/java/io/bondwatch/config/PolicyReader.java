package io.bondwatch.config;

/** Reads {@code policy:}; every key is optional and defaults as documented on each record. */
final class PolicyReader {
  private PolicyReader() {}

  static PolicyConfig policy(YamlValue value) {
    YamlMap m = value.map("down", "degraded", "drop", "restore", "damping");
    if (m == null) {
      return null;
    }
    PolicyConfig d = PolicyConfig.defaults();
    DownPolicy down = m.section("down", PolicyReader::down, d.down());
    DegradedPolicy degraded = m.section("degraded", PolicyReader::degraded, d.degraded());
    DropPolicy drop = m.section("drop", PolicyReader::drop, d.drop());
    RestorePolicy restore = m.section("restore", PolicyReader::restore, d.restore());
    DampingPolicy damping = m.section("damping", PolicyReader::damping, d.damping());
    return m.build(() -> new PolicyConfig(down, degraded, drop, restore, damping));
  }

  private static DownPolicy down(YamlValue value) {
    YamlMap m = value.map("consecutiveLost", "adaptive", "maxConsecutiveLost", "baselineWindow");
    if (m == null) {
      return null;
    }
    DownPolicy d = DownPolicy.defaults();
    Integer lost = m.get("consecutiveLost", Numbers::wholeNumber, d.consecutiveLost());
    Boolean adaptive = m.get("adaptive", Parsers::bool, d.adaptive());
    Integer max = m.get("maxConsecutiveLost", Numbers::wholeNumber, d.maxConsecutiveLost());
    var window = m.get("baselineWindow", Durations::parse, d.baselineWindow());
    return m.build(() -> new DownPolicy(lost, adaptive, max, window));
  }

  private static DegradedPolicy degraded(YamlValue value) {
    YamlMap m = value.map("loss", "rtt", "window");
    if (m == null) {
      return null;
    }
    DegradedPolicy d = DegradedPolicy.defaults();
    Ratio loss = m.get("loss", Ratio::parse, d.loss());
    var rtt = m.get("rtt", Durations::parse, d.rtt());
    var window = m.get("window", Durations::parse, d.window());
    return m.build(() -> new DegradedPolicy(loss, rtt, window));
  }

  private static DropPolicy drop(YamlValue value) {
    YamlMap m = value.map("loss", "rtt");
    if (m == null) {
      return null;
    }
    DropPolicy d = DropPolicy.defaults();
    Ratio loss = m.get("loss", Ratio::parse, d.loss());
    var rtt = m.get("rtt", Durations::parse, d.rtt());
    return m.build(() -> new DropPolicy(loss, rtt));
  }

  private static RestorePolicy restore(YamlValue value) {
    YamlMap m = value.map("consecutiveOk");
    if (m == null) {
      return null;
    }
    Integer ok =
        m.get("consecutiveOk", Numbers::wholeNumber, RestorePolicy.defaults().consecutiveOk());
    return m.build(() -> new RestorePolicy(ok));
  }

  private static DampingPolicy damping(YamlValue value) {
    YamlMap m = value.map("penalty", "halfLife", "suppress", "reuse", "maxSuppress");
    if (m == null) {
      return null;
    }
    DampingPolicy d = DampingPolicy.defaults();
    Double penalty = m.get("penalty", Numbers::number, d.penalty());
    var halfLife = m.get("halfLife", Durations::parse, d.halfLife());
    Double suppress = m.get("suppress", Numbers::number, d.suppress());
    Double reuse = m.get("reuse", Numbers::number, d.reuse());
    var maxSuppress = m.get("maxSuppress", Durations::parse, d.maxSuppress());
    return m.build(() -> new DampingPolicy(penalty, halfLife, suppress, reuse, maxSuppress));
  }
}
