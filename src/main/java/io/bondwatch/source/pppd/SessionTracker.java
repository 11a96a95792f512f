package io.bondwatch.source.pppd;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Per-member session state from attributed events; pure and synchronous. Reports a change only on a
 * real transition, so duplicate lines (stats twice, CHAP success twice, a stdout copy) and the
 * several down lines of one disconnect change nothing. Not thread-safe.
 */
public final class SessionTracker {

  /** The legal transitions: which effect moves which state where. Same-state moves are none. */
  private static final Map<SessionState, Map<SessionEffect, SessionState>> TRANSITIONS =
      new EnumMap<>(SessionState.class);

  static {
    for (SessionState from : SessionState.values()) {
      Map<SessionEffect, SessionState> row = new EnumMap<>(SessionEffect.class);
      if (from != SessionState.UP) {
        row.put(SessionEffect.UP, SessionState.UP);
      }
      if (from != SessionState.DOWN) {
        row.put(SessionEffect.DOWN, SessionState.DOWN);
      }
      TRANSITIONS.put(from, row);
    }
  }

  private final Map<String, SessionState> states = new LinkedHashMap<>();

  /** Tracks these members, all {@link SessionState#UNKNOWN} at first. */
  public SessionTracker(Collection<String> members) {
    for (String m : members) {
      states.put(m, SessionState.UNKNOWN);
    }
  }

  /** The changes this event causes, in member order of the event; usually none or one. */
  public List<SessionChange> accept(AttributedEvent attributed) {
    PppdEvent e = attributed.event();
    SessionEffect effect = e.sessionEffect();
    if (effect == SessionEffect.NONE) {
      return List.of();
    }
    List<SessionChange> changes = new ArrayList<>(1);
    for (String member : attributed.members()) {
      SessionState from = states.get(member);
      if (from == null) {
        continue; // not a configured member
      }
      SessionState to = TRANSITIONS.get(from).get(effect);
      if (to != null) {
        states.put(member, to);
        changes.add(new SessionChange(member, to, reason(e), e));
      }
    }
    return changes;
  }

  public SessionState state(String member) {
    return states.getOrDefault(member, SessionState.UNKNOWN);
  }

  private static String reason(PppdEvent e) {
    String name = e.event().jsonName();
    return e.reason() == null ? name : name + ": " + e.reason();
  }
}
