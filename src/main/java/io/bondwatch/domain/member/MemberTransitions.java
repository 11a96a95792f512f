package io.bondwatch.domain.member;

import static io.bondwatch.domain.member.MemberState.DEGRADED;
import static io.bondwatch.domain.member.MemberState.DOWN;
import static io.bondwatch.domain.member.MemberState.DRAINED;
import static io.bondwatch.domain.member.MemberState.SUPPRESSED;
import static io.bondwatch.domain.member.MemberState.UP;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The legal state changes of a member, as data. Anything not listed is a bug in the caller and
 * throws, so a wrong transition is caught in tests instead of silently exported.
 */
public final class MemberTransitions {
  private static final Map<MemberState, Set<MemberState>> LEGAL = new EnumMap<>(MemberState.class);

  static {
    // up and degraded move between each other as health crosses the thresholds
    LEGAL.put(UP, EnumSet.of(DEGRADED, DOWN, DRAINED));
    LEGAL.put(DEGRADED, EnumSet.of(UP, DOWN, DRAINED));
    // a dead member comes back only through the restore rule, or is held by damping
    LEGAL.put(DOWN, EnumSet.of(UP, DEGRADED, SUPPRESSED, DRAINED));
    // suppressed: healthy but penalised; it can die again or be released when the penalty decays
    LEGAL.put(SUPPRESSED, EnumSet.of(UP, DEGRADED, DOWN, DRAINED));
    // an operator undrains to down: the member must then earn its way back like any other
    LEGAL.put(DRAINED, EnumSet.of(DOWN));
  }

  private MemberTransitions() {}

  public static boolean isLegal(MemberState from, MemberState to) {
    return LEGAL.get(from).contains(to);
  }

  /** Throws if {@code from -> to} is not a legal transition. */
  public static void check(MemberState from, MemberState to) {
    if (!isLegal(from, to)) {
      throw new IllegalStateException("illegal member transition " + from + " -> " + to);
    }
  }

  public static Set<MemberState> targets(MemberState from) {
    return EnumSet.copyOf(LEGAL.get(from));
  }
}
