package io.bondwatch.config;

import java.nio.file.Path;

/**
 * {@code sources:} section.
 *
 * @param pppd null (the default): no pppd log is read
 * @param netdev default {@code /proc/net/dev}
 */
public record SourcesConfig(PppdSource pppd, Path netdev) {
  public static final Path DEFAULT_NETDEV = Path.of("/proc/net/dev");

  public SourcesConfig {
    Checks c = new Checks();
    c.present(netdev, "netdev");
    c.throwIfAny();
  }

  public static SourcesConfig defaults() {
    return new SourcesConfig(null, DEFAULT_NETDEV);
  }
}
