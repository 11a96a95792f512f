package io.bondwatch.source.netdev;

import java.util.Arrays;
import java.util.List;

/**
 * Where the used counters sit in a data line, as named by the second header line of {@code
 * /proc/net/dev} ({@code face |bytes packets errs drop ...|bytes packets errs drop ...}).
 */
record NetDevLayout(
    int columns,
    int rxBytes,
    int rxPackets,
    int rxErrs,
    int rxDrop,
    int txBytes,
    int txPackets,
    int txErrs,
    int txDrop) {

  /** The 8 receive + 8 transmit columns every kernel since 2.6 prints. */
  static final NetDevLayout CLASSIC = new NetDevLayout(16, 0, 1, 2, 3, 8, 9, 10, 11);

  /** The layout a header line declares, or null when it does not name both byte columns. */
  static NetDevLayout fromHeader(String header) {
    String[] groups = header.split("\\|", -1);
    if (groups.length < 3) {
      return null;
    }
    List<String> rx = names(groups[1]);
    List<String> tx = names(groups[2]);
    int rxBytes = rx.indexOf("bytes");
    int txBytes = tx.indexOf("bytes");
    if (rxBytes < 0 || txBytes < 0) {
      return null;
    }
    int off = rx.size();
    return new NetDevLayout(
        rx.size() + tx.size(),
        rxBytes,
        rx.indexOf("packets"),
        rx.indexOf("errs"),
        rx.indexOf("drop"),
        off + txBytes,
        shift(off, tx.indexOf("packets")),
        shift(off, tx.indexOf("errs")),
        shift(off, tx.indexOf("drop")));
  }

  private static List<String> names(String group) {
    String g = group.strip();
    return g.isEmpty() ? List.of() : Arrays.asList(g.split("\\s+"));
  }

  private static int shift(int off, int index) {
    return index < 0 ? -1 : off + index;
  }

  NetDevCounters counters(String name, long[] v) {
    return new NetDevCounters(
        name,
        v[rxBytes],
        at(v, rxPackets),
        at(v, rxErrs),
        at(v, rxDrop),
        v[txBytes],
        at(v, txPackets),
        at(v, txErrs),
        at(v, txDrop));
  }

  private static long at(long[] v, int index) {
    return index < 0 ? 0 : v[index];
  }
}
