package io.bondwatch.domain.link;

import java.util.List;

/**
 * Told what one device looks like whenever that changes (and once at its first observation, with no
 * events). Called on the link source's thread: must not block.
 */
@FunctionalInterface
public interface LinkListener {
  void onLink(LinkObservation now, List<LinkEvent> events);
}
