package io.bondwatch.domain.member;

import io.bondwatch.domain.link.LinkObservation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The link state of a member's devices (its probe device and its underlay, often the same one), as
 * last observed. Not thread-safe: the member's lock serialises calls.
 */
final class MemberLinks {
  private final Map<String, LinkObservation> devices = new LinkedHashMap<>();

  /** Records an observation; returns whether the member's link problem went away with it. */
  boolean update(LinkObservation now) {
    String before = problem();
    devices.put(now.device(), now);
    return before != null && problem() == null;
  }

  /** Why the member's link cannot carry traffic ("link down: carrier lost on eth1"), or null. */
  String problem() {
    for (LinkObservation o : devices.values()) {
      String p = o.problem();
      if (p != null) {
        return MemberReasons.LINK_DOWN + p;
      }
    }
    return null;
  }

  List<LinkObservation> all() {
    return List.copyOf(devices.values());
  }
}
