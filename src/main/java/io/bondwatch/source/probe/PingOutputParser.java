package io.bondwatch.source.probe;

import java.math.BigDecimal;
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
 */
public final class PingOutputParser {

  private static final Pattern STAMP = Pattern.compile("^\\[\\d+(?:\\.\\d+)?]\\s*");
  private static final Pattern SEQ = Pattern.compile("\\bicmp_(?:seq|req)=(\\d{1,9})\\b");
  private static final Pattern TIME =
      Pattern.compile("\\btime[=<](\\d{1,9}(?:\\.\\d{1,9})?) ?ms\\b");
  private static final Pattern REPLY_HEAD =
      Pattern.compile("^\\d+ bytes from [^ ]+(?: \\([^)]*\\))?:");
  private static final Pattern NO_ANSWER =
      Pattern.compile("^no answer yet for icmp_seq=(\\d{1,9})$");
  private static final Pattern ERROR =
      Pattern.compile("^From (\\S+?)(?: \\(([^)]*)\\))?:? icmp_(?:seq|req)=(\\d{1,9}) (.+)$");

  /** Parses one line; null and blank lines are {@link PingLine.Info}. */
  public PingLine parse(String rawLine) {
    if (rawLine == null) {
      return new PingLine.Info("");
    }
    String line = STAMP.matcher(rawLine.strip()).replaceFirst("");
    if (line.isEmpty()) {
      return new PingLine.Info(line);
    }
    Matcher m = NO_ANSWER.matcher(line);
    if (m.matches()) {
      return seq(m.group(1)) < 0
          ? new PingLine.Unrecognised(rawLine)
          : new PingLine.NoAnswer(seq(m.group(1)));
    }
    if (REPLY_HEAD.matcher(line).find()) {
      return reply(line, rawLine);
    }
    m = ERROR.matcher(line);
    if (m.matches()) {
      int seq = seq(m.group(3));
      String from = m.group(2) != null ? m.group(2) : m.group(1);
      return seq < 0
          ? new PingLine.Unrecognised(rawLine)
          : new PingLine.ErrorReply(seq, from, m.group(4).strip());
    }
    if (line.startsWith("ping:") || line.startsWith("ping6:")) {
      return new PingLine.Failure(line);
    }
    if (isInfo(line)) {
      return new PingLine.Info(line);
    }
    return new PingLine.Unrecognised(rawLine);
  }

  private static PingLine reply(String line, String rawLine) {
    Matcher seq = SEQ.matcher(line);
    Matcher time = TIME.matcher(line);
    if (!seq.find() || !time.find() || seq(seq.group(1)) < 0) {
      // e.g. a reply to a broadcast without time, or a truncated line: not a usable probe result
      return new PingLine.Unrecognised(rawLine);
    }
    Duration rtt = millis(time.group(1));
    return new PingLine.Reply(seq(seq.group(1)), rtt, line.contains("(DUP!)"));
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

  /** The sequence number, or -1 when it does not fit ICMP's 16 bits. */
  private static int seq(String digits) {
    long v = Long.parseLong(digits);
    return v > 0xFFFF ? -1 : (int) v;
  }

  private static Duration millis(String decimal) {
    // BigDecimal keeps "0.033" exact; nanosecond resolution is more than ping prints
    long nanos = new BigDecimal(decimal).movePointRight(6).longValue();
    return Duration.ofNanos(nanos);
  }
}
