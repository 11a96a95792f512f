package io.bondwatch.source.netdev;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Parses the text of {@code /proc/net/dev}. Pure: never reads a file, never throws on content.
 *
 * <p>Accepted: the classic two header lines and one line per interface; the name glued to the first
 * number as kernels that print {@code %6s:%8lu} do when the number fills the field ({@code
 * eth0:123456789}), so the name ends at the <em>last</em> colon; names with dots, dashes and
 * {@code @}. The second header line names the columns of each group, so a kernel that adds or
 * removes a column is still read correctly; without a header the 8 + 8 layout of every kernel since
 * 2.6 is assumed. A line whose value count does not match the layout, a value that is not a decimal
 * number below 2^63, a name seen twice, and a last line without its newline (a read cut short) are
 * skipped and reported, never guessed at.
 */
public final class NetDevParser {
  private static final int MAX_QUOTE = 60;

  private NetDevParser() {}

  public static NetDevSnapshot parse(String text) {
    List<NetDevCounters> interfaces = new ArrayList<>();
    List<NetDevProblem> problems = new ArrayList<>();
    if (text == null || text.isEmpty()) {
      problems.add(new NetDevProblem(0, "empty /proc/net/dev text"));
      return new NetDevSnapshot(interfaces, problems);
    }
    Set<String> seen = new HashSet<>();
    NetDevLayout layout = NetDevLayout.CLASSIC;
    long[] values = new long[64];
    int lineNo = 0;
    int start = 0;
    while (start < text.length()) {
      lineNo++;
      int nl = text.indexOf('\n', start);
      boolean complete = nl >= 0;
      int end = complete ? nl : text.length();
      String line = text.substring(start, end);
      start = end + 1;
      if (line.isBlank()) {
        continue;
      }
      if (line.indexOf('|') >= 0) {
        if (line.contains("bytes")) {
          NetDevLayout parsed = NetDevLayout.fromHeader(line);
          if (parsed == null) {
            problems.add(new NetDevProblem(lineNo, "unusable column header: " + quote(line)));
          } else {
            layout = parsed;
          }
        }
        continue;
      }
      if (!complete) {
        problems.add(new NetDevProblem(lineNo, "last line cut short: " + quote(line)));
        continue;
      }
      int colon = line.lastIndexOf(':');
      if (colon < 0) {
        problems.add(new NetDevProblem(lineNo, "no ':' after an interface name: " + quote(line)));
        continue;
      }
      String name = line.substring(0, colon).strip();
      if (name.isEmpty() || hasWhitespace(name)) {
        problems.add(new NetDevProblem(lineNo, "bad interface name: " + quote(line)));
        continue;
      }
      if (values.length < layout.columns()) {
        values = new long[layout.columns()];
      }
      String error = readValues(line, colon + 1, values, layout.columns());
      if (error != null) {
        problems.add(new NetDevProblem(lineNo, "interface " + name + ": " + error));
        continue;
      }
      if (!seen.add(name)) {
        problems.add(new NetDevProblem(lineNo, "interface " + name + " listed twice"));
        continue;
      }
      interfaces.add(layout.counters(name, values));
    }
    return new NetDevSnapshot(interfaces, problems);
  }

  /** Reads exactly {@code expected} decimal values into {@code into}; returns an error or null. */
  private static String readValues(String line, int from, long[] into, int expected) {
    int count = 0;
    int i = from;
    int n = line.length();
    while (true) {
      while (i < n && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
        i++;
      }
      if (i >= n) {
        break;
      }
      long v = 0;
      while (i < n && line.charAt(i) != ' ' && line.charAt(i) != '\t') {
        char c = line.charAt(i);
        if (c < '0' || c > '9') {
          return "value " + (count + 1) + " is not a number: " + quote(token(line, i));
        }
        int d = c - '0';
        if (v > (Long.MAX_VALUE - d) / 10) {
          return "value " + (count + 1) + " is out of range: " + quote(token(line, i));
        }
        v = v * 10 + d;
        i++;
      }
      if (count < expected) {
        into[count] = v;
      }
      count++;
    }
    if (count != expected) {
      return "expected " + expected + " values, found " + count;
    }
    return null;
  }

  private static String token(String line, int at) {
    int s = at;
    while (s > 0 && line.charAt(s - 1) != ' ' && line.charAt(s - 1) != ':') {
      s--;
    }
    int e = at;
    while (e < line.length() && line.charAt(e) != ' ') {
      e++;
    }
    return line.substring(s, e);
  }

  private static boolean hasWhitespace(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (Character.isWhitespace(s.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  private static String quote(String s) {
    StringBuilder b = new StringBuilder("'");
    for (int i = 0; i < s.length() && i < MAX_QUOTE; i++) {
      char c = s.charAt(i);
      // garbage may hold control bytes; keep the message on one printable line
      b.append(c < 0x20 || c > 0x7e ? '?' : c);
    }
    return b.append(s.length() > MAX_QUOTE ? "...'" : "'").toString();
  }
}
