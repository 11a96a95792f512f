package io.bondwatch.config;

/**
 * A member's {@code capacity: { down, up }}. Either rate may be null: bondwatch then estimates it
 * from observed peaks. At least one must be given, else the whole key should be left out.
 */
public record Capacity(Rate down, Rate up) {
  public Capacity {
    Checks c = new Checks();
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
