package io.bondwatch.source.pppd;

/** Collects the optional fields of one {@link PppdEvent} while a message is being read. */
final class EventBuilder {
  private final PppdEventType type;
  String interfaceName;
  String device;
  Integer session;
  String peer;
  String ip;
  Integer count;
  Long bytesSent;
  Long bytesReceived;
  String protocol;
  String reason;
  Integer echoId;

  EventBuilder(PppdEventType type) {
    this.type = type;
  }

  PppdEvent build(int line, String time, Integer pid) {
    return new PppdEvent(
        line,
        time,
        pid,
        type,
        interfaceName,
        device,
        session,
        peer,
        ip,
        count,
        bytesSent,
        bytesReceived,
        protocol,
        reason,
        null,
        echoId);
  }
}
