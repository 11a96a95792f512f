package io.bondwatch.source.pppd;

/** A member's PPP session as pppd's log tells it. */
public enum SessionState {
  /** Nothing seen yet (start-up, or no pppd lines for this member). */
  UNKNOWN,
  UP,
  DOWN
}
