package io.bondwatch.domain.control;

import java.util.Locale;

/**
 * Why a decision was taken (the {@code reason} label of bondwatch_decisions_total): a closed set,
 * so that the metric's series stay few. The words for people are in {@link Decision#evidence()}.
 */
public enum Reason {
  PROBE_LOSS,
  CARRIER_LOST,
  SESSION_DOWN,
  LOSSY,
  SLOW_MEMBER,
  FLAPPING,
  RECOVERED,
  MANUAL,
  STANDBY_NEEDED,
  STANDBY_RELEASED,
  CAPACITY;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
