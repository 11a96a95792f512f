package io.bondwatch.domain.multilink;

import java.util.Objects;

/**
 * A multilink member's underlay device as seen at one moment: sysfs read at probe cadence, or a
 * link event ({@code ip monitor link}) the moment it happens.
 *
 * @param device the underlay (eth1)
 * @param present whether the device exists
 * @param carrier the device's carrier; null when unknown (device down, or not readable)
 * @param operstate RFC 2863 operational state as the kernel names it ({@code up}, {@code down},
 *     {@code lowerlayerdown}, ...); null when unknown
 * @param ifindex interface index, -1 when absent: a device created again has a new one
 */
public record LinkObservation(
    String device, boolean present, Boolean carrier, String operstate, int ifindex) {
  public LinkObservation {
    Objects.requireNonNull(device, "device");
  }

  public static LinkObservation missing(String device) {
    return new LinkObservation(device, false, null, null, -1);
  }

  /**
   * A link event as the link source saw it, in the shape sysfs gives: no carrier while the device
   * is set down (sysfs cannot read one then), so both sources word the same state the same way.
   */
  public static LinkObservation of(io.bondwatch.domain.link.LinkObservation seen) {
    if (!seen.exists()) {
      return missing(seen.device());
    }
    return new LinkObservation(
        seen.device(),
        true,
        seen.adminUp() ? seen.carrier() : null,
        seen.operstate().label(),
        seen.ifindex());
  }

  /** Why the device cannot carry frames now, in words; null when it might. */
  public String problem() {
    if (!present) {
      return "no such device " + device;
    }
    if (Boolean.FALSE.equals(carrier)) {
      return "carrier lost on "
          + device
          + (operstate == null ? "" : " (operstate " + operstate + ")");
    }
    if (operstate != null) {
      switch (operstate) {
        case "down", "lowerlayerdown", "notpresent" -> {
          return device + " operstate is " + operstate;
        }
        default -> {
          // up, unknown (many drivers), dormant, testing: nothing proves it dead
        }
      }
    }
    return null;
  }
}
