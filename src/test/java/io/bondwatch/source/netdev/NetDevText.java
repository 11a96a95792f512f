package io.bondwatch.source.netdev;

/** /proc/net/dev text for tests, in the kernel's layout. */
public final class NetDevText {
  public static final String HEADER =
      "Inter-|   Receive                                                |  Transmit\n"
          + " face |bytes    packets errs drop fifo frame compressed multicast|bytes    packets"
          + " errs drop fifo colls carrier compressed\n";

  private NetDevText() {}

  /** One interface line with the given byte counters and every other column 0. */
  public static String line(String dev, long rx, long tx) {
    return String.format("%6s: %7d 0 0 0 0 0 0 0 %8d 0 0 0 0 0 0 0%n", dev, rx, tx);
  }
}
