package io.bondwatch.source.link;

import io.bondwatch.domain.link.OperState;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the one-line device records iproute2 prints for {@code ip -o link show} and {@code ip -o
 * monitor link}: {@code 7: eth1@if3: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 ... state UP ...}.
 * {@code UP} in the flags is the administrative state, {@code LOWER_UP} the carrier ({@code
 * NO-CARRIER} is printed from the operational state, which lags the carrier), {@code state} the
 * operational state. Pure: text in, record out.
 */
final class IpLinkParser {
  // a device name holds no ':' and no white space (the kernel refuses them)
  private static final Pattern LINE =
      Pattern.compile("^(Deleted )?(\\d{1,10}): ([^:\\s]+): <([^>]*)>(.*)$");
  private static final Pattern STATE = Pattern.compile(" state ([A-Za-z]+)");

  private IpLinkParser() {}

  /** The device line, or null for anything else (a blank line, an error message). */
  static IpLinkLine parse(String line) {
    Matcher m = LINE.matcher(line);
    if (!m.matches()) {
      return null;
    }
    long index = Long.parseLong(m.group(2));
    if (index < 1 || index > Integer.MAX_VALUE) {
      return null;
    }
    boolean admin = false;
    boolean carrier = false;
    for (String flag : m.group(4).split(",")) {
      admin |= flag.equals("UP");
      carrier |= flag.equals("LOWER_UP");
    }
    Matcher state = STATE.matcher(m.group(5));
    return new IpLinkLine(
        m.group(1) != null,
        (int) index,
        m.group(3),
        admin,
        carrier,
        state.find() ? operstate(state.group(1)) : OperState.UNKNOWN);
  }

  private static OperState operstate(String text) {
    try {
      return OperState.valueOf(text.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return OperState.UNKNOWN;
    }
  }
}
