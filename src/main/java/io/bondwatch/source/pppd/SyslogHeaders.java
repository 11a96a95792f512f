package io.bondwatch.source.pppd;

/**
 * Finds the tag, pid, time and message of a text log line by character positions, with no regex and
 * no allocation for lines whose tag is not pppd's: most lines of a real /var/log/messages are not.
 *
 * <p>Formats: classic syslog ({@code Nov 4 10:00:01 host pppd[1]: m}, space- or zero-padded day,
 * host optional), RFC 3339 stamps (journald short-iso, ISO without host), {@code <PRI>} prefixes,
 * RFC 5424, OpenWrt logread, Apple's pppd logfile ({@code Sat May 11 18:55:42 2024 : m}), a tag
 * without time ({@code pppd[1]: m}, {@code pppd: m}) and bare logfile lines (pppd, no pid).
 */
final class SyslogHeaders {

  private static final String MONTHS = "JanFebMarAprMayJunJulAugSepOctNovDec";
  private static final String DAYS = "MonTueWedThuFriSatSun";

  private SyslogHeaders() {}

  /** The header of a pppd-family line, or null when the line comes from another program. */
  static LineHeader parse(String s) {
    int i = 0;
    int n = s.length();
    if (n > 2 && s.charAt(0) == '<') {
      int j = 1;
      while (j < n && j < 5 && isDigit(s.charAt(j))) {
        j++;
      }
      if (j > 1 && j < n && s.charAt(j) == '>') {
        i = j + 1;
        if (s.startsWith("1 ", i)) {
          return Rfc5424.parse(s, i + 2);
        }
      }
    }
    if (i >= n) {
      return bare(s, i);
    }
    char c = s.charAt(i);
    if (isDigit(c) && isIsoStamp(s, i)) {
      int end = s.indexOf(' ', i);
      return end < 0 ? null : tagged(s, end + 1, i, end, false);
    }
    if (isClassicStamp(s, i)) {
      return tagged(s, i + 16, i, i + 15, false);
    }
    if (n >= i + 25
        && monthOrDay(DAYS, s, i) >= 0
        && s.charAt(i + 3) == ' '
        && isClassicStamp(s, i + 4)
        && isDigits(s, i + 20, i + 24)
        && s.charAt(i + 24) == ' ') {
      return logread(s, i);
    }
    return untimed(s, i);
  }

  /**
   * {@code Fri Mar 13 23:54:01 2020 daemon.notice pppd[8679]: m} or Apple's {@code ... 2020 : m}.
   */
  private static LineHeader logread(String s, int i) {
    int p = i + 25;
    if (s.startsWith(": ", p)) {
      return new LineHeader(LineHeader.Tag.PPPD, logreadTime(s, i), null, p + 2, null);
    }
    int sp = s.indexOf(' ', p);
    if (sp < 0 || s.indexOf('.', p) > sp) {
      return null;
    }
    return tagged(s, sp + 1, i, i + 24, true);
  }

  /** No timestamp: {@code tag[pid]: m}, {@code pppd: m}, or a bare logfile line. */
  private static LineHeader untimed(String s, int i) {
    if (s.startsWith("pppd", i) || s.startsWith("pppoe", i)) {
      LineHeader h = tag(s, i, null);
      if (h != null) {
        return h;
      }
    }
    int sp = s.indexOf(' ', i);
    int tokenEnd = sp < 0 ? s.length() : sp;
    if (tokenEnd - i >= 4 && s.charAt(tokenEnd - 1) == ':' && s.charAt(tokenEnd - 2) == ']') {
      return null; // another program's tag[pid]:
    }
    return bare(s, i);
  }

  private static LineHeader bare(String s, int i) {
    return new LineHeader(LineHeader.Tag.PPPD, null, null, i, null);
  }

  /**
   * After a timestamp at [timeStart, timeEnd): an optional host, then the tag. A token with {@code
   * [} or ending in {@code :} is the tag; otherwise it is the host and the tag follows.
   */
  private static LineHeader tagged(String s, int p, int timeStart, int timeEnd, boolean logread) {
    int n = s.length();
    if (p >= n) {
      return null;
    }
    if (!logread && !looksLikeTag(s, p)) {
      int sp = s.indexOf(' ', p);
      if (sp < 0) {
        return null;
      }
      p = sp + 1;
    }
    if (!(s.startsWith("pppd", p) || s.startsWith("pppoe", p))) {
      return null;
    }
    LineHeader h = tag(s, p, null);
    if (h == null || h.problem() != null) {
      return h;
    }
    String time =
        logread
            ? logreadTime(s, timeStart)
            : isDigit(s.charAt(timeStart))
                ? s.substring(timeStart, timeEnd)
                : classicTime(s, timeStart);
    return new LineHeader(h.tag(), time, h.pid(), h.messageStart(), null);
  }

  private static boolean looksLikeTag(String s, int p) {
    for (int i = p, n = s.length(); i < n; i++) {
      char c = s.charAt(i);
      if (c == ' ') {
        return i > p && s.charAt(i - 1) == ':';
      }
      if (c == '[') {
        return true;
      }
    }
    return s.charAt(s.length() - 1) == ':';
  }

  /**
   * {@code pppd[123]: }, {@code pppd: } or {@code pppoe[..]: } at p; null when the name is only a
   * prefix of another tag ({@code pppoe-server}); a header with a problem for a bad pid.
   */
  static LineHeader tag(String s, int p, String time) {
    int n = s.length();
    LineHeader.Tag tag;
    int q;
    if (s.startsWith("pppd", p)) {
      tag = LineHeader.Tag.PPPD;
      q = p + 4;
    } else if (s.startsWith("pppoe", p)) {
      tag = LineHeader.Tag.PPPOE;
      q = p + 5;
    } else {
      return null;
    }
    if (q >= n) {
      return null;
    }
    Integer pid = null;
    if (s.charAt(q) == '[') {
      int close = s.indexOf(']', q);
      if (close < 0 || close - q - 1 < 1 || close - q - 1 > 9 || !isDigits(s, q + 1, close)) {
        return LineHeader.broken("bad pid in " + tag.name().toLowerCase() + " tag");
      }
      pid = Integer.parseInt(s, q + 1, close, 10);
      q = close + 1;
    }
    if (q >= n || s.charAt(q) != ':') {
      return null;
    }
    q++;
    if (q < n && s.charAt(q) == ' ') {
      q++;
    }
    return new LineHeader(tag, time, pid, q, null);
  }

  static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  static boolean isDigits(String s, int from, int to) {
    if (to > s.length() || from >= to) {
      return false;
    }
    for (int i = from; i < to; i++) {
      if (!isDigit(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /** {@code 2023-08-10T14:45:43...}: the date and the T (or space) separator. */
  private static boolean isIsoStamp(String s, int i) {
    return s.length() > i + 19
        && isDigits(s, i, i + 4)
        && s.charAt(i + 4) == '-'
        && s.charAt(i + 7) == '-'
        && (s.charAt(i + 10) == 'T')
        && s.charAt(i + 13) == ':';
  }

  /** {@code Nov 24 10:00:01 } or {@code Nov 4 10:00:01 } at i. */
  private static boolean isClassicStamp(String s, int i) {
    return s.length() > i + 16
        && s.charAt(i + 3) == ' '
        && s.charAt(i + 15) == ' '
        && s.charAt(i + 9) == ':'
        && s.charAt(i + 12) == ':'
        && isDigit(s.charAt(i + 5))
        && (s.charAt(i + 4) == ' ' || isDigit(s.charAt(i + 4)))
        && monthOrDay(MONTHS, s, i) >= 0;
  }

  private static int monthOrDay(String names, String s, int i) {
    if (s.length() < i + 3) {
      return -1;
    }
    for (int k = 0; k < names.length(); k += 3) {
      if (names.regionMatches(k, s, i, 3)) {
        return k / 3;
      }
    }
    return -1;
  }

  /** {@code Nov 4 10:00:01} as {@code --11-04T10:00:01}: ISO 8601 without a year. */
  private static String classicTime(String s, int i) {
    return "--"
        + twoDigits(monthOrDay(MONTHS, s, i) + 1)
        + "-"
        + day(s, i + 4)
        + "T"
        + s.substring(i + 7, i + 15);
  }

  /** {@code Fri Mar 13 23:54:01 2020} as {@code 2020-03-13T23:54:01}. */
  private static String logreadTime(String s, int i) {
    return s.substring(i + 20, i + 24)
        + "-"
        + twoDigits(monthOrDay(MONTHS, s, i + 4) + 1)
        + "-"
        + day(s, i + 8)
        + "T"
        + s.substring(i + 11, i + 19);
  }

  private static String day(String s, int i) {
    char tens = s.charAt(i) == ' ' ? '0' : s.charAt(i);
    return new String(new char[] {tens, s.charAt(i + 1)});
  }

  private static String twoDigits(int v) {
    return v < 10 ? "0" + v : Integer.toString(v);
  }
}
