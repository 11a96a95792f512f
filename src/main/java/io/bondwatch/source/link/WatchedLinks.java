package io.bondwatch.source.link;

import io.bondwatch.domain.link.LinkObservation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns parsed {@code ip} lines into observations of the devices the service follows. Remembers
 * each device's interface index, since a device renamed away is reported under its new name only:
 * that line is what says the followed name is gone. Not thread-safe: one monitor thread uses it.
 */
final class WatchedLinks {
  private final Set<String> devices;
  private final Map<String, Integer> ifindex = new HashMap<>();

  WatchedLinks(Set<String> devices) {
    this.devices = Set.copyOf(devices);
  }

  /** A whole listing ({@code ip -o link show}): every followed device, those missing as absent. */
  List<LinkObservation> listing(List<IpLinkLine> lines, long nanos, Instant wall) {
    List<LinkObservation> out = new ArrayList<>();
    for (String d : devices) {
      IpLinkLine found = null;
      for (IpLinkLine l : lines) {
        if (!l.deleted() && l.names(d)) {
          found = l;
        }
      }
      out.add(found == null ? gone(d, nanos, wall) : seen(d, found, nanos, wall));
    }
    return out;
  }

  /** One monitor line: what it says of followed devices (none, one, or one renamed away). */
  List<LinkObservation> change(IpLinkLine line, long nanos, Instant wall) {
    List<LinkObservation> out = new ArrayList<>(1);
    for (String d : devices) {
      if (line.names(d)) {
        out.add(line.deleted() ? gone(d, nanos, wall) : seen(d, line, nanos, wall));
      } else if (Integer.valueOf(line.ifindex()).equals(ifindex.get(d))) {
        out.add(gone(d, nanos, wall));
      }
    }
    return out;
  }

  private LinkObservation seen(String d, IpLinkLine l, long nanos, Instant wall) {
    ifindex.put(d, l.ifindex());
    return new LinkObservation(
        d, l.ifindex(), l.adminUp(), l.carrier(), l.operstate(), nanos, wall);
  }

  private LinkObservation gone(String d, long nanos, Instant wall) {
    ifindex.remove(d);
    return LinkObservation.absent(d, nanos, wall);
  }
}
