package io.bondwatch.domain.bond;

import java.util.List;
import java.util.function.ToDoubleFunction;

/** The rate rule of each bond mode (DESIGN.md section 1), pure. */
public final class BondModel {
  private final BondMode mode;

  public BondModel(BondMode mode) {
    this.mode = java.util.Objects.requireNonNull(mode, "mode");
  }

  public BondMode mode() {
    return mode;
  }

  public BondRates rates(List<MemberCapacity> members) {
    List<MemberCapacity> active = members.stream().filter(MemberCapacity::active).toList();
    return new BondRates(
        rate(active, MemberCapacity::downBytes),
        rate(active, MemberCapacity::upBytes),
        rate(members, MemberCapacity::downBytes),
        rate(members, MemberCapacity::upBytes),
        members.size(),
        active.size());
  }

  /**
   * The rate of a set of members in one direction under this bond's mode: NaN when a member's rate
   * is unknown, since no figure for the set would be true (a 0 would make a rate alert fire on a
   * healthy bond).
   */
  public double rate(List<MemberCapacity> set, ToDoubleFunction<MemberCapacity> direction) {
    if (set.isEmpty()) {
      return 0;
    }
    if (set.stream().anyMatch(m -> Double.isNaN(direction.applyAsDouble(m)))) {
      return Double.NaN;
    }
    return switch (mode) {
      case MULTILINK -> set.stream().mapToDouble(direction).min().orElse(0) * set.size();
      case WEIGHTED -> set.stream().mapToDouble(direction).sum();
    };
  }
}
