package io.bondwatch.source.pppd;

/** What a pppd event says about the member's PPP session. */
public enum SessionEffect {
  /** The session (or the bundle through this member) is up. */
  UP,
  /** The session is gone or never came up. */
  DOWN,
  /** Informational; the session state is unchanged. */
  NONE
}
