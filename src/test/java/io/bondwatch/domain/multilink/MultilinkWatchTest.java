package io.bondwatch.domain.multilink;

import static org.assertj.core.api.Assertions.assertThat;

import io.bondwatch.domain.member.Member;
import io.bondwatch.domain.member.MemberPolicy;
import io.bondwatch.domain.member.MemberState;
import io.bondwatch.domain.member.NoProbes;
import io.bondwatch.time.FakeTimeSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Attribution of multilink members on a fake clock: underlay counters sampled every 200 ms, a
 * bundle probe that stalls or not, pppd's echoes and sessions; real members receive the verdicts.
 */
class MultilinkWatchTest {
  private static final Duration SAMPLE = Duration.ofMillis(200);

  private final FakeTimeSource time = new FakeTimeSource();
  private final Map<String, Member> members = new LinkedHashMap<>();
  private final List<String> changes = new ArrayList<>();
  private BundleProbeView bundle = new BundleProbeView(false, 0);
  private final long[] rx = new long[2];
  private int tick;
  private final MultilinkWatch watch;

  MultilinkWatchTest() {
    for (String name : List.of("dsl1", "dsl2")) {
      Member m =
          new Member(name, new MemberPolicy(0.1, Duration.ofMillis(200), 10), new NoProbes(), time);
      m.addListener((s, from) -> changes.add(s.name() + " " + s.state().label()));
      members.put(name, m);
    }
    Map<String, String> devices = new LinkedHashMap<>();
    devices.put("dsl1", "eth1");
    devices.put("dsl2", "eth2");
    watch =
        new MultilinkWatch(
            devices,
            HeartbeatRule.defaults(SAMPLE),
            Duration.ofSeconds(2),
            () -> bundle,
            (m, v) -> members.get(m).onUnderlay(v));
  }

  private long now() {
    return time.monotonicNanos();
  }

  private static LinkObservation up(String device) {
    return new LinkObservation(device, true, true, "up", 3);
  }

  /** One sample of both underlays, 200 ms after the last: frames or not on each, then a verdict. */
  private void sample(boolean frames1, boolean frames2) {
    time.advance(SAMPLE);
    tick++;
    rx[0] += frames1 ? 1 : 0;
    rx[1] += frames2 ? 3 : 0;
    watch.onSample("dsl1", up("eth1"), rx[0], now());
    watch.onSample("dsl2", up("eth2"), rx[1], now());
    watch.evaluate(now());
  }

  private void samples(int n, boolean frames1, boolean frames2) {
    for (int i = 0; i < n; i++) {
      sample(frames1, frames2);
    }
  }

  private MemberState state(String m) {
    return members.get(m).state();
  }

  private String reason(String m) {
    return members.get(m).snapshot().reason();
  }

  private void bothUp() {
    samples(30, true, true);
    assertThat(state("dsl1")).isEqualTo(MemberState.UP);
    assertThat(state("dsl2")).isEqualTo(MemberState.UP);
    changes.clear();
  }

  @Test
  void membersComeUpOnceFramesFlowedForTheRestoreWindow() {
    // the first reading is the counter's baseline: frames are seen from the second
    samples(11, true, true);
    assertThat(state("dsl1")).isEqualTo(MemberState.DOWN);
    assertThat(reason("dsl1")).startsWith("restoring: frames flowing for 1.80 s of 2.00 s");
    samples(1, true, true);
    assertThat(state("dsl1")).isEqualTo(MemberState.UP);
    assertThat(changes).contains("dsl1 up");
    assertThat(reason("dsl1"))
        .isEqualTo(
            "restored: frames on eth1 every 0.20 s, last 0.00 s ago (silence allowed 0.60 s)");
    sample(true, true);
    assertThat(reason("dsl1"))
        .isEqualTo("frames on eth1 every 0.20 s, last 0.00 s ago (silence allowed 0.60 s)");
  }

  @Test
  void oneSilentMemberWhileTheOtherReceivesIsDownOnceTheBundleStalls() {
    bothUp();
    samples(5, true, false);
    assertThat(state("dsl2")).as("silence alone, bundle fine: not yet").isEqualTo(MemberState.UP);
    assertThat(reason("dsl2"))
        .isEqualTo(
            "quiet: no frames on eth2 for 1.00 s (its heartbeat allows 0.60 s); bundle probes answer");

    bundle = new BundleProbeView(true, 3);
    sample(true, false);

    assertThat(changes).containsExactly("dsl2 down");
    assertThat(reason("dsl2"))
        .isEqualTo(
            "no frames received on eth2 for 1.20 s (its heartbeat allows 0.60 s) while dsl1"
                + " received 6; bundle probes lost (3 in a row)");
    assertThat(watch.bundleFault()).isNull();
  }

  @Test
  void everyUnderlaySilentIsABundleFaultAndNobodyIsBlamed() {
    bothUp();
    bundle = new BundleProbeView(true, 5);
    samples(50, false, false);

    assertThat(changes).isEmpty();
    assertThat(watch.bundleFault())
        .isEqualTo(
            "bundle stalled: bundle probes lost (5 in a row) and no member received frames for"
                + " 10.0 s; nobody blamed");
  }

  /**
   * Every underlay goes silent, one {@code stagger} samples (200 ms each) after the other, and the
   * bundle stalls with the first: real lines do not all die in the same millisecond. Frames the
   * later one received before it died too prove nothing against the first.
   */
  @ParameterizedTest(name = "{0} silent first, the other {1} x 200 ms later")
  @CsvSource({
    "dsl1, 1", "dsl1, 2", "dsl1, 3", "dsl1, 4", "dsl2, 1", "dsl2, 2", "dsl2, 3", "dsl2, 4"
  })
  void everyUnderlaySilentWithinAShortSpreadBlamesNobody(String first, int stagger) {
    bothUp();
    bundle = new BundleProbeView(true, 3);
    boolean dsl1First = first.equals("dsl1");
    samples(stagger, !dsl1First, dsl1First);
    samples(50, false, false);

    assertThat(changes).isEmpty();
    assertThat(watch.bundleFault()).endsWith("no member received frames for 10.0 s; nobody blamed");
  }

  @Test
  void aSilentMemberIsDownFastWhenTheStallComesFirst() {
    bothUp();
    bundle = new BundleProbeView(true, 3);
    // dsl2 silent from here; its heartbeat allows 0.6 s, so dsl1's frames of the first three
    // samples arrived while dsl2's silence was still within it
    samples(4, true, false);
    assertThat(state("dsl2")).as("dsl1 received once after 0.6 s").isEqualTo(MemberState.UP);
    sample(true, false);
    assertThat(changes).containsExactly("dsl2 down");
    assertThat(reason("dsl2"))
        .isEqualTo(
            "no frames received on eth2 for 1.00 s (its heartbeat allows 0.60 s) while dsl1"
                + " received 5; bundle probes lost (3 in a row)");
  }

  /**
   * Both members' pppd stop getting echo replies 700 ms apart; the frames go on (other traffic on
   * the underlays). dsl1's second unanswered echo is counted 0.4 s before dsl2's first is: dsl2's
   * last reply, before it died, is no proof that dsl1 alone is dead.
   */
  @Test
  void echoesThatStopOnEveryMemberWithinAShortSpreadBlameNobody() {
    bothUp();
    bundle = new BundleProbeView(true, 4);
    // dsl1 echoes at 0.0, 1.0, 2.0 s, ...; dsl2 at 0.4, 1.4, 2.4 s, ...; a reply comes 0.2 s
    // after its request while the member lives: dsl1 dies at 0.1 s, dsl2 at 0.8 s
    for (int step = 0; step < 50; step++) {
      long ms = step * 200L;
      int id = (int) (ms / 1000);
      if (ms % 1000 == 0) {
        watch.onEcho("dsl1", 100, true, id, now());
      }
      if (ms % 1000 == 400) {
        watch.onEcho("dsl2", 200, true, id, now());
      }
      if (ms == 600) {
        watch.onEcho("dsl2", 200, false, id, now());
      }
      sample(true, true);
    }
    assertThat(changes).isEmpty();
    assertThat(watch.status("dsl1", now()).echoUnansweredInRow()).isGreaterThanOrEqualTo(2);
    assertThat(watch.status("dsl2", now()).echoUnansweredInRow()).isGreaterThanOrEqualTo(2);
  }

  @Test
  void aStallWhileEveryMemberReceivesIsTroubleBeyondTheBundle() {
    bothUp();
    bundle = new BundleProbeView(true, 5);
    samples(10, true, true);
    assertThat(changes).isEmpty();
    assertThat(watch.bundleFault())
        .isEqualTo(
            "bundle stalled: bundle probes lost (5 in a row) while every member receives frames:"
                + " trouble beyond the bundle; nobody blamed");
  }

  @Test
  void carrierLossIsDownAtOnceWithItsReason() {
    bothUp();
    watch.onLink(new LinkObservation("eth1", true, false, "lowerlayerdown", 3), now());

    assertThat(changes).containsExactly("dsl1 down");
    assertThat(reason("dsl1")).isEqualTo("carrier lost on eth1 (operstate lowerlayerdown)");
    assertThat(state("dsl2")).isEqualTo(MemberState.UP);

    watch.onLink(up("eth1"), now());
    samples(9, true, true);
    assertThat(state("dsl1")).as("restore window not over").isEqualTo(MemberState.DOWN);
    samples(2, true, true);
    assertThat(state("dsl1")).isEqualTo(MemberState.UP);
  }

  @Test
  void anInputStampedBeforeTheLastSampleDoesNotTurnTheClockBack() {
    bothUp();
    // a link event read on another thread just before this sample, delivered just after it
    watch.onLink(up("eth1"), now() - Duration.ofMillis(5).toNanos());

    assertThat(changes).isEmpty();
    assertThat(reason("dsl1")).startsWith("frames on eth1 every 0.20 s, last 0.00 s ago");
    samples(1, true, true);
    assertThat(reason("dsl1")).as("still restored, not restoring again").startsWith("frames on");
  }

  @Test
  void aDeletedUnderlayIsDown() {
    bothUp();
    watch.onSample("dsl2", LinkObservation.missing("eth2"), -1, now());
    watch.evaluate(now());
    assertThat(reason("dsl2")).isEqualTo("no such device eth2");
  }

  @Test
  void lcpEchoesStoppingNameTheMemberWhenTheBundleStalls() {
    bothUp();
    // frames keep coming on both underlays (eth2 also carries other traffic), but dsl2's
    // pppd gets no answer to its echoes any more
    for (int id = 0; id < 3; id++) {
      watch.onEcho("dsl1", 100, true, id, now());
      watch.onEcho("dsl2", 200, true, id, now());
      sample(true, true);
      watch.onEcho("dsl1", 100, false, id, now());
      samples(4, true, true);
    }
    assertThat(state("dsl2")).as("unanswered, but the bundle carries").isEqualTo(MemberState.UP);
    bundle = new BundleProbeView(true, 4);
    sample(true, true);

    assertThat(changes).containsExactly("dsl2 down");
    assertThat(reason("dsl2"))
        .isEqualTo("2 LCP echo requests unanswered in a row; bundle probes lost (4 in a row)");
    assertThat(watch.status("dsl1", now()).echoRttSeconds()).isEqualTo(0.2);
    assertThat(watch.status("dsl2", now()).echoUnansweredInRow()).isEqualTo(2);
  }

  @Test
  void aHeartbeatSlowerThanLearnedGivesNoFalseDownEvenWhenTheBundleStalls() {
    bothUp();
    // the bundle goes idle: only pppd's 1 s LCP echoes arrive, at different phases per member,
    // and something beyond the bundle stalls it; the threshold learned under load was 0.6 s
    bundle = new BundleProbeView(true, 8);
    for (int i = 0; i < 300; i++) {
      sample(tick % 5 == 0, tick % 5 == 2);
    }
    assertThat(changes).isEmpty();
    assertThat(watch.bundleFault()).endsWith("nobody blamed");
  }

  @Test
  void aMemberWhosePppdRestartsWithANewPidIsRestoredFromItsNewSession() {
    bothUp();
    watch.onEcho("dsl2", 200, true, 7, now());
    sample(true, true);
    watch.onEcho("dsl2", 200, true, 8, now());
    sample(true, true);
    // the old pppd gives up and exits; a new one (new pid) negotiates again
    members.get("dsl2").onSessionDown("echo_timeout");
    watch.onSessionDown("dsl2");
    assertThat(state("dsl2")).isEqualTo(MemberState.DOWN);
    watch.onEcho("dsl2", 300, true, 0, now());
    samples(20, true, true);
    assertThat(state("dsl2"))
        .as("frames flow, but the session is down")
        .isEqualTo(MemberState.DOWN);
    assertThat(reason("dsl2"))
        .isEqualTo("pppd: echo_timeout; frames flow, but pppd must report the session up first");

    members.get("dsl2").onSessionUp();
    watch.onSessionUp("dsl2", now());
    watch.onEcho("dsl2", 300, false, 0, now());
    samples(9, true, true);
    assertThat(state("dsl2"))
        .as("restore window counted from the new session")
        .isEqualTo(MemberState.DOWN);
    assertThat(watch.status("dsl2", now()).echoUnansweredInRow())
        .as("the old pppd's unanswered echoes are not the new one's")
        .isZero();
    samples(2, true, true);
    assertThat(state("dsl2")).isEqualTo(MemberState.UP);
  }

  @Test
  void anOutageDoesNotRaiseTheSilenceAllowedAfterIt() {
    bothUp();
    bundle = new BundleProbeView(true, 3);
    samples(25, true, false);
    assertThat(state("dsl2")).isEqualTo(MemberState.DOWN);
    bundle = new BundleProbeView(false, 0);
    samples(20, true, true);
    assertThat(state("dsl2")).isEqualTo(MemberState.UP);
    assertThat(watch.status("dsl2", now()).silenceAllowedSeconds())
        .as("the 5 s outage is no heartbeat")
        .isEqualTo(0.6);
  }

  @Test
  void aHeartbeatThatSlowsWhileTheBundleCarriesIsLearned() {
    bothUp();
    for (int i = 0; i < 30; i++) {
      sample(tick % 5 == 0, tick % 5 == 2);
    }
    assertThat(changes).isEmpty();
    assertThat(watch.status("dsl1", now()).silenceAllowedSeconds()).isEqualTo(2.0);
  }
}
