package io.bondwatch.source.netdev;

/**
 * The counters of one interface in one read of {@code /proc/net/dev}. Only the columns bondwatch
 * uses are kept; a column the file's header does not name is reported as 0.
 *
 * @param name interface name as the kernel prints it (may contain dots, dashes and {@code @})
 */
public record NetDevCounters(
    String name,
    long rxBytes,
    long rxPackets,
    long rxErrors,
    long rxDropped,
    long txBytes,
    long txPackets,
    long txErrors,
    long txDropped) {

  public NetDevCounters {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("interface name is empty");
    }
    if (rxBytes < 0
        || rxPackets < 0
        || rxErrors < 0
        || rxDropped < 0
        || txBytes < 0
        || txPackets < 0
        || txErrors < 0
        || txDropped < 0) {
      throw new IllegalArgumentException("interface " + name + ": negative counter");
    }
  }
}
