package io.bondwatch.bench;

import io.bondwatch.app.LinkHealth;
import io.bondwatch.config.PolicyConfig;
import io.bondwatch.source.probe.PingProber;
import io.bondwatch.source.probe.PingSettings;
import io.bondwatch.source.probe.ProbeResult;
import io.bondwatch.source.probe.ProbeTarget;
import io.bondwatch.testbed.NetnsTestBed;
import io.bondwatch.time.Durations;
import io.bondwatch.time.TimeSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * bench/detection: the real PingProber and the service's judgement of a member ({@link LinkHealth}:
 * probe statistics, miss deadline and adaptive down rule) on netns links at the default settings
 * ({@code PolicyConfig.defaults()}). (a) kills a clean member {@code --kills} times (alternately
 * nftables 100% drop and {@code ip link set down}) and prints the median and p95 time from the kill
 * to the "down" verdict; (b) meanwhile runs a second member at 10% random loss from its first probe
 * for {@code --minutes} and prints the false downs and the k the rule settled on; (c) takes a third
 * member's carrier away {@code --carrier-kills} times ({@link CarrierLossBench}).
 */
public final class DetectionBench {
  private static final TimeSource CLOCK = TimeSource.SYSTEM;
  private static final java.util.Random PHASE = new java.util.Random();
  static final int MIN_K = PolicyConfig.defaults().down().consecutiveLost();
  static final int MAX_K = PolicyConfig.defaults().down().maxConsecutiveLost();
  static final Duration BASELINE = PolicyConfig.defaults().down().baselineWindow();

  private DetectionBench() {}

  public static void main(String[] args) throws Exception {
    double minutes = 30;
    int kills = 20;
    int carrierKills = 20;
    boolean mp = false;
    long heartbeatMs = 200;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--minutes" -> minutes = Double.parseDouble(value(args, ++i));
        case "--kills" -> kills = Integer.parseInt(value(args, ++i));
        case "--carrier-kills" -> carrierKills = Integer.parseInt(value(args, ++i));
        case "--mp" -> mp = true;
        case "--heartbeat-ms" -> heartbeatMs = Long.parseLong(value(args, ++i));
        default -> usage("unknown argument " + args[i]);
      }
    }
    if (minutes <= 0 || kills < 1 || carrierKills < 0 || heartbeatMs < 10) {
      usage("--minutes must be > 0, --kills >= 1, --carrier-kills >= 0, --heartbeat-ms >= 10");
    }
    if (mp) {
      MultilinkDetectionBench.run(kills, Duration.ofMillis(heartbeatMs));
      return;
    }
    PingSettings settings = PingSettings.defaults();
    System.out.printf(
        "bench/detection: interval %s, timeout %s, consecutiveLost %d, maxConsecutiveLost %d, baselineWindow %s%n",
        Durations.human(settings.interval()),
        Durations.human(settings.timeout()),
        MIN_K,
        MAX_K,
        Durations.human(BASELINE));
    ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(1);
    try (NetnsTestBed bed = NetnsTestBed.create(3);
        PingProber prober = new PingProber(settings, CLOCK, scheduler)) {
      NetnsTestBed.Link clean = bed.link(0);
      NetnsTestBed.Link lossy = bed.link(1);
      bed.loss(lossy, 10);
      Monitor killed = new Monitor(settings.interval());
      Monitor random = new Monitor(settings.interval());
      long start = CLOCK.monotonicNanos();
      prober.start(new ProbeTarget("killed", clean.hostDev(), clean.farIp()), killed::accept);
      prober.start(new ProbeTarget("lossy", lossy.hostDev(), lossy.farIp()), random::accept);

      List<Double> all = new ArrayList<>();
      List<Double> fromDone = new ArrayList<>();
      for (int i = 0; i < kills; i++) {
        int k = killed.awaitSettledUp(Duration.ofSeconds(3), Duration.ofSeconds(120));
        boolean silence = i % 2 == 0;
        // the wait above wakes on a probe result, i.e. just after a probe was sent: without a
        // random phase every kill would land at the same (worst) point of the probe cycle
        Thread.sleep(PHASE.nextInt((int) settings.interval().toMillis()));
        long kill = CLOCK.monotonicNanos();
        if (silence) {
          bed.loss(clean, 100);
        } else {
          bed.linkDown(clean);
        }
        long killDone = CLOCK.monotonicNanos();
        long downAt = killed.awaitDownAfter(kill, Duration.ofSeconds(30));
        if (silence) {
          bed.loss(clean, 0);
        } else {
          bed.linkUp(clean);
        }
        String how = silence ? "silence (nft drop 100%)" : "ip link set down    ";
        if (downAt < 0) {
          System.out.printf(
              "(a) kill %2d/%d %s k=%d NOT detected within 30 s%n", i + 1, kills, how, k);
          continue;
        }
        double secs = (downAt - kill) / 1e9;
        all.add(secs);
        fromDone.add((downAt - killDone) / 1e9);
        System.out.printf(
            Locale.ROOT,
            "(a) kill %2d/%d %s k=%d detected in %.3f s (kill command took %.3f s)%n",
            i + 1,
            kills,
            how,
            k,
            secs,
            (killDone - kill) / 1e9);
      }
      System.out.printf(
          Locale.ROOT,
          "(a) detection over %d of %d kills, from issuing the kill: %s%n",
          all.size(),
          kills,
          Figures.summary(all));
      System.out.printf(
          Locale.ROOT,
          "(a) the same from the kill command's return: %s%n",
          Figures.summary(fromDone));
      System.out.printf(
          "(a) downs of the killed member while it was not killed: %d%n", killed.spuriousDowns());

      if (carrierKills > 0) {
        CarrierLossBench.run(bed, bed.link(2), prober, scheduler, carrierKills);
      }

      long end = start + (long) (minutes * 60e9);
      while (CLOCK.monotonicNanos() < end) {
        Thread.sleep(Math.min(1000, Math.max(1, (end - CLOCK.monotonicNanos()) / 1_000_000)));
      }
      System.out.printf(
          Locale.ROOT, "(b) %s%n", random.lossReport((CLOCK.monotonicNanos() - start) / 60e9));
    } finally {
      scheduler.shutdownNow();
    }
  }

  private static final String USAGE =
      "bench/detection [--minutes N] [--kills N] [--carrier-kills N]"
          + "\n       bench/detection --mp [--kills N] [--heartbeat-ms N]";

  private static String value(String[] args, int i) {
    return BenchArgs.value(args, i, "bench/detection", USAGE);
  }

  private static void usage(String problem) {
    BenchArgs.usage("bench/detection", problem, USAGE);
  }

  /** One member's stats and down rule, fed from the prober thread, read by the bench thread. */
  static final class Monitor {
    private final LinkHealth health;
    private final List<Integer> kSamples = new ArrayList<>();
    private long upSince = CLOCK.monotonicNanos();
    private long lastDownAt = -1;
    private int downs;
    private long killedAt = Long.MAX_VALUE;
    private int spurious;

    Monitor(Duration interval) {
      health = LinkHealth.of(PolicyConfig.defaults(), interval, Duration.ofSeconds(1));
    }

    synchronized void accept(ProbeResult r) {
      long t = r.monotonicNanos();
      boolean wasDown = health.downRuleHolds();
      health.record(r);
      boolean down = health.downRuleHolds();
      if (wasDown && !down) {
        upSince = t;
      } else if (down && !wasDown) {
        downs++;
        lastDownAt = t;
        if (t < killedAt) {
          spurious++;
        }
      }
      kSamples.add(health.requiredMisses());
      notifyAll();
    }

    /**
     * Waits until up for {@code upFor} and k at its minimum (or {@code settle} passed); returns k.
     */
    synchronized int awaitSettledUp(Duration upFor, Duration settle) throws InterruptedException {
      killedAt = Long.MAX_VALUE;
      long giveUp = CLOCK.monotonicNanos() + settle.toNanos();
      while (health.downRuleHolds()
          || CLOCK.monotonicNanos() - upSince < upFor.toNanos()
          || health.requiredMisses() > MIN_K && CLOCK.monotonicNanos() < giveUp) {
        wait(100);
      }
      return health.requiredMisses();
    }

    /** Waits for a down verdict after {@code kill}; its time, or -1. */
    synchronized long awaitDownAfter(long kill, Duration max) throws InterruptedException {
      killedAt = kill;
      long giveUp = kill + max.toNanos();
      while (lastDownAt < kill && CLOCK.monotonicNanos() < giveUp) {
        wait(20);
      }
      return lastDownAt >= kill ? lastDownAt : -1;
    }

    synchronized int spuriousDowns() {
      return spurious;
    }

    synchronized String lossReport(double elapsedMinutes) {
      // k after the first minute, when the baseline has some evidence
      List<Integer> settled = kSamples.subList(Math.min(kSamples.size(), 300), kSamples.size());
      int kMin = settled.stream().mapToInt(Integer::intValue).min().orElse(-1);
      int kMax = settled.stream().mapToInt(Integer::intValue).max().orElse(-1);
      return String.format(
          Locale.ROOT,
          "10%% random loss for %.1f min: %d probes, %d lost (%.2f%%), false downs %d; "
              + "k at the end %d (range after the first minute %d..%d), baseline p %.4f",
          elapsedMinutes,
          health.sent(),
          health.lost(),
          100.0 * health.lost() / Math.max(1, health.sent()),
          downs,
          health.requiredMisses(),
          kMin,
          kMax,
          health.baselineLoss());
    }
  }
}
