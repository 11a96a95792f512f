package io.bondwatch.domain.member;

import static org.assertj.core.api.Assertions.assertThat;

import io.bondwatch.source.probe.ProbeResult;
import io.bondwatch.time.FakeTimeSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MemberTest {
  private final FakeTimeSource time = new FakeTimeSource();
  private final ScriptedHealth health = new ScriptedHealth();
  private final Member member =
      new Member("dsl1", new MemberPolicy(0.10, Duration.ofMillis(200), 10), health, time);
  private final List<String> changes = new ArrayList<>();

  {
    member.addListener((s, from) -> changes.add(from.label() + "->" + s.state().label()));
  }

  private ProbeResult ok() {
    time.advanceMillis(200);
    return new ProbeResult(
        "dsl1",
        0,
        time.monotonicNanos(),
        time.wallTime(),
        ProbeResult.Outcome.REPLY,
        Duration.ofMillis(12),
        null);
  }

  private ProbeResult lost() {
    time.advanceMillis(200);
    return new ProbeResult(
        "dsl1", 0, time.monotonicNanos(), time.wallTime(), ProbeResult.Outcome.LOST, null, null);
  }

  private void answer(int n) {
    for (int i = 0; i < n; i++) {
      member.onProbe(ok());
    }
  }

  @Test
  void startsDownAndComesUpOnlyAfterTheRestoreRuleHolds() {
    assertThat(member.state()).isEqualTo(MemberState.DOWN);
    answer(9);
    assertThat(member.state()).isEqualTo(MemberState.DOWN);
    answer(1);
    assertThat(member.state()).isEqualTo(MemberState.UP);
    assertThat(member.snapshot().reason()).contains("10 answered probes");
    assertThat(health.restores).as("the outage's losses are forgotten").isEqualTo(1);
  }

  @Test
  void aLostProbeRestartsTheRestoreCount() {
    answer(9);
    member.onProbe(lost());
    answer(9);
    assertThat(member.state()).isEqualTo(MemberState.DOWN);
    answer(1);
    assertThat(member.state()).isEqualTo(MemberState.UP);
  }

  @Test
  void dropsWhenTheDownRuleHoldsAndCountsOneFlap() {
    answer(10);
    health.down = true;
    member.onProbe(lost());
    assertThat(member.state()).isEqualTo(MemberState.DOWN);
    assertThat(member.snapshot().reason()).isEqualTo("scripted down");
    assertThat(member.snapshot().flaps()).isEqualTo(1);
    member.onProbe(lost());
    assertThat(member.snapshot().flaps()).isEqualTo(1);
    assertThat(changes).containsExactly("down->up", "up->down");
  }

  @Test
  void pppdSessionDownDropsAtOnceAndDuplicatesChangeNothing() {
    answer(10);
    member.onSessionDown("echo_timeout");
    member.onSessionDown("echo_timeout");
    assertThat(member.state()).isEqualTo(MemberState.DOWN);
    assertThat(member.snapshot().reason()).isEqualTo("pppd: echo_timeout");
    assertThat(member.snapshot().flaps()).isEqualTo(1);
    assertThat(member.snapshot().sessionUp()).isFalse();
  }

  @Test
  void pppdSessionUpAloneDoesNotRestoreTheProbesMustAgree() {
    answer(10);
    member.onSessionDown("hangup");
    answer(20);
    assertThat(member.state())
        .as("probes answer but pppd still says down")
        .isEqualTo(MemberState.DOWN);
    member.onSessionUp();
    assertThat(member.state()).isEqualTo(MemberState.DOWN);
    answer(9);
    assertThat(member.state()).as("counted from the session-up").isEqualTo(MemberState.DOWN);
    answer(1);
    assertThat(member.state()).isEqualTo(MemberState.UP);
  }

  @Test
  void degradesOverTheLossThresholdAndRecoversOnlyWellBelowIt() {
    answer(10);
    health.loss = 0.12;
    answer(1);
    assertThat(member.state()).isEqualTo(MemberState.DEGRADED);
    health.loss = 0.09;
    answer(1);
    assertThat(member.state())
        .as("9% is under 10% but not under 8%")
        .isEqualTo(MemberState.DEGRADED);
    health.loss = 0.05;
    answer(1);
    assertThat(member.state()).isEqualTo(MemberState.UP);
  }

  @Test
  void degradesOnSlowRtt() {
    answer(10);
    health.rtt = Duration.ofMillis(250);
    answer(1);
    assertThat(member.state()).isEqualTo(MemberState.DEGRADED);
    assertThat(member.snapshot().reason()).contains("rtt 250.0 ms");
  }

  @Test
  void restoredMemberStillLossyComesBackDegraded() {
    health.loss = 0.3;
    answer(10);
    assertThat(member.state()).isEqualTo(MemberState.DEGRADED);
  }

  @Test
  void aFailingListenerDoesNotStopTheOthers() {
    member.addListener(
        (s, from) -> {
          throw new IllegalStateException("boom");
        });
    List<MemberState> seen = new ArrayList<>();
    member.addListener((s, from) -> seen.add(s.state()));
    answer(10);
    assertThat(seen).containsExactly(MemberState.UP);
  }

  @Test
  void sinceIsTheWallTimeOfTheLastChange() {
    answer(10);
    var at = time.wallTime();
    answer(5);
    assertThat(member.snapshot().since()).isEqualTo(at);
  }

  /** Health whose verdicts the test sets directly; the state machine is what is under test. */
  static final class ScriptedHealth implements ProbeHealth {
    boolean down;
    double loss;
    Duration rtt = Duration.ofMillis(12);
    long sent;
    long lost;
    int restores;

    @Override
    public void record(ProbeResult r) {
      sent++;
      if (!r.ok()) {
        lost++;
      }
    }

    @Override
    public boolean downRuleHolds() {
      return down;
    }

    @Override
    public String downReason() {
      return "scripted down";
    }

    @Override
    public int requiredMisses() {
      return 3;
    }

    @Override
    public int consecutiveLost() {
      return 0;
    }

    @Override
    public double lossRatio() {
      return loss;
    }

    @Override
    public double degradedLoss() {
      return loss;
    }

    @Override
    public double lossSinceRestore() {
      return loss;
    }

    @Override
    public void restored() {
      restores++;
    }

    @Override
    public double baselineLoss() {
      return 0;
    }

    @Override
    public Duration smoothedRtt() {
      return rtt;
    }

    @Override
    public Duration jitter() {
      return null;
    }

    @Override
    public long sent() {
      return sent;
    }

    @Override
    public long lost() {
      return lost;
    }
  }
}
