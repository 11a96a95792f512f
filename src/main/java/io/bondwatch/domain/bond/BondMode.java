package io.bondwatch.domain.bond;

/** How the bond spreads traffic over its members (DESIGN.md section 1). */
public enum BondMode {
  /**
   * Multilink PPP: every packet is fragmented over every member, so the bond runs at the slowest
   * active member's rate times the number of active members.
   */
  MULTILINK,
  /** Per-flow split by weights (multipath routes): the bond carries the sum of its members. */
  WEIGHTED
}
