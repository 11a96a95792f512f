package io.bondwatch.bench;

import io.bondwatch.app.LinkHealth;
import io.bondwatch.config.PolicyConfig;
import io.bondwatch.domain.member.Member;
import io.bondwatch.domain.member.MemberPolicy;
import io.bondwatch.domain.member.MemberSnapshot;
import io.bondwatch.domain.member.MemberState;
import io.bondwatch.domain.member.ProbeHealth;
import io.bondwatch.domain.member.ProbeQuorum;
import io.bondwatch.domain.member.TargetQuorum;
import io.bondwatch.source.probe.PingProber;
import io.bondwatch.source.probe.PingSettings;
import io.bondwatch.source.probe.ProbeTarget;
import io.bondwatch.testbed.NetnsTestBed;
import io.bondwatch.time.TimeSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * bench/quorum: a member probed through two targets with quorum 1 (the link's far end, its next
 * hop, and an address behind it), with the real pings and the service's judgement on rounds at the
 * default settings. (a) kills the line {@code --kills} times (alternately nftables 100% drop and
 * {@code ip link set down}) and prints the median and p95 time from the kill to "down"; (b) then
 * drops the far target for good and puts 10% random loss on the line for {@code --minutes}, and
 * prints the false downs (the line works: its next hop answers nine probes in ten).
 */
public final class QuorumBench {
  private static final TimeSource CLOCK = TimeSource.SYSTEM;
  private static final Random PHASE = new Random();

  private QuorumBench() {}

  public static void main(String[] args) throws Exception {
    double minutes = 10;
    int kills = 20;
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--minutes" -> minutes = Double.parseDouble(args[i + 1]);
        case "--kills" -> kills = Integer.parseInt(args[i + 1]);
        default ->
            throw new IllegalArgumentException("usage: bench/quorum [--minutes N] [--kills N]");
      }
    }
    PingSettings settings = PingSettings.defaults();
    PolicyConfig policy = PolicyConfig.defaults();
    ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(1);
    try (NetnsTestBed bed = NetnsTestBed.create(1);
        PingProber prober = new PingProber(settings, CLOCK, scheduler)) {
      NetnsTestBed.Link link = bed.link(0);
      String far = bed.addFarTarget(link);
      List<String> targets = List.of(link.farIp(), far);
      List<ProbeHealth> perTarget = new ArrayList<>();
      targets.forEach(t -> perTarget.add(health(policy, settings)));
      Member member =
          new Member(
              "dsl1",
              new MemberPolicy(
                  policy.degraded().loss().value(),
                  policy.degraded().rtt(),
                  policy.restore().consecutiveOk()),
              health(policy, settings),
              new TargetQuorum(
                  "dsl1", new ProbeQuorum(targets, 1, 0), perTarget, settings.interval()),
              CLOCK);
      Watch watch = new Watch();
      member.addListener(watch::changed);
      for (int i = 0; i < targets.size(); i++) {
        int t = i;
        prober.start(
            new ProbeTarget("dsl1", link.hostDev(), targets.get(i), true),
            r -> member.onTargetProbe(t, r));
      }
      System.out.printf(
          "bench/quorum: targets %s (next hop) and %s, quorum 1, interval 200ms%n",
          link.farIp(), far);
      List<Double> found = new ArrayList<>();
      for (int i = 0; i < kills; i++) {
        int k = watch.awaitSettledUp(member);
        boolean silence = i % 2 == 0;
        Thread.sleep(PHASE.nextInt((int) settings.interval().toMillis()));
        long kill = CLOCK.monotonicNanos();
        if (silence) {
          bed.loss(link, 100);
        } else {
          bed.linkDown(link);
        }
        long downAt = watch.awaitDownAfter(kill);
        if (silence) {
          bed.loss(link, 0);
        } else {
          bed.linkUp(link);
        }
        String how = silence ? "silence (nft drop 100%)" : "ip link set down    ";
        double secs = (downAt - kill) / 1e9;
        found.add(secs);
        System.out.printf(
            Locale.ROOT,
            "(a) kill %2d/%d %s k=%d detected in %.3f s%n",
            i + 1,
            kills,
            how,
            k,
            secs);
      }
      System.out.printf(Locale.ROOT, "(a) line deaths, kill to down: %s%n", Figures.summary(found));

      watch.awaitSettledUp(member);
      bed.dropTo(far, true);
      bed.loss(link, 10);
      long start = CLOCK.monotonicNanos();
      int downsBefore = watch.downs();
      MemberSnapshot before = member.snapshot();
      Thread.sleep((long) (minutes * 60_000));
      MemberSnapshot s = member.snapshot();
      System.out.printf(
          Locale.ROOT,
          "(b) far target dropped, 10%% loss on the line for %.1f min: false downs %d; %d rounds,"
              + " %d lost; far target %s; reason: %s%n",
          (CLOCK.monotonicNanos() - start) / 60e9,
          watch.downs() - downsBefore,
          s.probesSent() - before.probesSent(),
          s.probesLost() - before.probesLost(),
          s.targets().get(1).state().label(),
          s.reason());
    } finally {
      scheduler.shutdownNow();
    }
  }

  private static ProbeHealth health(PolicyConfig policy, PingSettings settings) {
    return LinkHealth.of(policy, settings.interval(), settings.timeout());
  }

  /** The member's state changes, as its listener sees them. */
  private static final class Watch {
    private long lastDownAt = -1;
    private long upSince = Long.MAX_VALUE;
    private int downs;

    synchronized void changed(MemberSnapshot after, MemberState from) {
      long now = CLOCK.monotonicNanos();
      if (after.state() == MemberState.DOWN) {
        downs++;
        lastDownAt = now;
        upSince = Long.MAX_VALUE;
      } else if (from == MemberState.DOWN) {
        upSince = now;
      }
      notifyAll();
    }

    /** Up for 3 s and the down rule at its minimum k (or two minutes); returns k. */
    synchronized int awaitSettledUp(Member member) throws InterruptedException {
      long giveUp = CLOCK.monotonicNanos() + Duration.ofMinutes(2).toNanos();
      while (upSince == Long.MAX_VALUE
          || CLOCK.monotonicNanos() - upSince < 3_000_000_000L
          || member.snapshot().requiredMisses() > 3 && CLOCK.monotonicNanos() < giveUp) {
        wait(100);
      }
      return member.snapshot().requiredMisses();
    }

    synchronized long awaitDownAfter(long kill) throws InterruptedException {
      while (lastDownAt < kill) {
        wait(20);
      }
      return lastDownAt;
    }

    synchronized int downs() {
      return downs;
    }
  }
}
