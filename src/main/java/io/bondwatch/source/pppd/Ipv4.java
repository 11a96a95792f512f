package io.bondwatch.source.pppd;

/** pppd's {@code %I}: a dotted quad, checked without regex. */
final class Ipv4 {

  private Ipv4() {}

  /** The address itself when it is a dotted quad; throws when it is not. */
  static String check(String s) {
    int parts = 0;
    int value = -1;
    for (int i = 0, n = s.length(); i <= n; i++) {
      char c = i < n ? s.charAt(i) : '.';
      if (c == '.') {
        if (value < 0 || value > 255) {
          throw new IllegalArgumentException("'" + s + "' is not an IPv4 address");
        }
        parts++;
        value = -1;
      } else if (c >= '0' && c <= '9' && value < 1000) {
        value = (value < 0 ? 0 : value * 10) + (c - '0');
      } else {
        throw new IllegalArgumentException("'" + s + "' is not an IPv4 address");
      }
    }
    if (parts != 4) {
      throw new IllegalArgumentException("'" + s + "' is not an IPv4 address");
    }
    return s;
  }
}
