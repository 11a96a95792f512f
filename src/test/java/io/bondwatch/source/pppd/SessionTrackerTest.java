package io.bondwatch.source.pppd;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SessionTrackerTest {

  private final SessionTracker tracker = new SessionTracker(List.of("dsl1"));

  private List<SessionChange> feed(PppdEvent e, String... members) {
    return tracker.accept(new AttributedEvent(e, List.of(members)));
  }

  private static PppdEvent event(int line, PppdEventType type) {
    return PppdEvent.of(line, null, 7, type);
  }

  @Test
  void multilinkLifecycleChangesOnlyOnRealTransitions() throws Exception {
    assertThat(MultilinkLogs.changes("/pppd/multilink/multilink-lifecycle.log"))
        .containsExactly(
            "17 dsl1 UP", // New bundle ppp0 created (ip_up on line 18 changes nothing)
            "22 dsl2 UP", // Link attached to ppp0
            "23 dsl2 DOWN", // echo timeout; peer dead, Link terminated., PADT, Exit. change nothing
            "35 dsl2 UP", // restarted pppd with a new pid re-attached
            "36 dsl1 DOWN", // master's SIGTERM ends the whole bundle
            "36 dsl2 DOWN");
  }

  @Test
  void lastChannelFromMasterTakesDownMembersThatLoggedNothing() throws Exception {
    assertThat(MultilinkLogs.changes("/pppd/multilink/multilink-last-channel.log"))
        .containsExactly("8 dsl1 UP", "11 dsl2 UP", "12 dsl1 DOWN", "14 dsl2 DOWN");
  }

  @Test
  void duplicateUpAndDownLinesChangeNothing() {
    assertThat(feed(event(1, PppdEventType.IP_UP), "dsl1")).hasSize(1);
    assertThat(feed(event(2, PppdEventType.IP_UP), "dsl1")).isEmpty();
    assertThat(feed(event(3, PppdEventType.STATS), "dsl1")).isEmpty();
    assertThat(feed(event(4, PppdEventType.HANGUP), "dsl1"))
        .singleElement()
        .satisfies(c -> assertThat(c.reason()).isEqualTo("hangup"));
    assertThat(feed(event(5, PppdEventType.LINK_DOWN), "dsl1")).isEmpty();
    assertThat(tracker.state("dsl1")).isEqualTo(SessionState.DOWN);
  }

  @Test
  void ipcpTerminationLeavesTheSessionUp() {
    feed(event(1, PppdEventType.IP_UP), "dsl1");
    PppdEvent ipcp =
        new PppdEvent(
            2,
            null,
            7,
            PppdEventType.TERMINATED_BY_PEER,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            "IPCP",
            null,
            "dsl1",
            null);
    assertThat(feed(ipcp, "dsl1")).isEmpty();
    assertThat(feed(ipcp.withMember("dsl1"), "dsl1")).isEmpty();
    assertThat(tracker.state("dsl1")).isEqualTo(SessionState.UP);
  }

  @Test
  void firstDownFromUnknownIsReportedWithTheLineReason() {
    PppdEvent signal =
        new PppdEvent(
            9,
            null,
            7,
            PppdEventType.SIGNAL,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            "signal 15",
            "dsl1",
            null);
    assertThat(feed(signal, "dsl1"))
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.state()).isEqualTo(SessionState.DOWN);
              assertThat(c.reason()).isEqualTo("signal: signal 15");
              assertThat(c.event().line()).isEqualTo(9);
            });
  }

  @Test
  void eventsForUnconfiguredOrUnattributedMembersChangeNothing() {
    assertThat(feed(event(1, PppdEventType.EXIT), "other")).isEmpty();
    assertThat(feed(event(2, PppdEventType.EXIT))).isEmpty();
    assertThat(tracker.state("dsl1")).isEqualTo(SessionState.UNKNOWN);
  }
}
