package io.bondwatch.source.pppd;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Runs a test-resource log through parser, attributor and tracker, as the service will. */
final class MultilinkLogs {

  static final List<MemberMatch> MEMBERS =
      List.of(
          new MemberMatch("dsl1", "eth1", null, null), new MemberMatch("dsl2", "eth2", null, null));

  private MultilinkLogs() {}

  static List<String> lines(String resource) throws IOException {
    try (InputStream in = MultilinkLogs.class.getResourceAsStream(resource)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    }
  }

  /** Every session change, as "line member STATE". */
  static List<String> changes(String resource) throws IOException {
    PppdLineParser parser = new PppdLineParser();
    PppdAttributor attributor = new PppdAttributor(MEMBERS);
    SessionTracker tracker = new SessionTracker(List.of("dsl1", "dsl2"));
    List<String> out = new ArrayList<>();
    int n = 0;
    for (String line : lines(resource)) {
      PppdEvent e = parser.parse(line, ++n).event();
      if (e != null) {
        for (SessionChange c : tracker.accept(attributor.accept(e))) {
          out.add(c.event().line() + " " + c.member() + " " + c.state());
        }
      }
    }
    return out;
  }
}
