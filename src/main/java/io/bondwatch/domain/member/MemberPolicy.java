package io.bondwatch.domain.member;

import io.bondwatch.time.Durations;
import java.time.Duration;
import java.util.Objects;

/**
 * The thresholds a member's state follows.
 *
 * @param degradedLoss probe loss over the window above which the member is degraded (0..1)
 * @param degradedRtt smoothed RTT above which the member is degraded
 * @param restoreConsecutiveOk answered probes in a row a down member needs before it is restored
 */
public record MemberPolicy(double degradedLoss, Duration degradedRtt, int restoreConsecutiveOk) {

  /**
   * A degraded member recovers only below this share of the thresholds, so a line that sits on a
   * threshold does not flip between up and degraded every probe.
   */
  public static final double RECOVERY_SHARE = 0.8;

  public MemberPolicy {
    if (!(degradedLoss > 0 && degradedLoss <= 1)) {
      throw new IllegalArgumentException("degradedLoss must be in (0, 1], got " + degradedLoss);
    }
    Objects.requireNonNull(degradedRtt, "degradedRtt");
    if (degradedRtt.isNegative() || degradedRtt.isZero()) {
      throw new IllegalArgumentException(
          "degradedRtt must be > 0, got " + Durations.human(degradedRtt));
    }
    if (restoreConsecutiveOk < 1) {
      throw new IllegalArgumentException(
          "restoreConsecutiveOk must be >= 1, got " + restoreConsecutiveOk);
    }
  }
}
