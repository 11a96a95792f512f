package io.bondwatch.domain.member;

/**
 * Traffic of one device in both directions: a member's device, or the bundle interface. Receive is
 * the router's download direction, transmit its upload.
 */
public final class LinkTraffic {
  private final String name;
  private final String device;
  private final DirectionTraffic receive;
  private final DirectionTraffic transmit;

  /**
   * @param name member name from the config, or the bond's name for the bundle
   * @param device interface whose counters are read
   * @param down configured receive capacity, or {@link Capacity#UNKNOWN}
   * @param up configured transmit capacity, or {@link Capacity#UNKNOWN}
   */
  public LinkTraffic(
      String name, String device, TrafficSettings settings, Capacity down, Capacity up) {
    if (name == null || name.isBlank() || device == null || device.isBlank()) {
      throw new IllegalArgumentException("link needs a name and a device");
    }
    this.name = name;
    this.device = device;
    this.receive = new DirectionTraffic(name + " receive (" + device + ")", settings, down);
    this.transmit = new DirectionTraffic(name + " transmit (" + device + ")", settings, up);
  }

  public String name() {
    return name;
  }

  public String device() {
    return device;
  }

  public DirectionTraffic receive() {
    return receive;
  }

  public DirectionTraffic transmit() {
    return transmit;
  }

  /** Feeds both raw byte counters of the device, read at monotonic {@code nanos}. */
  public void observe(long rxBytes, long txBytes, long nanos) {
    receive.observe(rxBytes, nanos);
    transmit.observe(txBytes, nanos);
  }

  /** The device is missing from this read. */
  public void absent(long nanos) {
    receive.absent(nanos);
    transmit.absent(nanos);
  }
}
