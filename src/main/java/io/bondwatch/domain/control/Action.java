package io.bondwatch.domain.control;

import java.util.Locale;

/** What a decision does to one member (the {@code action} label of bondwatch_decisions_total). */
public enum Action {
  /** Take the member out of the bond. */
  DROP,
  /** Put a dropped member back. */
  RESTORE,
  /** Change the weight of a member that stays in (weighted mode). */
  REWEIGHT;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
