package io.bondwatch.domain.member;

import java.util.Locale;

/**
 * What bondwatch believes about one member link. Exported as {@code
 * bondwatch_member_state{state="..."}}, one series per state.
 */
public enum MemberState {
  /** Answering probes within the degraded thresholds. */
  UP,
  /** Answering, but with loss or RTT above the degraded thresholds over the window. */
  DEGRADED,
  /** Dead: consecutive probes lost, or pppd reported the session down. */
  DOWN,
  /** Healthy again but held out by flap damping until its penalty decays below reuse. */
  SUPPRESSED,
  /** Taken out of the bond by an operator; probes continue but never restore it. */
  DRAINED;

  /** The lower-case label value used in metrics, JSON and logs. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Whether a member in this state may carry bond traffic. */
  public boolean usable() {
    return this == UP || this == DEGRADED;
  }
}
