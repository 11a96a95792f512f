package io.bondwatch.bench;

import io.bondwatch.app.LinkHealth;
import io.bondwatch.config.PolicyConfig;
import io.bondwatch.domain.link.DeviceLinks;
import io.bondwatch.domain.link.LinkMetrics;
import io.bondwatch.domain.member.Member;
import io.bondwatch.domain.member.MemberPolicy;
import io.bondwatch.domain.member.MemberState;
import io.bondwatch.source.link.IpLinkMonitor;
import io.bondwatch.source.probe.PingProber;
import io.bondwatch.source.probe.PingSettings;
import io.bondwatch.source.probe.ProbeTarget;
import io.bondwatch.testbed.NetnsTestBed;
import io.bondwatch.time.TimeSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;

/**
 * bench/detection (c): the far side of a link set down, so the host side loses its carrier, {@code
 * kills} times; prints the median and p95 time from the command to the member model's "down" (the
 * real ip monitor, link state and member, probed by the real ping at the default settings), and any
 * down whose reason is not the carrier.
 */
final class CarrierLossBench {
  private static final TimeSource CLOCK = TimeSource.SYSTEM;
  private static final Random PHASE = new Random();

  private CarrierLossBench() {}

  static void run(
      NetnsTestBed bed,
      NetnsTestBed.Link link,
      PingProber prober,
      ScheduledExecutorService scheduler,
      int kills)
      throws InterruptedException {
    PolicyConfig p = PolicyConfig.defaults();
    Member member =
        new Member(
            "carrier",
            new MemberPolicy(
                p.degraded().loss().value(), p.degraded().rtt(), p.restore().consecutiveOk()),
            LinkHealth.of(p, PingSettings.defaults().interval(), PingSettings.defaults().timeout()),
            CLOCK);
    Downs downs = new Downs();
    member.addListener(
        (s, from) ->
            downs.changed(s.state() == MemberState.DOWN, s.reason(), CLOCK.monotonicNanos()));
    DeviceLinks links = new DeviceLinks(LinkMetrics.NONE);
    links.watch(link.hostDev(), (now, events) -> member.onLink(now));
    try (IpLinkMonitor monitor = new IpLinkMonitor(CLOCK, scheduler)) {
      monitor.start(Set.of(link.hostDev()), links::observe);
      prober.start(new ProbeTarget("carrier", link.hostDev(), link.farIp()), member::onProbe);
      String expected = "link down: carrier lost on " + link.hostDev();
      List<Double> fromIssue = new ArrayList<>();
      List<Double> fromReturn = new ArrayList<>();
      int otherReason = 0;
      for (int i = 0; i < kills; i++) {
        downs.awaitUp(member);
        Thread.sleep(PHASE.nextInt(200));
        long kill = CLOCK.monotonicNanos();
        bed.farDown(link);
        long done = CLOCK.monotonicNanos();
        Downs.Down d = downs.awaitDownAfter(kill, 10_000);
        bed.farUp(link);
        if (d == null) {
          System.out.printf("(c) kill %2d/%d NOT detected within 10 s%n", i + 1, kills);
          continue;
        }
        if (!d.reason().equals(expected)) {
          otherReason++;
        }
        fromIssue.add((d.nanos() - kill) / 1e9);
        fromReturn.add((d.nanos() - done) / 1e9);
        System.out.printf(
            Locale.ROOT,
            "(c) kill %2d/%d peer set down: down in %.1f ms (%.1f ms after ip returned): %s%n",
            i + 1,
            kills,
            (d.nanos() - kill) / 1e6,
            (d.nanos() - done) / 1e6,
            d.reason());
      }
      System.out.printf(
          Locale.ROOT,
          "(c) carrier loss over %d of %d kills, from issuing 'ip link set <far> down': %s%n",
          fromIssue.size(),
          kills,
          millis(fromIssue));
      System.out.printf(
          Locale.ROOT, "(c) the same from the command's return: %s%n", millis(fromReturn));
      System.out.printf("(c) downs with another reason than the carrier: %d%n", otherReason);
    } finally {
      prober.stop("carrier");
    }
  }

  private static String millis(List<Double> secs) {
    return String.format(
        Locale.ROOT,
        "median %.1f ms, p95 %.1f ms, max %.1f ms",
        Figures.median(secs) * 1e3,
        Figures.percentile(secs, 95) * 1e3,
        Figures.percentile(secs, 100) * 1e3);
  }

  /** The member's downs, fed by its listener, waited for by the bench thread. */
  static final class Downs {
    record Down(long nanos, String reason) {}

    private Down last;

    synchronized void changed(boolean down, String reason, long nanos) {
      if (down) {
        last = new Down(nanos, reason);
      }
      notifyAll();
    }

    synchronized void awaitUp(Member member) throws InterruptedException {
      while (!member.state().usable()) {
        wait(100);
      }
    }

    synchronized Down awaitDownAfter(long kill, long maxMillis) throws InterruptedException {
      long giveUp = kill + maxMillis * 1_000_000;
      while ((last == null || last.nanos() < kill) && CLOCK.monotonicNanos() < giveUp) {
        wait(10);
      }
      return last != null && last.nanos() >= kill ? last : null;
    }
  }
}
