package io.bondwatch.domain.member;

import io.bondwatch.time.Durations;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Objects;

/**
 * The down rule of one member: down after k consecutive failed probes, where k adapts to the
 * member's own baseline loss so that random loss alone declares a false "down" less than once a
 * week. Pure (time comes in with every call); not thread-safe.
 *
 * <p>k = max(minConsecutive, smallest k with p^k * probesPerWeek &lt; 1), at most maxConsecutive,
 * where p is the Wilson upper bound (95 %) of the loss over {@code baselineWindow}. Runs of misses
 * enter the baseline only when a reply ends them before they reached "down": an outage is not
 * random loss, and the run in progress never counts.
 *
 * <p>Failures that prove the link itself is gone (the caller says so; for ping: "No such device",
 * "Network is unreachable", ...) need no statistics: minConsecutive of them in a row are enough.
 */
public final class DownDetector {
  private static final double SECONDS_PER_WEEK = 7 * 24 * 3600.0;
  private static final int RUN_SEQS = 64;

  private final int minConsecutive;
  private final int maxConsecutive;
  private final boolean adaptive;
  private final double logProbesPerWeek;
  private final LossBaseline baseline;

  private int run;
  private int linkGoneRun;
  private final ArrayDeque<Long> runSeqs = new ArrayDeque<>();
  private long lastSeq = Long.MIN_VALUE;
  private boolean down;
  private int required;
  private String reason = "";

  public DownDetector(
      int minConsecutive,
      int maxConsecutive,
      boolean adaptive,
      Duration baselineWindow,
      Duration interval) {
    Objects.requireNonNull(baselineWindow, "baselineWindow");
    Objects.requireNonNull(interval, "interval");
    if (minConsecutive < 1) {
      throw new IllegalArgumentException(
          "consecutiveLost must be at least 1, not " + minConsecutive);
    }
    if (maxConsecutive < minConsecutive) {
      throw new IllegalArgumentException(
          "maxConsecutiveLost ("
              + maxConsecutive
              + ") must not be below consecutiveLost ("
              + minConsecutive
              + ")");
    }
    if (interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException(
          "probe interval must be positive, not " + Durations.human(interval));
    }
    this.minConsecutive = minConsecutive;
    this.maxConsecutive = maxConsecutive;
    this.adaptive = adaptive;
    this.logProbesPerWeek = Math.log(SECONDS_PER_WEEK * 1e9 / interval.toNanos());
    this.baseline = new LossBaseline(baselineWindow);
    this.required = adaptive ? maxConsecutive : minConsecutive;
  }

  /** A reply: the link works. A late reply to a probe of the current run takes that miss back. */
  public void onReply(long nanos, long seq) {
    boolean late = runSeqs.contains(seq) || seq <= lastSeq && run == 0;
    if (run > 0 && !down) {
      int misses = runSeqs.contains(seq) ? run - 1 : run;
      baseline.add(nanos, late ? run : run + 1, misses);
    } else if (!late) {
      baseline.add(nanos, 1, 0);
    }
    lastSeq = Math.max(lastSeq, seq);
    run = 0;
    linkGoneRun = 0;
    runSeqs.clear();
    down = false;
    reason = "";
    required = computeRequired(nanos);
  }

  /**
   * A failed probe.
   *
   * @param linkGone the failure proves the link is gone (not merely a lost packet)
   * @param why the prober's reason, may be null for a plain timeout
   * @return whether the member is down now
   */
  public boolean onMiss(long nanos, long seq, boolean linkGone, String why) {
    lastSeq = Math.max(lastSeq, seq);
    run++;
    linkGoneRun = linkGone ? linkGoneRun + 1 : 0;
    runSeqs.addLast(seq);
    if (runSeqs.size() > RUN_SEQS) {
      runSeqs.removeFirst();
    }
    required = computeRequired(nanos);
    if (!down && (run >= required || linkGoneRun >= minConsecutive)) {
      down = true;
      String what = linkGoneRun >= minConsecutive ? "failed, link gone" : "lost";
      reason =
          run
              + " consecutive probes "
              + what
              + " (k="
              + required
              + ")"
              + (why == null ? "" : ": " + why);
    }
    return down;
  }

  private int computeRequired(long now) {
    if (!adaptive) {
      return minConsecutive;
    }
    double p = baseline.upperBound(now);
    if (p >= 1.0) {
      return maxConsecutive;
    }
    if (p <= 0.0) {
      return minConsecutive;
    }
    // smallest k with p^k * N < 1, i.e. k > ln N / -ln p
    double k = Math.floor(logProbesPerWeek / -Math.log(p)) + 1;
    return (int) Math.max(minConsecutive, Math.min(maxConsecutive, k));
  }

  public boolean isDown() {
    return down;
  }

  /** Why the member is down ("" while up), e.g. "7 consecutive probes lost (k=7)". */
  public String reason() {
    return reason;
  }

  /** Consecutive misses needed now (as computed at the last probe); exported as a gauge. */
  public int requiredConsecutive() {
    return required;
  }

  /** Misses in the current run. */
  public int consecutiveMisses() {
    return run;
  }

  /** The baseline loss p the rule uses now (upper bound), 1.0 without evidence. */
  public double baselineLoss(long now) {
    return baseline.upperBound(now);
  }
}
