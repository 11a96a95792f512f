package io.bondwatch.domain.control;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which members carry bond traffic and with what weight: what the controller wants, and what an
 * actuator reads back. Weights are Linux nexthop weights, 1..256; a member not in the bond has
 * weight 0 (or is absent). In multilink mode every member in the bond has weight 1.
 */
public record Assignment(Map<String, Integer> weights) {
  public static final int MAX_WEIGHT = 256;
  public static final Assignment NONE = new Assignment(Map.of());

  public Assignment {
    Objects.requireNonNull(weights, "weights");
    Map<String, Integer> copy = new LinkedHashMap<>();
    weights.forEach(
        (m, w) -> {
          if (w == null || w < 0 || w > MAX_WEIGHT) {
            throw new IllegalArgumentException("member " + m + ": weight must be 0..256, not " + w);
          }
          if (w > 0) {
            copy.put(m, w);
          }
        });
    weights = java.util.Collections.unmodifiableMap(copy);
  }

  /** The member's weight; 0 when it is not in the bond. */
  public int weight(String member) {
    return weights.getOrDefault(member, 0);
  }

  public boolean active(String member) {
    return weights.containsKey(member);
  }

  /** The members in the bond, in the order given. */
  public Set<String> active() {
    return weights.keySet();
  }

  /** This assignment with one member's weight changed (0 takes it out). */
  public Assignment with(String member, int weight) {
    Map<String, Integer> m = new LinkedHashMap<>(weights);
    m.put(member, weight);
    return new Assignment(m);
  }

  @Override
  public String toString() {
    return weights.entrySet().stream()
        .map(e -> e.getKey() + "=" + e.getValue())
        .collect(Collectors.joining(", ", "{", "}"));
  }
}
