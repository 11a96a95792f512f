package io.bondwatch.domain.link;

import java.time.Instant;
import java.util.Objects;

/**
 * What one device looks like at one moment, as a link source saw it: whether it exists (and under
 * which interface index), whether it is administratively up, has a carrier, and its operational
 * state. A whole state rather than a delta, so that seeing the same thing twice changes nothing and
 * a source that restarts can simply say again what it sees.
 *
 * @param ifindex the device's interface index, {@link #ABSENT} when there is no such device
 * @param adminUp {@code ip link set up} ({@code IFF_UP})
 * @param carrier the lower layer is up ({@code IFF_LOWER_UP}: cable, modem, veth peer)
 * @param monotonicNanos when it was seen, on the service's monotonic clock
 * @param wallTime the same moment on the wall clock
 */
public record LinkObservation(
    String device,
    int ifindex,
    boolean adminUp,
    boolean carrier,
    OperState operstate,
    long monotonicNanos,
    Instant wallTime) {

  /** The interface index of a device that does not exist. */
  public static final int ABSENT = -1;

  public LinkObservation {
    Objects.requireNonNull(device, "device");
    Objects.requireNonNull(operstate, "operstate");
    Objects.requireNonNull(wallTime, "wallTime");
    if (device.isBlank()) {
      throw new IllegalArgumentException("device name is blank");
    }
    if (ifindex != ABSENT && ifindex < 1) {
      throw new IllegalArgumentException(device + ": ifindex must be positive, not " + ifindex);
    }
    if (ifindex == ABSENT && (adminUp || carrier || operstate != OperState.NOTPRESENT)) {
      throw new IllegalArgumentException(device + ": a device that is absent has no state");
    }
  }

  /** The device does not exist (deleted, renamed away, moved to another namespace, never made). */
  public static LinkObservation absent(String device, long monotonicNanos, Instant wallTime) {
    return new LinkObservation(
        device, ABSENT, false, false, OperState.NOTPRESENT, monotonicNanos, wallTime);
  }

  public boolean exists() {
    return ifindex != ABSENT;
  }

  /**
   * Why the device cannot carry traffic, in words that name it ("carrier lost on eth1"); null when
   * the link layer has nothing against it. The most basic cause wins: a device that is set down has
   * no carrier and is operationally down too, but "set down" is what happened.
   */
  public String problem() {
    if (!exists()) {
      return "no such device " + device;
    }
    if (!adminUp) {
      return device + " is set down";
    }
    if (!carrier) {
      return "carrier lost on " + device;
    }
    if (operstate.blocksTraffic()) {
      return device + " operstate is " + operstate.label();
    }
    return null;
  }

  /** The same device state seen again at another moment. */
  public boolean sameState(LinkObservation other) {
    return device.equals(other.device)
        && ifindex == other.ifindex
        && adminUp == other.adminUp
        && carrier == other.carrier
        && operstate == other.operstate;
  }
}
