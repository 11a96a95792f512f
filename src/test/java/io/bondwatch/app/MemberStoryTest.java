package io.bondwatch.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.bondwatch.config.BondwatchConfig;
import io.bondwatch.config.ConfigLoader;
import io.bondwatch.config.ConfigResult;
import io.bondwatch.config.MemberConfig;
import io.bondwatch.domain.member.Member;
import io.bondwatch.source.probe.ProbeResult;
import io.bondwatch.source.probe.ProbeResult.Outcome;
import io.bondwatch.time.FakeTimeSource;
import io.bondwatch.time.PeriodicTasks;
import io.bondwatch.web.StatusDocument;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * What the status API says of each member (state, reason, loss shown, recommended) tells one story
 * at every moment: the real members, judgement and bond view on a fake clock, checked after every
 * probe and pppd report.
 */
class MemberStoryTest {
  private static final String YAML =
      """
      bond: { name: mp0, mode: multilink }
      members:
        - { name: dsl1, interface: eth1, capacity: { down: 5Mbit, up: 1Mbit }, probe: { target: 192.0.2.1 } }
        - { name: dsl2, interface: eth2, capacity: { down: 5Mbit, up: 1Mbit }, probe: { target: 198.51.100.1 } }
      probe: { interval: 200ms, timeout: 1s }
      """;
  private static final String NO_DEVICE = "ping exited: ping: SO_BINDTODEVICE eth2: No such device";
  private static final Pattern LOSS_IN_WORDS = Pattern.compile("loss (\\d+\\.\\d)%");

  /** The wired read side of a two-member bond, fed by hand. */
  private static final class Bond {
    final FakeTimeSource time = new FakeTimeSource();
    final BondwatchConfig cfg;
    final Map<String, Member> members = new LinkedHashMap<>();
    final Map<String, ProbeResult> latest = new LinkedHashMap<>();
    final BondView view;
    long seq;

    Bond() {
      ConfigResult r = ConfigLoader.parse(YAML, "story.yml");
      cfg = ((ConfigResult.Valid) r).config();
      for (MemberConfig m : cfg.members()) {
        members.put(m.name(), MemberProbes.member(cfg, m, time));
      }
      Traffic traffic =
          new Traffic(
              cfg,
              time,
              Runnable::run,
              new PeriodicTasks(time).register("netdev", "netdev", Duration.ofSeconds(5)));
      view = new BondView(cfg, members, traffic, time);
    }

    void probe(String member, Outcome outcome, Duration rtt, String reason) {
      ProbeResult r =
          new ProbeResult(
              member, seq++, time.monotonicNanos(), time.wallTime(), outcome, rtt, reason);
      members.get(member).onProbe(r);
      latest.put(member, r);
    }

    void ok(String member, int n) {
      for (int i = 0; i < n; i++) {
        time.advanceMillis(200);
        probe(member, Outcome.REPLY, Duration.ofMillis(10), null);
      }
    }

    void fail(String member, int n, Outcome outcome, String reason) {
      for (int i = 0; i < n; i++) {
        time.advanceMillis(200);
        probe(member, outcome, null, reason);
      }
    }

    StatusDocument.Member status(String member) {
      return view.status().members().stream()
          .filter(m -> m.name().equals(member))
          .findFirst()
          .orElseThrow();
    }
  }

  @Test
  void aMemberBackFromAFlapIsUpWithoutTheOutagesLossAndRecommendedAtOnce() {
    Bond b = new Bond();
    b.ok("dsl1", 200);
    b.ok("dsl2", 200);
    b.fail("dsl2", 40, Outcome.LOST, null);
    assertThat(b.status("dsl2").state()).isEqualTo("down");
    b.ok("dsl2", 10);
    StatusDocument.Member dsl2 = b.status("dsl2");
    assertThat(dsl2.state()).isEqualTo("up");
    assertThat(dsl2.lossRatio()).as("the outage is not the line's loss").isZero();
    assertThat(dsl2.extra().get("recommended"))
        .as("recommended as soon as it is up")
        .isEqualTo(true);
    assertThat(dsl2.probesLost()).as("the counters keep the outage").isEqualTo(40);
    checkStory(b);
  }

  @Test
  void theRecommendedSetFollowsAStateChangeAtOnce() {
    Bond b = new Bond();
    b.ok("dsl1", 100);
    b.ok("dsl2", 100);
    assertThat(b.status("dsl2").extra().get("recommended")).isEqualTo(true);
    b.fail("dsl2", 3, Outcome.ERROR, "link down: no such device eth2");
    assertThat(b.status("dsl2").state()).isEqualTo("down");
    assertThat(b.status("dsl2").extra().get("recommended")).isEqualTo(false);
    checkStory(b);
  }

  @Test
  void aMissingDeviceIsTheReasonUntilItComesBackAndThenTheRestoreCountIs() {
    Bond b = new Bond();
    b.fail("dsl2", 5, Outcome.NOT_SENT, NO_DEVICE);
    StatusDocument.Member dsl2 = b.status("dsl2");
    assertThat(dsl2.reason()).isEqualTo("5 probes not sent in a row: " + NO_DEVICE);
    assertThat(dsl2.probesSent()).as("probes that could not be sent are not sent").isZero();
    assertThat(dsl2.probesLost()).isZero();
    b.ok("dsl2", 3);
    assertThat(b.status("dsl2").reason()).isEqualTo("restoring: 3 of 10 probes answered in a row");
    b.ok("dsl2", 7);
    assertThat(b.status("dsl2").state()).isEqualTo("up");
    assertThat(b.status("dsl2").reason()).doesNotContainIgnoringCase("no such device");
    checkStory(b);
  }

  @Test
  void whileDownTheReasonFollowsTheLatestFailure() {
    Bond b = new Bond();
    b.ok("dsl1", 100);
    b.fail("dsl1", 5, Outcome.ERROR, "link down: no such device eth1");
    assertThat(b.status("dsl1").state()).isEqualTo("down");
    b.fail("dsl1", 2, Outcome.NOT_SENT, "ping: sendmsg: Network is unreachable");
    assertThat(b.status("dsl1").reason())
        .isEqualTo("7 probes not sent in a row: ping: sendmsg: Network is unreachable");
    checkStory(b);
  }

  /** A stretch of one member's probes: kind and length. */
  record Segment(int kind, int length) {}

  @Provide
  Arbitrary<List<Segment>> script() {
    return Combinators.combine(
            Arbitraries.integers().between(0, 7), Arbitraries.integers().between(1, 60))
        .as(Segment::new)
        .list()
        .ofMinSize(1)
        .ofMaxSize(12);
  }

  @Property(tries = 100)
  void stateReasonLossAndRecommendationAgreeAfterEveryInput(
      @ForAll("script") List<Segment> dsl1,
      @ForAll("script") List<Segment> dsl2,
      @ForAll long seed) {
    Bond b = new Bond();
    Random random = new Random(seed);
    List<List<Segment>> scripts = List.of(dsl1, dsl2);
    int[] at = new int[2];
    int[] left = {dsl1.get(0).length(), dsl2.get(0).length()};
    for (int step = 0; step < 400; step++) {
      b.time.advanceMillis(100);
      String name = step % 2 == 0 ? "dsl1" : "dsl2";
      int i = step % 2;
      Segment s = at[i] < scripts.get(i).size() ? scripts.get(i).get(at[i]) : new Segment(0, 1);
      play(b, name, s.kind(), random);
      if (--left[i] == 0 && ++at[i] < scripts.get(i).size()) {
        left[i] = scripts.get(i).get(at[i]).length();
      }
      checkStory(b);
    }
  }

  private static void play(Bond b, String member, int kind, Random random) {
    Member m = b.members.get(member);
    switch (kind) {
      case 0 -> b.probe(member, Outcome.REPLY, Duration.ofMillis(10), null);
      case 1 -> b.probe(member, Outcome.REPLY, Duration.ofMillis(300), null);
      case 2 -> b.probe(member, Outcome.LOST, null, null);
      case 3 -> b.probe(member, Outcome.NOT_SENT, null, NO_DEVICE);
      case 4 -> b.probe(member, Outcome.ERROR, null, "link down: " + member + " operstate is down");
      case 5 -> {
        if (random.nextDouble() < 0.2) {
          b.probe(member, Outcome.LOST, null, null);
        } else {
          b.probe(member, Outcome.REPLY, Duration.ofMillis(15), null);
        }
      }
      case 6 -> m.onSessionDown("echo_timeout");
      default -> m.onSessionUp();
    }
  }

  /** The invariants of one moment, for every member. */
  private static void checkStory(Bond b) {
    StatusDocument doc = b.view.status();
    double limit = b.cfg.policy().degraded().loss().value();
    double limitRtt = b.cfg.policy().degraded().rtt().toNanos() / 1e9;
    double lossSum = 0;
    List<String> usable = new ArrayList<>();
    for (StatusDocument.Member m : doc.members()) {
      String at = m.name() + " " + m.state() + " (" + m.reason() + ", loss " + m.lossRatio() + ")";
      boolean isUsable = m.state().equals("up") || m.state().equals("degraded");
      assertThat(m.active()).as(at).isEqualTo(isUsable);
      if (Boolean.TRUE.equals(m.extra().get("recommended"))) {
        assertThat(isUsable).as("recommended but not usable: " + at).isTrue();
      }
      Matcher words = LOSS_IN_WORDS.matcher(m.reason());
      if (isUsable && words.find()) {
        assertThat(words.group(1))
            .as("the loss in the reason is the loss shown: " + at)
            .isEqualTo(String.format(Locale.ROOT, "%.1f", m.lossRatio() * 100));
      }
      double rtt = m.rttSeconds() == null ? 0 : m.rttSeconds();
      if (m.state().equals("up")) {
        assertThat(m.lossRatio())
            .as("up with loss over the threshold: " + at)
            .isLessThanOrEqualTo(limit);
        assertThat(rtt).as(at).isLessThanOrEqualTo(limitRtt);
      }
      if (m.state().equals("degraded")) {
        assertThat(m.lossRatio() > 0.8 * limit || rtt > 0.8 * limitRtt)
            .as("degraded though within the recovery thresholds: " + at)
            .isTrue();
      }
      if (m.state().equals("down")) {
        checkDownReason(b, m, at);
      }
      if (isUsable) {
        usable.add(m.name());
        lossSum += m.lossRatio();
      }
    }
    if (!usable.isEmpty() && lossSum <= 0.02) {
      @SuppressWarnings("unchecked")
      Map<String, Object> rec = (Map<String, Object>) doc.bond().extra().get("recommended");
      assertThat(rec).as("nothing recommended though %s are usable and clean", usable).isNotNull();
      assertThat(rec.get("members")).as("clean usable members all recommended").isEqualTo(usable);
    }
  }

  private static void checkDownReason(Bond b, StatusDocument.Member m, String at) {
    ProbeResult last = b.latest.get(m.name());
    if (Boolean.FALSE.equals(m.sessionUp())) {
      assertThat(m.reason()).as(at).startsWith("pppd: ");
    } else if (last == null) {
      assertThat(m.reason()).as(at).startsWith("starting: ");
    } else if (last.ok()) {
      assertThat(m.reason()).as(at).startsWith("restoring: ");
    } else if (last.reason() != null) {
      assertThat(m.reason()).as("the latest failure is the reason: " + at).endsWith(last.reason());
    } else {
      assertThat(m.reason()).as(at).contains("lost");
    }
  }
}
