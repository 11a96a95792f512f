package io.bondwatch.app.init;

/**
 * One next hop of a default route.
 *
 * @param dev output interface
 * @param gateway next-hop address, or null for a device route (point-to-point links)
 */
public record Nexthop(String dev, String gateway) {
  public Nexthop {
    if (dev == null || dev.isBlank()) {
      throw new IllegalArgumentException("nexthop without a device");
    }
  }
}
