package io.bondwatch.domain.member;

import io.bondwatch.source.probe.ProbeResult;
import java.time.Duration;

/**
 * The probe health of a member that is not probed: a multilink member without an IP of its own,
 * judged by its underlay instead ({@link Member#onUnderlay}). No probe, no figure, no down rule.
 */
public final class NoProbes implements ProbeHealth {
  @Override
  public void record(ProbeResult result) {
    throw new IllegalStateException("member " + result.member() + " is not probed");
  }

  @Override
  public boolean downRuleHolds() {
    return false;
  }

  @Override
  public String downReason() {
    return "";
  }

  @Override
  public int requiredMisses() {
    return 0;
  }

  @Override
  public int consecutiveLost() {
    return 0;
  }

  @Override
  public double lossRatio() {
    return 0;
  }

  @Override
  public double degradedLoss() {
    return 0;
  }

  @Override
  public double lossSinceRestore() {
    return 0;
  }

  @Override
  public void restored() {
    // nothing was recorded
  }

  @Override
  public double baselineLoss() {
    return 0;
  }

  @Override
  public Duration smoothedRtt() {
    return null;
  }

  @Override
  public Duration jitter() {
    return null;
  }

  @Override
  public long sent() {
    return 0;
  }

  @Override
  public long lost() {
    return 0;
  }
}
