package io.bondwatch.domain.member;

/**
 * Traffic of one device in both directions: a member's device, or the bundle interface. Receive is
 * the router's download direction, transmit its upload.
 */
public final class LinkTraffic {
  /**
   * A direction carrying no more than this share of the other direction's rate is taken for the
   * acknowledgement stream of the other direction's traffic: TCP sends one ACK frame of 66 to 110
   * bytes (headers, timestamps, SACK, PPPoE) per one or two full frames of about 1500 bytes, at
   * most about 7% of the data rate. Such a second says nothing about the direction's capacity.
   */
  static final double ACK_SHARE = 0.10;

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
    offerCapacitySamples(nanos);
  }

  /** The device is missing from this read. */
  public void absent(long nanos) {
    receive.absent(nanos);
    transmit.absent(nanos);
    offerCapacitySamples(nanos);
  }

  private void offerCapacitySamples(long nanos) {
    double rx = receive.bytesPerSecond().orElse(0);
    double tx = transmit.bytesPerSecond().orElse(0);
    receive.offerCapacitySample(nanos, loaded(rx, tx));
    transmit.offerCapacitySample(nanos, loaded(tx, rx));
  }

  /**
   * Whether a direction was seen loaded in a second: it carried more than {@link #ACK_SHARE} of
   * what the other direction carried, so it was not only acknowledging the other's traffic.
   */
  static boolean loaded(double bytesPerSecond, double otherBytesPerSecond) {
    return bytesPerSecond > ACK_SHARE * otherBytesPerSecond;
  }
}
