package io.bondwatch.app;

import io.bondwatch.domain.member.Member;
import io.bondwatch.source.pppd.AttributedEvent;
import io.bondwatch.source.pppd.LineConsumer;
import io.bondwatch.source.pppd.MemberMatch;
import io.bondwatch.source.pppd.ParseOutcome;
import io.bondwatch.source.pppd.PppdAttributor;
import io.bondwatch.source.pppd.PppdEvent;
import io.bondwatch.source.pppd.PppdEventType;
import io.bondwatch.source.pppd.PppdLineParser;
import io.bondwatch.source.pppd.PppdMetrics;
import io.bondwatch.source.pppd.PppdPidFiles;
import io.bondwatch.source.pppd.SessionChange;
import io.bondwatch.source.pppd.SessionState;
import io.bondwatch.source.pppd.SessionTracker;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * pppd log lines to the member model: parse, attribute to members, count, and turn real session
 * transitions into {@link Member#onSessionDown} / {@link Member#onSessionUp}. Runs on the log
 * source's thread; duplicate lines change nothing because the session tracker reports only
 * transitions and the member ignores a down it already has.
 */
final class PppdFeed implements LineConsumer {
  private static final Logger log = LoggerFactory.getLogger(PppdFeed.class);

  private final PppdLineParser parser = new PppdLineParser();
  private final PppdAttributor attributor;
  private final SessionTracker tracker;
  private final Map<String, Member> members;
  private final PppdMetrics metrics;
  private final List<String> linknames;
  private final PppdPidFiles pids;
  private final MultilinkEvents multilink;
  private int lineNumber;

  /** Where echoes and session changes of multilink members go (their judgement, DESIGN.md 1b). */
  interface MultilinkEvents {
    /** An LCP echo request or reply of a member's pppd, as its line arrives. */
    void echo(String member, Integer pid, boolean request, int id);

    void session(String member, boolean up);

    MultilinkEvents NONE =
        new MultilinkEvents() {
          @Override
          public void echo(String member, Integer pid, boolean request, int id) {}

          @Override
          public void session(String member, boolean up) {}
        };
  }

  PppdFeed(List<MemberMatch> matches, Map<String, Member> members, PppdMetrics metrics) {
    this(matches, members, metrics, PppdPidFiles.system(), MultilinkEvents.NONE);
  }

  PppdFeed(
      List<MemberMatch> matches,
      Map<String, Member> members,
      PppdMetrics metrics,
      PppdPidFiles pids) {
    this(matches, members, metrics, pids, MultilinkEvents.NONE);
  }

  PppdFeed(
      List<MemberMatch> matches,
      Map<String, Member> members,
      PppdMetrics metrics,
      PppdPidFiles pids,
      MultilinkEvents multilink) {
    this.attributor = new PppdAttributor(matches);
    this.linknames =
        matches.stream().map(MemberMatch::linkname).filter(java.util.Objects::nonNull).toList();
    this.pids = pids;
    this.tracker = new SessionTracker(members.keySet());
    this.members = Map.copyOf(members);
    this.metrics = metrics;
    this.multilink = multilink;
  }

  @Override
  public void accept(List<String> lines) {
    // pppd never logs its linkname: learn linkname pids before the lines that may need them
    for (String name : linknames) {
      pids.pid(name).ifPresent(pid -> attributor.bindLinkname(pid, name));
    }
    for (String line : lines) {
      accept(line);
    }
  }

  void accept(String line) {
    ParseOutcome outcome = parser.parse(line, ++lineNumber);
    metrics.onLogLine(outcome.result().tag());
    if (outcome.event() == null) {
      return;
    }
    AttributedEvent attributed = attributor.accept(outcome.event());
    String event = outcome.event().event().jsonName();
    if (attributed.members().isEmpty()) {
      metrics.onPppdEvent("", event);
    }
    for (String m : attributed.members()) {
      metrics.onPppdEvent(m, event);
    }
    PppdEvent e = attributed.event();
    if (e.echoId() != null && e.member() != null) {
      multilink.echo(e.member(), e.pid(), e.event() == PppdEventType.ECHO_REQUEST, e.echoId());
    }
    for (SessionChange change : tracker.accept(attributed)) {
      Member member = members.get(change.member());
      if (member == null) {
        continue;
      }
      log.info("member {}: pppd session {} ({})", change.member(), change.state(), change.reason());
      if (change.state() == SessionState.DOWN) {
        member.onSessionDown(change.reason());
      } else {
        member.onSessionUp();
      }
      multilink.session(change.member(), change.state() == SessionState.UP);
    }
  }
}
