package io.bondwatch.app;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.bondwatch.source.pppd.PppdEvent;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/**
 * One event as a JSON Lines object in the order of DESIGN.md 3.4: line, time, pid, event, then the
 * fields the line carries, then member, then file (only when several files were given).
 */
final class PppdEventJson {

  private static final JsonFactory FACTORY = new JsonFactory();

  private PppdEventJson() {}

  static String toJson(PppdEvent e, String file) {
    StringWriter out = new StringWriter(160);
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      g.writeStartObject();
      g.writeNumberField("line", e.line());
      if (e.time() != null) {
        g.writeStringField("time", e.time());
      }
      if (e.pid() == null) {
        g.writeNullField("pid");
      } else {
        g.writeNumberField("pid", e.pid());
      }
      g.writeStringField("event", e.event().jsonName());
      string(g, "interface", e.interfaceName());
      string(g, "device", e.device());
      number(g, "session", e.session());
      string(g, "peer", e.peer());
      string(g, "ip", e.ip());
      number(g, "count", e.count());
      number(g, "bytes_sent", e.bytesSent());
      number(g, "bytes_received", e.bytesReceived());
      string(g, "protocol", e.protocol());
      string(g, "reason", e.reason());
      number(g, "id", e.echoId());
      string(g, "member", e.member());
      string(g, "file", file);
      g.writeEndObject();
    } catch (IOException ex) {
      throw new UncheckedIOException(ex); // a StringWriter does not fail
    }
    return out.toString();
  }

  private static void string(JsonGenerator g, String name, String value) throws IOException {
    if (value != null) {
      g.writeStringField(name, value);
    }
  }

  private static void number(JsonGenerator g, String name, Number value) throws IOException {
    if (value != null) {
      g.writeNumberField(name, value.longValue());
    }
  }
}
