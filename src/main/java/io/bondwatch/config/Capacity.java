package io.bondwatch.config;

/**
 * A member's {@code capacity: { down, up }}. Either rate may be null: bondwatch then estimates it
 * from observed peaks. At least one must be given, else the whole key should be left out. Each is
 * between 1kbit and 100Gbit: outside that it is a typo of unit, not a DSL line.
 */
public record Capacity(Rate down, Rate up) {
  public static final Rate MIN = Rate.parse("1kbit");
  public static final Rate MAX = Rate.parse("100Gbit");

  public Capacity {
    Checks c = new Checks();
    c.within(down, MIN, MAX, "down");
    c.within(up, MIN, MAX, "up");
    c.require(
        down != null || up != null,
        "",
        null,
        "needs down, up or both (leave capacity out to estimate both)");
    c.throwIfAny();
  }

  /** The larger of the two rates given. */
  public Rate highest() {
    if (down == null || up == null) {
      return down == null ? up : down;
    }
    return down.bitsPerSecond() >= up.bitsPerSecond() ? down : up;
  }
}
