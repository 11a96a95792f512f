package io.bondwatch.config;

/** How the bond splits traffic (README.md); written {@code multilink} or {@code weighted}. */
public enum BondMode {
  /** Multilink PPP: equal fragments per member; effective rate = slowest active x count. */
  MULTILINK,
  /** Per-flow split by weights; effective rate = sum of active members. */
  WEIGHTED
}
