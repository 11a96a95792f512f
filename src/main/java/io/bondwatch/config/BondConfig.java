package io.bondwatch.config;

/**
 * {@code bond:} section.
 *
 * @param name required; the {@code bond} label of every metric
 * @param mode default {@code multilink}
 * @param interfaceName {@code interface:}, the bundle interface whose counters are the bond's
 *     traffic; null when not given
 */
public record BondConfig(String name, BondMode mode, String interfaceName) {
  public static final BondMode DEFAULT_MODE = BondMode.MULTILINK;

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
