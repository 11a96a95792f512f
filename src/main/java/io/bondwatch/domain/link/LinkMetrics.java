package io.bondwatch.domain.link;

import java.util.Collection;

/** What following devices counts; no-op defaults, bound to Micrometer by the service. */
public interface LinkMetrics {
  LinkMetrics NONE = new LinkMetrics() {};

  /** The devices whose events are counted, so that their counters exist from the start at 0. */
  default void watching(Collection<String> devices) {}

  default void onLinkEvent(String device, LinkEvent event) {}
}
