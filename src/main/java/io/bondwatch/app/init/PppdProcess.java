package io.bondwatch.app.init;

import java.util.List;

/**
 * A running pppd found through its pid file.
 *
 * @param pid process id from the pid file
 * @param linkname pppd's {@code linkname}, from the pid file's name {@code ppp-<linkname>.pid}
 * @param ifname the ppp interface from the pid file's second line, or null
 * @param device the Ethernet device PPPoE runs over, or null if the command line does not say
 * @param multilink whether the options ask for multilink ({@code multilink}, {@code mp}, {@code
 *     mrru})
 */
public record PppdProcess(
    long pid, String linkname, String ifname, String device, boolean multilink) {
  public PppdProcess {
    if (pid <= 0 || linkname == null || linkname.isBlank()) {
      throw new IllegalArgumentException("pppd needs a pid and a linkname");
    }
  }

  /** Options that name the device, from {@code /proc/<pid>/cmdline} and any peers file. */
  static String device(List<String> options, java.util.Set<String> interfaces) {
    for (String o : options) {
      if (o.startsWith("nic-") && o.length() > 4) {
        return o.substring(4);
      }
    }
    for (String o : options) {
      // rp-pppoe takes the bare interface name as an option
      if (interfaces.contains(o) && !o.startsWith("ppp")) {
        return o;
      }
    }
    return null;
  }

  static boolean multilink(List<String> options) {
    return options.contains("multilink") || options.contains("mp") || options.contains("mrru");
  }
}
