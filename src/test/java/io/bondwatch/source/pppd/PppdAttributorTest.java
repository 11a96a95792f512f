package io.bondwatch.source.pppd;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PppdAttributorTest {

  private final PppdLineParser parser = new PppdLineParser();
  private int line;

  private AttributedEvent feed(PppdAttributor a, String text) {
    PppdEvent e = parser.parse(text, ++line).event();
    assertThat(e).as("event of %s", text).isNotNull();
    return a.accept(e);
  }

  @Test
  void pidIsTheMemberFromItsDeviceLineUntilExit() {
    PppdAttributor a = new PppdAttributor(MultilinkLogs.MEMBERS);
    assertThat(feed(a, "pppd[5]: Connect: ppp0 <--> eth2").event().member()).isEqualTo("dsl2");
    assertThat(feed(a, "pppd[5]: Modem hangup").members()).containsExactly("dsl2");
    assertThat(feed(a, "pppd[5]: Exit.").event().member()).isEqualTo("dsl2");
    assertThat(feed(a, "pppd[5]: Modem hangup").members()).isEmpty();
  }

  @Test
  void restartedPidIsForgottenAtStart() {
    PppdAttributor a = new PppdAttributor(MultilinkLogs.MEMBERS);
    feed(a, "pppd[5]: Starting negotiation on eth1");
    feed(a, "pppd[5]: pppd 2.4.9 started by root, uid 0");
    assertThat(feed(a, "pppd[5]: Modem hangup").event().member()).isNull();
  }

  @Test
  void uniqueIfnameAttributesButSharedBundleNameDoesNot() {
    PppdAttributor a =
        new PppdAttributor(
            List.of(
                new MemberMatch("a", null, "pppoe-a", null),
                new MemberMatch("b", null, "ppp0", null),
                new MemberMatch("c", null, "ppp0", null)));
    assertThat(feed(a, "pppd[1]: Renamed interface ppp0 to pppoe-a").event().member())
        .isEqualTo("a");
    assertThat(feed(a, "pppd[2]: Using interface ppp0").event().member()).isNull();
  }

  @Test
  void ttyDeviceMatchesWithOrWithoutDevPrefix() {
    PppdAttributor a = new PppdAttributor(List.of(new MemberMatch("m", "ttyS0", null, null)));
    assertThat(feed(a, "Connect: ppp0 <--> /dev/ttyS0").event().member()).isEqualTo("m");
  }

  @Test
  void linknamePidFileBindsThePid() {
    PppdAttributor a = new PppdAttributor(List.of(new MemberMatch("m", null, null, "dsl1")));
    a.bindLinkname(42, "dsl1");
    assertThat(feed(a, "pppd[42]: LCP terminated by peer").members()).containsExactly("m");
  }

  @Test
  void masterOwnLinkDownDoesNotReachMembers() {
    PppdAttributor a = new PppdAttributor(MultilinkLogs.MEMBERS);
    feed(a, "pppd[1]: Starting negotiation on eth1");
    feed(a, "pppd[2]: Starting negotiation on eth2");
    feed(a, "pppd[1]: New bundle ppp0 created");
    feed(a, "pppd[2]: Link attached to ppp0");
    assertThat(feed(a, "pppd[1]: Link terminated.").members()).containsExactly("dsl1");
    assertThat(feed(a, "pppd[1]: Hangup (SIGHUP)").members()).containsExactly("dsl1");
    assertThat(feed(a, "pppd[1]: Last channel has disconnected").members())
        .containsExactly("dsl1", "dsl2");
  }
}
