package io.bondwatch.source.pppd;

import java.util.Objects;

/**
 * One recognised pppd log line (DESIGN.md 3.4). Optional fields are null when the line does not
 * carry them.
 *
 * @param line 1-based line number in its input
 * @param time the line's timestamp as ISO 8601 text: {@code 2020-03-13T23:54:01} when the line has
 *     a year, the line's own text for RFC 3339 stamps, {@code --11-24T10:00:01} (ISO 8601 truncated
 *     form) for classic syslog stamps without a year; null when the line has none
 * @param pid the logging process id; null for bare logfile/nodetach lines
 * @param interfaceName the ppp interface (JSON {@code interface})
 * @param device the link device (Ethernet device for PPPoE, tty for serial links)
 * @param session PPPoE session id
 * @param peer access concentrator MAC, lower case whatever the pppd version printed
 * @param ip our IPv4 address
 * @param count echo requests without response
 * @param bytesSent link byte counter (JSON {@code bytes_sent})
 * @param bytesReceived link byte counter (JSON {@code bytes_received})
 * @param protocol PAP/CHAP/EAP/MS-CHAP for authentication, LCP/IPCP/... for terminations, PADO/PADS
 *     for discovery
 * @param reason free text the line gives (peer's termination reason, signal, auth message)
 * @param member configured member name, set by {@link PppdAttributor}
 * @param echoId the identifier of an LCP echo request or reply (pppd {@code debug debug} packet
 *     dumps), which pairs a reply with its request (JSON {@code id})
 */
public record PppdEvent(
    int line,
    String time,
    Integer pid,
    PppdEventType event,
    String interfaceName,
    String device,
    Integer session,
    String peer,
    String ip,
    Integer count,
    Long bytesSent,
    Long bytesReceived,
    String protocol,
    String reason,
    String member,
    Integer echoId) {

  public PppdEvent {
    if (line < 1) {
      throw new IllegalArgumentException("line must be >= 1, got " + line);
    }
    Objects.requireNonNull(event, "event");
    requireNonNegative("pid", pid);
    requireNonNegative("session", session);
    requireNonNegative("count", count);
    requireNonNegative("bytes_sent", bytesSent);
    requireNonNegative("bytes_received", bytesReceived);
    requireNonNegative("id", echoId);
  }

  /** An event with no optional fields. */
  public static PppdEvent of(int line, String time, Integer pid, PppdEventType event) {
    return new PppdEvent(
        line, time, pid, event, null, null, null, null, null, null, null, null, null, null, null,
        null);
  }

  /** This event attributed to {@code memberName} (null to clear). */
  public PppdEvent withMember(String memberName) {
    return new PppdEvent(
        line,
        time,
        pid,
        event,
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
        memberName,
        echoId);
  }

  /** The session effect, applying the LCP-only rule for {@code terminated_by_peer}. */
  public SessionEffect sessionEffect() {
    if (event == PppdEventType.TERMINATED_BY_PEER && !"LCP".equals(protocol)) {
      return SessionEffect.NONE;
    }
    return event.sessionEffect();
  }

  private static void requireNonNegative(String name, Number value) {
    if (value != null && value.longValue() < 0) {
      throw new IllegalArgumentException(name + " must be >= 0, got " + value);
    }
  }
}
