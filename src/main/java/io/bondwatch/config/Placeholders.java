package io.bondwatch.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Values that are valid but cannot be what the admin means: addresses reserved for documentation,
 * which no host answers (a probe target among them keeps its member down for good), and TODO
 * markers. {@code bondwatch init} writes such placeholders where it cannot know the answer; these
 * warnings make sure they do not go unnoticed. Pure, no DNS.
 */
final class Placeholders {
  private static final Pattern TODO = Pattern.compile("(?i)(^|[^a-z0-9])todo([^a-z0-9]|$)");
  private static final Pattern DOC_V4 =
      Pattern.compile("(192\\.0\\.2|198\\.51\\.100|203\\.0\\.113)\\.[0-9]{1,3}(/[0-9]+)?");
  private static final byte[] DOC_V6_PREFIX = {0x20, 0x01, 0x0d, (byte) 0xb8};

  private Placeholders() {}

  /** Why {@code text}, a value that parsed, is probably a placeholder; empty when it is not. */
  static Optional<String> warning(String text) {
    if (TODO.matcher(text).find()) {
      return Optional.of("looks like a TODO placeholder; replace it with the real value");
    }
    if (DOC_V4.matcher(text).matches() || isDocumentationV6(text)) {
      return Optional.of(
          "is a documentation address (192.0.2.0/24, 198.51.100.0/24, 203.0.113.0/24,"
              + " 2001:db8::/32) that nothing answers; replace it with a real one");
    }
    return Optional.empty();
  }

  private static boolean isDocumentationV6(String text) {
    String address = text.contains("/") ? text.substring(0, text.indexOf('/')) : text;
    if (!Hosts.isIpAddress(address) || !address.contains(":")) {
      return false;
    }
    try {
      // a literal (checked above): InetAddress parses it without asking DNS
      byte[] bytes = InetAddress.getByName(address).getAddress();
      for (int i = 0; i < DOC_V6_PREFIX.length; i++) {
        if (bytes[i] != DOC_V6_PREFIX[i]) {
          return false;
        }
      }
      return true;
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
