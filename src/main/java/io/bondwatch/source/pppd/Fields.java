package io.bondwatch.source.pppd;

/** Reading values out of pppd message text, without regex. */
final class Fields {

  private Fields() {}

  static String stripDot(String s) {
    return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
  }

  static String nonEmpty(String s) {
    return s.isEmpty() ? null : s;
  }

  static int number(String m, int from, int to, String what) {
    if (to - from < 1 || to - from > 9 || !SyslogHeaders.isDigits(m, from, to)) {
      throw new IllegalArgumentException(what + " is not a number");
    }
    return Integer.parseInt(m, from, to, 10);
  }

  /**
   * A byte counter: {@code %u}/{@code %llu}, or pppd 2.3's signed {@code %d}, which wrapped
   * negative past 2 GiB and is read back as the unsigned 32-bit value it was.
   */
  static long counter(String m, int from, int to) {
    boolean negative = from < to && m.charAt(from) == '-';
    int digitsFrom = negative ? from + 1 : from;
    if (to - digitsFrom < 1 || to - digitsFrom > 19 || !SyslogHeaders.isDigits(m, digitsFrom, to)) {
      throw new IllegalArgumentException("byte counter is not a number");
    }
    long v = Long.parseLong(m, digitsFrom, to, 10);
    if (negative) {
      if (v > 0x8000_0000L) {
        throw new IllegalArgumentException("byte counter below the 32-bit range");
      }
      return (1L << 32) - v;
    }
    return v;
  }
}
