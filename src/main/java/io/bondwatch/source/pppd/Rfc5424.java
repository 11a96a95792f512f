package io.bondwatch.source.pppd;

/**
 * RFC 5424 lines after {@code <PRI>1 }: {@code TIMESTAMP HOST APP-NAME PROCID MSGID SD MSG}, as
 * rsyslog's {@code RSYSLOG_SyslogProtocol23Format} writes them. The pid is its own field.
 */
final class Rfc5424 {

  private Rfc5424() {}

  static LineHeader parse(String s, int p) {
    int[] fields = new int[5];
    int q = p;
    for (int k = 0; k < 5; k++) {
      fields[k] = q;
      int sp = s.indexOf(' ', q);
      if (sp < 0) {
        return null;
      }
      q = sp + 1;
    }
    int appStart = fields[2];
    int appEnd = fields[3] - 1;
    LineHeader.Tag tag;
    if (s.regionMatches(appStart, "pppd", 0, 4) && appEnd - appStart == 4) {
      tag = LineHeader.Tag.PPPD;
    } else if (s.regionMatches(appStart, "pppoe", 0, 5) && appEnd - appStart == 5) {
      tag = LineHeader.Tag.PPPOE;
    } else {
      return null;
    }
    int pidStart = fields[3];
    int pidEnd = fields[4] - 1;
    Integer pid = null;
    if (!(pidEnd - pidStart == 1 && s.charAt(pidStart) == '-')) {
      if (pidEnd - pidStart > 9 || !SyslogHeaders.isDigits(s, pidStart, pidEnd)) {
        return LineHeader.broken("bad PROCID in RFC 5424 line");
      }
      pid = Integer.parseInt(s, pidStart, pidEnd, 10);
    }
    int msg = skipStructuredData(s, q);
    if (msg < 0) {
      return LineHeader.broken("unterminated structured data in RFC 5424 line");
    }
    if (s.startsWith("\uFEFF", msg)) {
      msg++;
    }
    String time = s.charAt(p) == '-' && fields[1] - p == 2 ? null : s.substring(p, fields[1] - 1);
    return new LineHeader(tag, time, pid, msg, null);
  }

  /** Index of MSG after {@code -} or {@code [id k="v"]...}; -1 when a bracket is not closed. */
  private static int skipStructuredData(String s, int q) {
    int n = s.length();
    if (q >= n) {
      return n;
    }
    if (s.charAt(q) == '-') {
      return Math.min(q + 2, n);
    }
    boolean inQuotes = false;
    int depth = 0;
    for (int i = q; i < n; i++) {
      char c = s.charAt(i);
      if (inQuotes) {
        if (c == '\\') {
          i++;
        } else if (c == '"') {
          inQuotes = false;
        }
      } else if (c == '"') {
        inQuotes = true;
      } else if (c == '[') {
        depth++;
      } else if (c == ']') {
        depth--;
        if (depth == 0 && (i + 1 >= n || s.charAt(i + 1) == ' ')) {
          return Math.min(i + 2, n);
        }
      }
    }
    return -1;
  }
}
