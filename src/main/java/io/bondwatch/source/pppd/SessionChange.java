package io.bondwatch.source.pppd;

import java.util.Objects;

/**
 * A real transition of one member's session state.
 *
 * @param member configured member name
 * @param state the new state, UP or DOWN
 * @param reason the event name, plus the line's reason when it has one ({@code terminated_by_peer:
 *     Peer not responding})
 * @param event the line that caused it (for a bundle-wide event, the master's line)
 */
public record SessionChange(String member, SessionState state, String reason, PppdEvent event) {
  public SessionChange {
    Objects.requireNonNull(member, "member");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(event, "event");
    if (state != SessionState.UP && state != SessionState.DOWN) {
      throw new IllegalArgumentException("a session changes to UP or DOWN, not " + state);
    }
  }
}
