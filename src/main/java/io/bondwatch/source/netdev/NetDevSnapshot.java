package io.bondwatch.source.netdev;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Everything usable in one read of {@code /proc/net/dev}, in file order, and what was not.
 *
 * @param interfaces interfaces parsed completely, no name twice
 * @param problems lines that were skipped and why; empty for a clean file
 */
public record NetDevSnapshot(List<NetDevCounters> interfaces, List<NetDevProblem> problems) {

  public NetDevSnapshot {
    interfaces = List.copyOf(interfaces);
    problems = List.copyOf(problems);
    Set<String> names = new HashSet<>();
    for (NetDevCounters c : interfaces) {
      if (!names.add(c.name())) {
        throw new IllegalArgumentException("interface twice: " + c.name());
      }
    }
  }

  /** The named interface, if this read saw it. */
  public Optional<NetDevCounters> find(String name) {
    // a linear scan: a router has tens of interfaces, and a map would cost more to build
    for (NetDevCounters c : interfaces) {
      if (c.name().equals(name)) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }
}
