package io.bondwatch.source.link;

import io.bondwatch.time.TimeSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Tells when a process has subscribed to link notifications, from {@code /proc/net/netlink}: a
 * monitor's first netlink socket is bound to its pid. The current state is read only once the
 * monitor listens, so that no change falls between the two.
 */
final class NetlinkSockets {
  private static final int NETLINK_ROUTE = 0;
  private static final long RTMGRP_LINK = 1;
  private static final long POLL_MILLIS = 5;

  private final Path table;
  private final TimeSource time;

  NetlinkSockets(Path table, TimeSource time) {
    this.table = table;
    this.time = time;
  }

  static NetlinkSockets system(TimeSource time) {
    return new NetlinkSockets(Path.of("/proc/net/netlink"), time);
  }

  /**
   * Waits until {@code pid} listens to link notifications, at most {@code max}; false when it did
   * not within that time, or the table cannot be read (then there is nothing to wait for).
   */
  boolean awaitSubscribed(long pid, Duration max) throws InterruptedException {
    long giveUp = time.monotonicNanos() + max.toNanos();
    while (true) {
      String text;
      try {
        text = Files.readString(table);
      } catch (IOException e) {
        return false;
      }
      if (subscribed(text, pid)) {
        return true;
      }
      if (time.monotonicNanos() >= giveUp) {
        return false;
      }
      Thread.sleep(POLL_MILLIS);
    }
  }

  /**
   * Whether the table lists a route socket of {@code pid} that receives link notifications.
   * Columns: {@code sk Eth Pid Groups ...}, Groups in hexadecimal.
   */
  static boolean subscribed(String table, long pid) {
    String wanted = Long.toString(pid);
    for (String line : table.split("\n")) {
      String[] f = line.trim().split("\\s+");
      if (f.length < 4 || !f[2].equals(wanted) || !f[1].equals(Integer.toString(NETLINK_ROUTE))) {
        continue;
      }
      try {
        if ((Long.parseLong(f[3], 16) & RTMGRP_LINK) != 0) {
          return true;
        }
      } catch (NumberFormatException e) {
        // a header or a line of another layout: not a subscription
      }
    }
    return false;
  }
}
