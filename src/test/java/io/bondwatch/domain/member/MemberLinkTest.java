package io.bondwatch.domain.member;

import static org.assertj.core.api.Assertions.assertThat;

import io.bondwatch.domain.link.LinkObservation;
import io.bondwatch.domain.link.OperState;
import io.bondwatch.source.probe.ProbeResult;
import io.bondwatch.time.FakeTimeSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A member told of its devices' link state, on a fake clock. */
class MemberLinkTest {
  private final FakeTimeSource time = new FakeTimeSource();
  private final MemberTest.ScriptedHealth health = new MemberTest.ScriptedHealth();
  private final Member member =
      new Member("dsl1", new MemberPolicy(0.10, Duration.ofMillis(200), 10), health, time);
  private final List<String> changes = new ArrayList<>();

  {
    member.addListener((s, from) -> changes.add(from.label() + "->" + s.state().label()));
  }

  private void answer(int n) {
    for (int i = 0; i < n; i++) {
      time.advanceMillis(200);
      member.onProbe(
          new ProbeResult(
              "dsl1",
              i,
              time.monotonicNanos(),
              time.wallTime(),
              ProbeResult.Outcome.REPLY,
              Duration.ofMillis(12),
              null));
    }
  }

  private LinkObservation link(String device, boolean admin, boolean carrier, OperState oper) {
    return new LinkObservation(
        device, 7, admin, carrier, oper, time.monotonicNanos(), time.wallTime());
  }

  private LinkObservation up(String device) {
    return link(device, true, true, OperState.UP);
  }

  private LinkObservation noCarrier(String device) {
    return link(device, true, false, OperState.DOWN);
  }

  @Test
  void carrierLossMakesAnUpMemberDownAtOnceWithTheReason() {
    member.onLink(up("eth1"));
    answer(10);
    assertThat(member.state()).isEqualTo(MemberState.UP);
    time.advanceMillis(3);
    member.onLink(noCarrier("eth1"));
    MemberSnapshot s = member.snapshot();
    assertThat(s.state()).isEqualTo(MemberState.DOWN);
    assertThat(s.reason()).isEqualTo("link down: carrier lost on eth1");
    assertThat(s.since()).as("at the observation, not at a probe").isEqualTo(time.wallTime());
    assertThat(s.flaps()).isEqualTo(1);
    assertThat(s.carrier()).isFalse();
    assertThat(changes).containsExactly("down->up", "up->down");
  }

  @Test
  void theCarrierBackRestoresNothingByItselfTheRestoreRuleCountsFromThen() {
    member.onLink(up("eth1"));
    answer(10);
    member.onLink(noCarrier("eth1"));
    answer(20);
    assertThat(member.state()).as("answers while the carrier is lost").isEqualTo(MemberState.DOWN);
    assertThat(member.snapshot().reason()).isEqualTo("link down: carrier lost on eth1");

    member.onLink(up("eth1"));
    assertThat(member.state()).isEqualTo(MemberState.DOWN);
    assertThat(member.snapshot().reason()).isEqualTo("restoring: 0 of 10 probes answered in a row");
    assertThat(member.snapshot().carrier()).isTrue();
    answer(9);
    assertThat(member.state()).isEqualTo(MemberState.DOWN);
    answer(1);
    assertThat(member.state()).isEqualTo(MemberState.UP);
    assertThat(member.snapshot().reason()).isEqualTo("restored after 10 answered probes in a row");
  }

  @Test
  void aDeviceSetDownOrDeletedOrOperationallyDownIsDownToo() {
    answer(10);
    member.onLink(link("eth1", false, false, OperState.DOWN));
    assertThat(member.snapshot().reason()).isEqualTo("link down: eth1 is set down");
    member.onLink(LinkObservation.absent("eth1", time.monotonicNanos(), time.wallTime()));
    assertThat(member.snapshot().reason()).isEqualTo("link down: no such device eth1");
    member.onLink(up("eth1"));
    answer(10);
    assertThat(member.state()).isEqualTo(MemberState.UP);
    member.onLink(link("eth1", true, true, OperState.LOWERLAYERDOWN));
    assertThat(member.state()).isEqualTo(MemberState.DOWN);
    assertThat(member.snapshot().reason()).isEqualTo("link down: eth1 operstate is lowerlayerdown");
    assertThat(member.snapshot().flaps()).isEqualTo(2);
  }

  @Test
  void anyDeviceOfTheMemberCountsTheProbeDeviceAndTheUnderlay() {
    member.onLink(up("pppoe-wan1"));
    member.onLink(up("eth1"));
    answer(10);
    member.onLink(noCarrier("eth1"));
    assertThat(member.snapshot().reason()).isEqualTo("link down: carrier lost on eth1");
    assertThat(member.snapshot().links())
        .extracting(LinkObservation::device)
        .containsExactly("pppoe-wan1", "eth1");
    member.onLink(up("eth1"));
    answer(10);
    assertThat(member.state()).isEqualTo(MemberState.UP);
  }

  @Test
  void aWorkingDeviceChangesNothingAndADeviceDownAtStartIsTheReason() {
    member.onLink(up("eth1"));
    answer(10);
    member.onLink(up("eth1"));
    assertThat(member.state()).isEqualTo(MemberState.UP);
    assertThat(changes).containsExactly("down->up");

    Member other =
        new Member("dsl2", new MemberPolicy(0.10, Duration.ofMillis(200), 10), health, time);
    assertThat(other.snapshot().carrier()).as("nothing known yet").isNull();
    other.onLink(noCarrier("eth2"));
    assertThat(other.snapshot().reason()).isEqualTo("link down: carrier lost on eth2");
  }

  @Test
  void theLinkIsTheReasonBeforePppdAndTheProbes() {
    answer(10);
    member.onSessionDown("Modem hangup");
    member.onLink(noCarrier("eth1"));
    assertThat(member.snapshot().reason()).isEqualTo("link down: carrier lost on eth1");
    member.onLink(up("eth1"));
    assertThat(member.snapshot().reason()).isEqualTo("pppd: Modem hangup");
  }

  @Test
  void aMemberJudgedByItsUnderlayIsNotRestoredByAVerdictWhileItsLinkIsDown() {
    Member mp =
        new Member(
            "dsl2", new MemberPolicy(0.10, Duration.ofMillis(200), 10), new NoProbes(), time);
    UnderlayVerdict alive =
        new UnderlayVerdict(UnderlayVerdict.Kind.ALIVE, () -> "frames on eth2 every 0.20 s");
    mp.onUnderlay(alive);
    assertThat(mp.state()).isEqualTo(MemberState.UP);

    mp.onLink(noCarrier("eth2"));
    assertThat(mp.state()).isEqualTo(MemberState.DOWN);
    // a verdict from a sysfs sample read just before the carrier went still sees frames flowing
    mp.onUnderlay(alive);
    assertThat(mp.state()).isEqualTo(MemberState.DOWN);
    assertThat(mp.snapshot().reason())
        .as("the link first, as for a probed member")
        .isEqualTo("link down: carrier lost on eth2");

    mp.onLink(up("eth2"));
    mp.onUnderlay(alive);
    assertThat(mp.state()).isEqualTo(MemberState.UP);
    assertThat(mp.snapshot().reason()).isEqualTo("restored: frames on eth2 every 0.20 s");
  }
}
