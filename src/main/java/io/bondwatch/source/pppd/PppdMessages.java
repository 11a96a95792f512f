package io.bondwatch.source.pppd;

/**
 * The event table: pppd message text (after the log prefix) to event and fields, across pppd 2.3 to
 * 2.5 wording (pppd-messages.md). Dispatches on the first character, then plain {@code startsWith};
 * no regex. Throws {@link IllegalArgumentException} when a known message has a value that does not
 * parse (the caller counts the line as malformed).
 */
final class PppdMessages {
  // packet dumps of pppd's debug option given twice (utils.c dump_packet); the id pairs them
  private static final String SENT_ECHO_REQUEST = "sent [LCP EchoReq id=0x";
  private static final String RCVD_ECHO_REPLY = "rcvd [LCP EchoRep id=0x";

  private PppdMessages() {}

  /** The event for a pppd message, or null when the message is no event. */
  static EventBuilder read(String m) {
    if (m.isEmpty()) {
      return null;
    }
    EventBuilder b = byFirstChar(m);
    return b != null ? b : ProtocolMessages.read(m);
  }

  /** The messages logged by rp-pppoe's user-mode {@code pppoe} client that are events. */
  static EventBuilder readPppoe(String m) {
    if (m.startsWith("Sent PADT")) {
      return new EventBuilder(PppdEventType.PADT);
    }
    if (m.startsWith("Session ") && m.endsWith(" terminated -- received PADT from peer")) {
      EventBuilder b = new EventBuilder(PppdEventType.PADT);
      b.session = Fields.number(m, 8, m.indexOf(' ', 8), "session");
      b.reason = "received PADT from peer";
      return b;
    }
    if (m.startsWith("Timeout waiting for PAD")) {
      return discoveryTimeout(m);
    }
    return null;
  }

  private static EventBuilder byFirstChar(String m) {
    switch (m.charAt(0)) {
      case 'C':
        return startsWithC(m);
      case 'S':
        return startsWithS(m);
      case 'L':
      case 'l':
        return startsWithL(m);
      case 'N':
        return startsWithN(m);
      case 'P':
      case 'p':
      case 'R':
        return startsWithP(m);
      case 'U':
      case 'D':
        return interfaceOrDiscovery(m);
      case 'T':
        if (m.startsWith("Timeout waiting for PAD")) {
          return discoveryTimeout(m);
        }
        if (m.startsWith("Terminating on signal ")) {
          return signal("signal " + Fields.stripDot(m.substring(22)));
        }
        return null;
      case 'M':
        if (m.equals("Modem hangup")) {
          return new EventBuilder(PppdEventType.HANGUP);
        }
        return m.startsWith("MS-CHAP") ? authFailure("MS-CHAP", m) : null;
      case 'H':
        return m.startsWith("Hangup (SIGHUP)") ? signal("SIGHUP") : null;
      case 's':
        return m.startsWith(SENT_ECHO_REQUEST) ? echo(PppdEventType.ECHO_REQUEST, m) : null;
      case 'r':
        return m.startsWith(RCVD_ECHO_REPLY) ? echo(PppdEventType.ECHO_REPLY, m) : null;
      case 'F':
        return m.startsWith("Fatal signal ") ? signal("fatal signal " + m.substring(13)) : null;
      case 'E':
        if (m.equals("Exit.")) {
          return new EventBuilder(PppdEventType.EXIT);
        }
        return m.startsWith("EAP: peer reports authentication failure")
                || m.startsWith("EAP: timeout waiting for Request")
            ? authFailure("EAP", m)
            : null;
      default:
        return null;
    }
  }

  private static EventBuilder startsWithC(String m) {
    if (m.startsWith("Connect: ")) {
      int arrow = m.indexOf(" <-->", 9);
      if (arrow < 0) {
        throw new IllegalArgumentException("Connect: line without <-->");
      }
      EventBuilder b = new EventBuilder(PppdEventType.CONNECT);
      b.interfaceName = Fields.nonEmpty(m.substring(9, arrow));
      b.device = arrow + 6 <= m.length() ? Fields.nonEmpty(m.substring(arrow + 5).trim()) : null;
      return b;
    }
    if (m.startsWith("Connected to ")) {
      int via = m.indexOf(" via interface ", 13);
      if (via < 0) {
        throw new IllegalArgumentException("Connected to line without 'via interface'");
      }
      EventBuilder b = new EventBuilder(PppdEventType.PPPOE_CONNECTED);
      b.peer = m.substring(13, via).toLowerCase(java.util.Locale.ROOT);
      b.device = Fields.nonEmpty(m.substring(via + 15));
      return b;
    }
    if (m.equals("Connection terminated.")) {
      return linkDown("connection terminated");
    }
    if (m.startsWith("Connect time ") && m.endsWith(" minutes.")) {
      return new EventBuilder(PppdEventType.STATS);
    }
    return null;
  }

  private static EventBuilder startsWithS(String m) {
    if (m.startsWith("Starting negotiation on ")) {
      EventBuilder b = new EventBuilder(PppdEventType.NEGOTIATION);
      b.device = Fields.nonEmpty(m.substring(24));
      return b;
    }
    if (m.startsWith("Serial link appears to be disconnected")) {
      return new EventBuilder(PppdEventType.PEER_DEAD);
    }
    if (m.startsWith("Sent ") && m.endsWith(" bytes.")) {
      int comma = m.indexOf(" bytes, received ", 5);
      if (comma < 0) {
        return null;
      }
      EventBuilder b = new EventBuilder(PppdEventType.STATS);
      b.bytesSent = Fields.counter(m, 5, comma);
      b.bytesReceived = Fields.counter(m, comma + 17, m.length() - 7);
      return b;
    }
    return readPppoe(m);
  }

  private static EventBuilder startsWithL(String m) {
    if (m.startsWith("Link attached to ")) {
      EventBuilder b = new EventBuilder(PppdEventType.BUNDLE_JOINED);
      b.interfaceName = Fields.nonEmpty(m.substring(17));
      return b;
    }
    if (m.equals("Link terminated.")) {
      return linkDown("link terminated");
    }
    if (m.equals("Last channel has disconnected")) {
      return linkDown("last channel has disconnected");
    }
    if (m.startsWith("local ")) {
      int p = 6;
      while (p < m.length() && m.charAt(p) == ' ') {
        p++;
      }
      if (m.startsWith("IP address ", p)) {
        EventBuilder b = new EventBuilder(PppdEventType.IP_UP);
        b.ip = Ipv4.check(m.substring(p + 11));
        return b;
      }
    }
    return null;
  }

  private static EventBuilder startsWithN(String m) {
    if (m.startsWith("New bundle ") && m.endsWith(" created")) {
      EventBuilder b = new EventBuilder(PppdEventType.BUNDLE_CREATED);
      b.interfaceName = Fields.nonEmpty(m.substring(11, m.length() - 8));
      return b;
    }
    if (m.startsWith("No response to ") && m.endsWith(" echo-requests")) {
      EventBuilder b = new EventBuilder(PppdEventType.ECHO_TIMEOUT);
      b.count = Fields.number(m, 15, m.length() - 14, "echo count");
      return b;
    }
    if (m.startsWith("No response to PAP authenticate-requests")) {
      return authFailure("PAP", m);
    }
    return m.startsWith("No CHAP secret found") ? authFailure("CHAP", m) : null;
  }

  private static EventBuilder startsWithP(String m) {
    if (m.startsWith("pppd ") && m.contains(" started by ")) {
      return new EventBuilder(PppdEventType.START);
    }
    if (m.startsWith("Plugin ") && m.endsWith(" loaded.")
        || m.startsWith("PPPoE plugin from pppd")
        || m.startsWith("RP-PPPoE plugin version")) {
      return new EventBuilder(PppdEventType.PLUGIN);
    }
    if (m.startsWith("PPP session is ")) {
      int end = m.indexOf(' ', 15);
      EventBuilder b = new EventBuilder(PppdEventType.PPPOE_SESSION);
      b.session = Fields.number(m, 15, end < 0 ? m.length() : end, "session");
      return b;
    }
    if (m.startsWith("Renamed interface ")) {
      int to = m.indexOf(" to ", 18);
      return to < 0 ? null : interfaceEvent(m.substring(to + 4));
    }
    return m.startsWith("peer refused to authenticate") ? authFailure(null, m) : null;
  }

  private static EventBuilder interfaceOrDiscovery(String m) {
    if (m.startsWith("Using interface ")) {
      return interfaceEvent(m.substring(16));
    }
    if (m.startsWith("Detected interface name change from ")) {
      int to = m.indexOf(" to ", 36);
      return to < 0 ? null : interfaceEvent(Fields.stripDot(m.substring(to + 4)));
    }
    if (m.startsWith("Unable to complete PPPoE Discovery")) {
      EventBuilder b = new EventBuilder(PppdEventType.DISCOVERY_TIMEOUT);
      b.reason = m.substring(19);
      return b;
    }
    return m.startsWith("Unknown MS-CHAP authentication failure")
        ? authFailure("MS-CHAP", m)
        : null;
  }

  /** {@code sent [LCP EchoReq id=0x5 magic=0x3e9f050f]}: the hex id after the prefix. */
  private static EventBuilder echo(PppdEventType type, String m) {
    int from = SENT_ECHO_REQUEST.length(); // both prefixes have the same length
    int to = from;
    while (to < m.length() && Character.digit(m.charAt(to), 16) >= 0) {
      to++;
    }
    if (to == from || to - from > 2 || to == m.length() || " ]".indexOf(m.charAt(to)) < 0) {
      // pppd prints the one-byte id as %x: anything else is a damaged line
      throw new IllegalArgumentException("LCP echo without a one-byte hex id");
    }
    EventBuilder b = new EventBuilder(type);
    b.echoId = Integer.parseInt(m, from, to, 16);
    return b;
  }

  private static EventBuilder discoveryTimeout(String m) {
    EventBuilder b = new EventBuilder(PppdEventType.DISCOVERY_TIMEOUT);
    if (m.startsWith("Timeout waiting for PADO")) {
      b.protocol = "PADO";
    } else if (m.startsWith("Timeout waiting for PADS")) {
      b.protocol = "PADS";
    }
    return b;
  }

  private static EventBuilder interfaceEvent(String name) {
    EventBuilder b = new EventBuilder(PppdEventType.INTERFACE);
    b.interfaceName = Fields.nonEmpty(name);
    return b;
  }

  static EventBuilder authFailure(String protocol, String m) {
    EventBuilder b = new EventBuilder(PppdEventType.AUTH_FAILED);
    b.protocol = protocol;
    b.reason = m;
    return b;
  }

  private static EventBuilder linkDown(String reason) {
    EventBuilder b = new EventBuilder(PppdEventType.LINK_DOWN);
    b.reason = reason;
    return b;
  }

  private static EventBuilder signal(String reason) {
    EventBuilder b = new EventBuilder(PppdEventType.SIGNAL);
    b.reason = reason;
    return b;
  }
}
