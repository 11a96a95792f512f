package io.bondwatch.app.init;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What pppd's log tells {@code bondwatch init} about a multilink bundle: its interface ({@code New
 * bundle ppp0 created}, {@code Link attached to ppp0}) and the peer's address ({@code remote IP
 * address 203.0.113.1}), the last of each in the text. Pure.
 *
 * @param bundle the bundle interface, or null
 * @param peer the peer's IPv4 address, or null
 */
public record BundleHints(String bundle, String peer) {
  public static final BundleHints NONE = new BundleHints(null, null);

  private static final Pattern BUNDLE =
      Pattern.compile("pppd\\[\\d+\\]: (?:New bundle (\\S+) created|Link attached to (\\S+))$");
  private static final Pattern PEER =
      Pattern.compile("pppd\\[\\d+\\]: remote IP address ((?:\\d{1,3}\\.){3}\\d{1,3})$");

  /** The hints in a log excerpt. */
  public static BundleHints scan(String log) {
    String bundle = null;
    String peer = null;
    for (String line : log.split("\n")) {
      Matcher b = BUNDLE.matcher(line.strip());
      if (b.find()) {
        bundle = b.group(1) != null ? b.group(1) : b.group(2);
      }
      Matcher p = PEER.matcher(line.strip());
      if (p.find()) {
        peer = p.group(1);
      }
    }
    return new BundleHints(bundle, peer);
  }
}
