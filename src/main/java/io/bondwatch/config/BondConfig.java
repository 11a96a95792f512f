package io.bondwatch.config;

/**
 * {@code bond:} section.
 *
 * @param name required; the {@code bond} label of every metric
 * @param mode default {@code multilink}
 * @param interfaceName {@code interface:}, the bundle interface whose counters are the bond's
 *     traffic; null when not given
 * @param probe {@code probe:}, the bundle probe sent through {@code interface}; null when not given
 */
public record BondConfig(String name, BondMode mode, String interfaceName, BondProbe probe) {
  public static final BondMode DEFAULT_MODE = BondMode.MULTILINK;

  /** A bond without a bundle probe. */
  public BondConfig(String name, BondMode mode, String interfaceName) {
    this(name, mode, interfaceName, null);
  }

  public BondConfig {
    Checks c = new Checks();
    c.matches(name, Parsers::isName, "name", "is not a valid name");
    c.present(mode, "mode");
    if (interfaceName != null) {
      c.matches(
          interfaceName, Parsers::isInterfaceName, "interface", "is not a valid interface name");
    }
    c.throwIfAny();
  }
}
