package io.bondwatch.source.pppd;

/** Messages that start with a protocol name: {@code <PROTO> terminated by peer}, auth results. */
final class ProtocolMessages {

  private ProtocolMessages() {}

  /** {@code LCP terminated by peer (reason)} and {@code CHAP authentication succeeded: msg}. */
  static EventBuilder read(String m) {
    int sp = m.indexOf(' ');
    if (sp < 2 || sp > 10 || !isProtocolName(m, sp)) {
      return null;
    }
    String proto = m.substring(0, sp);
    if (m.startsWith(" terminated by peer", sp)) {
      EventBuilder b = new EventBuilder(PppdEventType.TERMINATED_BY_PEER);
      b.protocol = proto;
      int open = sp + 19;
      if (m.length() > open + 2 && m.charAt(open + 1) == '(' && m.endsWith(")")) {
        b.reason = m.substring(open + 2, m.length() - 1);
      }
      return b;
    }
    if (m.startsWith(" authentication succeeded", sp)) {
      EventBuilder b = new EventBuilder(PppdEventType.AUTH_OK);
      b.protocol = proto;
      return b;
    }
    if (m.startsWith(" authentication failed", sp) || m.startsWith(" authentication timed", sp)) {
      return PppdMessages.authFailure(proto, m);
    }
    return null;
  }

  private static boolean isProtocolName(String m, int end) {
    for (int i = 0; i < end; i++) {
      char c = m.charAt(i);
      if (!(c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == 'v')) {
        return false;
      }
    }
    return true;
  }
}
