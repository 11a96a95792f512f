package io.bondwatch.source.probe;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses single lines of iputils ping output (stdout and stderr alike). Pure and stateless.
 *
 * <p>Accepted: the optional {@code -D} stamp {@code [1795482812.701195] }; replies with or without
 * a host name, with {@code icmp_seq=} or the {@code icmp_req=} of iputils before 2012, with {@code
 * (DUP!)}; {@code no answer yet for icmp_seq=N}; ICMP errors {@code From X icmp_seq=N reason} (with
 * or without a colon after the address); lines starting {@code ping:}. Anything else is {@link
 * PingLine.Unrecognised}, never an exception.
 *
 * <p>Replies and "no answer yet" are what every member prints five times a second all day, so they
 * are read by index arithmetic on the line as it is: no regex, no substring, no BigDecimal. The
 * rare lines (ICMP errors, complaints, banner) keep the plainer regex code.
 */
public final class PingOutputParser {
  private static final String NO_ANSWER = "no answer yet for icmp_seq=";
  private static final String BYTES_FROM = " bytes from ";
  private static final int MAX_DIGITS = 9;
  private static final PingLine.Info EMPTY = new PingLine.Info("");

  private static final Pattern ERROR =
      Pattern.compile("^From (\\S+?)(?: \\(([^)]*)\\))?:? icmp_(?:seq|req)=(\\d{1,9}) (.+)$");

  /** Parses one line; null and blank lines are {@link PingLine.Info}. */
  public PingLine parse(String rawLine) {
    if (rawLine == null) {
      return EMPTY;
    }
    int end = rawLine.length();
    while (end > 0 && Character.isWhitespace(rawLine.charAt(end - 1))) {
      end--;
    }
    int i = skipSpace(rawLine, 0, end);
    i = skipStamp(rawLine, i, end);
    if (i == end) {
      return EMPTY;
    }
    if (rawLine.startsWith(NO_ANSWER, i)) {
      int from = i + NO_ANSWER.length();
      int stop = digitsEnd(rawLine, from, end);
      return stop == end && seqFits(rawLine, from, stop)
          ? new PingLine.NoAnswer((int) number(rawLine, from, stop))
          : new PingLine.Unrecognised(rawLine);
    }
    int head = replyBody(rawLine, i, end);
    if (head >= 0) {
      return reply(rawLine, head, end);
    }
    return rare(rawLine, rawLine.substring(i, end));
  }

  /** Where the text after {@code "N bytes from HOST[ (ADDR)]:"} starts, or -1 if not a reply. */
  private static int replyBody(String s, int i, int end) {
    int digits = digitsEnd(s, i, end);
    if (digits == i || !s.startsWith(BYTES_FROM, digits)) {
      return -1;
    }
    int host = digits + BYTES_FROM.length();
    int space = s.indexOf(' ', host);
    int token = space < 0 || space > end ? end : space;
    if (token > host + 1 && s.charAt(token - 1) == ':') {
      return token;
    }
    // "host.name (192.0.2.1):"
    if (token < end && token > host && s.startsWith(" (", token)) {
      int close = s.indexOf(')', token + 2);
      if (close > 0 && close + 1 < end && s.charAt(close + 1) == ':') {
        return close + 2;
      }
    }
    return -1;
  }

  private static PingLine reply(String s, int from, int end) {
    int seqAt = word(s, "icmp_seq=", from, end);
    if (seqAt < 0) {
      seqAt = word(s, "icmp_req=", from, end);
    }
    int timeAt = word(s, "time=", from, end);
    if (timeAt < 0) {
      timeAt = word(s, "time<", from, end);
    }
    if (seqAt < 0 || timeAt < 0) {
      // e.g. a reply to a broadcast without time, or a truncated line: not a usable probe result
      return new PingLine.Unrecognised(s);
    }
    int seqEnd = digitsEnd(s, seqAt, end);
    long rttNanos = millisAsNanos(s, timeAt, end);
    if (seqEnd == seqAt
        || !wordEnds(s, seqEnd, end)
        || !seqFits(s, seqAt, seqEnd)
        || rttNanos < 0) {
      return new PingLine.Unrecognised(s);
    }
    boolean dup = s.indexOf("(DUP!)", from) >= 0;
    return new PingLine.Reply((int) number(s, seqAt, seqEnd), Duration.ofNanos(rttNanos), dup);
  }

  /**
   * {@code 0.213 ms} or {@code 123 ms} at {@code i}, as nanoseconds (digits past the nanosecond are
   * dropped, as ping never prints them); -1 if malformed.
   */
  private static long millisAsNanos(String s, int i, int end) {
    int intEnd = digitsEnd(s, i, end);
    if (intEnd == i || intEnd - i > MAX_DIGITS) {
      return -1;
    }
    long nanos = number(s, i, intEnd) * 1_000_000L;
    int j = intEnd;
    if (j < end && s.charAt(j) == '.') {
      int fracEnd = digitsEnd(s, j + 1, end);
      if (fracEnd == j + 1 || fracEnd - j - 1 > MAX_DIGITS) {
        return -1;
      }
      long scale = 100_000L;
      for (int k = j + 1; k < fracEnd && scale > 0; k++, scale /= 10) {
        nanos += (s.charAt(k) - '0') * scale;
      }
      j = fracEnd;
    }
    if (j < end && s.charAt(j) == ' ') {
      j++;
    }
    return s.startsWith("ms", j) && wordEnds(s, j + 2, end) ? nanos : -1;
  }

  /** Index just after {@code key} where it starts a word in {@code s[from, end)}, or -1. */
  private static int word(String s, String key, int from, int end) {
    for (int at = s.indexOf(key, from); at >= 0 && at < end; at = s.indexOf(key, at + 1)) {
      if (at == 0 || !isWordChar(s.charAt(at - 1))) {
        return at + key.length() <= end ? at + key.length() : -1;
      }
    }
    return -1;
  }

  private static boolean wordEnds(String s, int i, int end) {
    return i >= end || !isWordChar(s.charAt(i));
  }

  private static boolean isWordChar(char c) {
    return c == '_' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
  }

  private static int skipSpace(String s, int i, int end) {
    while (i < end && Character.isWhitespace(s.charAt(i))) {
      i++;
    }
    return i;
  }

  /** Skips {@code [1795482812.701195]} and the blanks after it; {@code i} itself if none. */
  private static int skipStamp(String s, int i, int end) {
    if (i >= end || s.charAt(i) != '[') {
      return i;
    }
    int j = digitsEnd(s, i + 1, end);
    if (j == i + 1) {
      return i;
    }
    if (j < end && s.charAt(j) == '.') {
      int frac = digitsEnd(s, j + 1, end);
      if (frac == j + 1) {
        return i;
      }
      j = frac;
    }
    return j < end && s.charAt(j) == ']' ? skipSpace(s, j + 1, end) : i;
  }

  private static int digitsEnd(String s, int i, int end) {
    while (i < end && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
      i++;
    }
    return i;
  }

  /**
   * Whether the digits {@code s[from, to)} are an icmp_seq ping can print: 1-9 digits, <= 65535.
   */
  private static boolean seqFits(String s, int from, int to) {
    return to > from && to - from <= MAX_DIGITS && number(s, from, to) <= 0xFFFF;
  }

  private static long number(String s, int from, int to) {
    long v = 0;
    for (int k = from; k < to; k++) {
      v = v * 10 + (s.charAt(k) - '0');
    }
    return v;
  }

  /** ICMP errors, ping's own complaints, banner and statistics: seldom, so plain code. */
  private static PingLine rare(String rawLine, String line) {
    Matcher m = ERROR.matcher(line);
    if (m.matches()) {
      String seq = m.group(3);
      String from = m.group(2) != null ? m.group(2) : m.group(1);
      return Long.parseLong(seq) > 0xFFFF
          ? new PingLine.Unrecognised(rawLine)
          : new PingLine.ErrorReply(Integer.parseInt(seq), from, m.group(4).strip());
    }
    if (line.startsWith("ping:") || line.startsWith("ping6:")) {
      return new PingLine.Failure(line);
    }
    if (isInfo(line)) {
      return new PingLine.Info(line);
    }
    return new PingLine.Unrecognised(rawLine);
  }

  private static boolean isInfo(String line) {
    return line.startsWith("PING ")
        || line.startsWith("--- ")
        || line.contains("packets transmitted")
        || line.startsWith("rtt ")
        || line.startsWith("round-trip")
        || line.startsWith("Warning: time of day goes back")
        || line.startsWith("pipe ");
  }
}
