package io.bondwatch.source.pppd;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * One {@code journalctl -o json} object: MESSAGE (a string, or an array of bytes when it is not
 * valid UTF-8), SYSLOG_IDENTIFIER or _COMM for the tag, _PID (or SYSLOG_PID), and
 * __REALTIME_TIMESTAMP (microseconds since the epoch, written as UTC ISO 8601).
 */
final class JournalJsonLine {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private JournalJsonLine() {}

  static ParseOutcome parse(String line, int lineNumber, PppdLineParser parser) {
    if (!line.contains("ppp")) {
      return ParseOutcome.IGNORED; // neither identifier nor command can be pppd's
    }
    JsonNode root;
    try {
      root = MAPPER.readTree(line);
    } catch (JsonProcessingException e) {
      return ParseOutcome.malformed("not a JSON object: " + e.getOriginalMessage());
    }
    if (root == null || !root.isObject()) {
      return ParseOutcome.malformed("not a JSON object");
    }
    String ident = text(root, "SYSLOG_IDENTIFIER");
    if (ident == null) {
      ident = text(root, "_COMM");
    }
    LineHeader.Tag tag;
    if ("pppd".equals(ident)) {
      tag = LineHeader.Tag.PPPD;
    } else if ("pppoe".equals(ident)) {
      tag = LineHeader.Tag.PPPOE;
    } else {
      return ParseOutcome.IGNORED;
    }
    String message = message(root.get("MESSAGE"));
    if (message == null) {
      return ParseOutcome.malformed("journal entry without a readable MESSAGE");
    }
    String pidText = text(root, "_PID");
    if (pidText == null) {
      pidText = text(root, "SYSLOG_PID");
    }
    Integer pid = null;
    if (pidText != null) {
      if (pidText.length() > 9 || !SyslogHeaders.isDigits(pidText, 0, pidText.length())) {
        return ParseOutcome.malformed("bad _PID '" + pidText + "'");
      }
      pid = Integer.valueOf(pidText);
    }
    return parser.parseMessage(
        tag, message, lineNumber, time(text(root, "__REALTIME_TIMESTAMP")), pid);
  }

  private static String text(JsonNode root, String field) {
    JsonNode n = root.get(field);
    return n != null && n.isValueNode() && !n.isNull() ? n.asText() : null;
  }

  private static String message(JsonNode n) {
    if (n == null || n.isNull()) {
      return null;
    }
    if (n.isTextual()) {
      return n.asText();
    }
    if (n.isArray()) {
      byte[] bytes = new byte[n.size()];
      for (int i = 0; i < bytes.length; i++) {
        JsonNode b = n.get(i);
        if (!b.canConvertToInt() || b.asInt() < 0 || b.asInt() > 255) {
          return null;
        }
        bytes[i] = (byte) b.asInt();
      }
      return new String(bytes, StandardCharsets.UTF_8);
    }
    return null;
  }

  private static String time(String micros) {
    if (micros == null || micros.isEmpty() || micros.length() > 18) {
      return null;
    }
    if (!SyslogHeaders.isDigits(micros, 0, micros.length())) {
      return null;
    }
    long us = Long.parseLong(micros);
    return Instant.ofEpochSecond(us / 1_000_000, (us % 1_000_000) * 1000).toString();
  }
}
