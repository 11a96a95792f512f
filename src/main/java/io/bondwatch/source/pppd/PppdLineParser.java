package io.bondwatch.source.pppd;

/**
 * Pure, thread-safe parser of one log line into a pppd event (DESIGN.md 3.4).
 *
 * <p>Cost model: a line from another program costs a few character comparisons on its prefix and
 * allocates nothing; only pppd-family lines reach the message table. Lines tagged {@code pppoe}
 * (rp-pppoe's user-mode client) are pppd-family for {@code Sent PADT}, {@code Session N terminated
 * -- received PADT from peer} and discovery timeouts: they are the only place a PADT from the
 * access concentrator is logged. Their pid is the pppoe client's, not pppd's, so {@link
 * PppdAttributor} cannot attribute them by pid. Lines under pppd's tag that start with {@code
 * pppoe: } are the plugin's stderr copy captured by journald and are read as pppd lines.
 */
public final class PppdLineParser {

  private static final String STDERR_COPY = "pppoe: ";

  /** The event of one line, if any. */
  public ParseOutcome parse(String line, int lineNumber) {
    if (line == null || line.isEmpty()) {
      return ParseOutcome.IGNORED;
    }
    if (line.charAt(0) == '{') {
      return JournalJsonLine.parse(line, lineNumber, this);
    }
    LineHeader h = SyslogHeaders.parse(line);
    if (h == null) {
      return ParseOutcome.IGNORED;
    }
    if (h.problem() != null) {
      return ParseOutcome.malformed(h.problem());
    }
    return parseMessage(h.tag(), line.substring(h.messageStart()), lineNumber, h.time(), h.pid());
  }

  /** The event of one message whose tag, time and pid are already known. */
  ParseOutcome parseMessage(
      LineHeader.Tag tag, String message, int lineNumber, String time, Integer pid) {
    String m = trimEnd(message);
    try {
      EventBuilder b;
      if (tag == LineHeader.Tag.PPPOE) {
        b = PppdMessages.readPppoe(m);
      } else {
        b = PppdMessages.read(m.startsWith(STDERR_COPY) ? m.substring(STDERR_COPY.length()) : m);
      }
      return b == null ? ParseOutcome.IGNORED : ParseOutcome.parsed(b.build(lineNumber, time, pid));
    } catch (IllegalArgumentException e) {
      return ParseOutcome.malformed(e.getMessage());
    }
  }

  /** Drops trailing blanks and a CR: pppd 2.5.1 logs "Terminating on signal 15 " with one. */
  private static String trimEnd(String s) {
    int end = s.length();
    while (end > 0 && (s.charAt(end - 1) == ' ' || s.charAt(end - 1) == '\r')) {
      end--;
    }
    return end == s.length() ? s : s.substring(0, end);
  }
}
