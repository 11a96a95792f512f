package io.bondwatch.source.pppd;

import java.util.List;
import java.util.Objects;

/**
 * An event after attribution.
 *
 * @param event the event, its {@code member} set when the logging pppd is known
 * @param members every member the event affects: the event's own member first, then, for a
 *     bundle-wide event from a multilink master ({@code Last channel has disconnected}, bundle
 *     {@code Connection terminated.}, {@code Terminating on signal}, {@code Exit.}), the other
 *     members attached to that bundle. Empty when unattributed.
 */
public record AttributedEvent(PppdEvent event, List<String> members) {
  public AttributedEvent {
    Objects.requireNonNull(event, "event");
    members = List.copyOf(members);
  }
}
