package io.bondwatch.domain.link;

import java.util.List;
import java.util.Locale;

/**
 * A change of one device between two observations. One action gives one event: a device set down
 * also loses its carrier and goes operationally down, but the event is {@link #ADMIN_DOWN}; only a
 * device that stays up and loses its carrier gives {@link #CARRIER_LOST}.
 */
public enum LinkEvent {
  /** The device appears, or appears under a new interface index. */
  CREATED,
  /** The device is gone (deleted, renamed away, moved to another namespace). */
  DELETED,
  ADMIN_DOWN,
  ADMIN_UP,
  CARRIER_LOST,
  CARRIER_BACK,
  /** The operational state changed while admin state and carrier did not. */
  OPERSTATE;

  /** The label value of {@code bondwatch_link_events_total{event}}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * What changed from {@code before} to {@code now} (the same device). Nothing for a first
   * observation ({@code before} null): a device seen for the first time is news to nobody. A new
   * interface index is the old device gone and a new one created.
   */
  public static List<LinkEvent> between(LinkObservation before, LinkObservation now) {
    if (before == null || before.sameState(now)) {
      return List.of();
    }
    if (before.ifindex() != now.ifindex()) {
      if (!before.exists()) {
        return List.of(CREATED);
      }
      return now.exists() ? List.of(DELETED, CREATED) : List.of(DELETED);
    }
    if (before.adminUp() != now.adminUp()) {
      return List.of(now.adminUp() ? ADMIN_UP : ADMIN_DOWN);
    }
    if (before.carrier() != now.carrier()) {
      return List.of(now.carrier() ? CARRIER_BACK : CARRIER_LOST);
    }
    return List.of(OPERSTATE);
  }
}
