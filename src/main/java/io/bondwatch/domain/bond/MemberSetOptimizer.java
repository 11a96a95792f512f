package io.bondwatch.domain.bond;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Picks the member set of a multilink bundle with the best modelled goodput (DESIGN.md section 1):
 * for a set S, goodput = min rate in S x |S| x g(1 - prod(1 - loss_i)), per direction, with g the
 * {@link GoodputCurve}.
 *
 * <p>Every non-empty subset is evaluated: a bond has at most {@link #MAX_MEMBERS} members, so that
 * is at most 65535 sets, and exhaustive search needs no argument for why it is right. Sets compare
 * by download goodput (the direction DSL bonds are bought for), then upload goodput, then the
 * larger set wins: dropping a member disrupts its flows and removes redundancy, so a drop must earn
 * strictly more goodput. Goodputs within one part in 10^9 count as equal, so rounding never
 * decides. A last tie (same figures, same size) goes to the set whose members come first in the
 * given order, so the answer is deterministic.
 *
 * <p>A member whose capacity in a direction is unknown (NaN) is assumed as fast as the fastest
 * known candidate in that direction, or all equal when none is known: it is judged by its loss
 * alone and never left out for lack of a number. A set containing it reports that direction's
 * goodput as NaN, since the figure would be made up.
 */
public final class MemberSetOptimizer {
  public static final int MAX_MEMBERS = 16;
  private static final double EPSILON = 1e-9;

  private final GoodputCurve curve;

  public MemberSetOptimizer(GoodputCurve curve) {
    this.curve = curve;
  }

  /** The modelled figures of exactly this set. */
  public MemberSetChoice evaluate(List<MemberQuality> set) {
    if (set.isEmpty()) {
      throw new IllegalArgumentException("a member set needs at least one member");
    }
    return honest(set, figures(assumeUnknownFastest(set)));
  }

  private MemberSetChoice figures(List<MemberQuality> set) {
    double minDown = Double.MAX_VALUE;
    double minUp = Double.MAX_VALUE;
    double delivered = 1;
    List<String> names = new ArrayList<>(set.size());
    for (MemberQuality m : set) {
      minDown = Math.min(minDown, m.downBytesPerSecond());
      minUp = Math.min(minUp, m.upBytesPerSecond());
      delivered *= 1 - m.loss();
      names.add(m.name());
    }
    double loss = Math.min(1, Math.max(0, 1 - delivered));
    double g = curve.fraction(loss);
    return new MemberSetChoice(names, loss, minDown * set.size() * g, minUp * set.size() * g);
  }

  /** The recommended set among {@code candidates} (the members that could carry traffic). */
  public MemberSetChoice recommend(List<MemberQuality> candidates) {
    int n = candidates.size();
    if (n == 0 || n > MAX_MEMBERS) {
      throw new IllegalArgumentException("need 1.." + MAX_MEMBERS + " candidates, not " + n);
    }
    List<MemberQuality> assumed = assumeUnknownFastest(candidates);
    MemberSetChoice best = null;
    int bestMask = 0;
    for (int mask = (1 << n) - 1; mask > 0; mask--) {
      MemberSetChoice c = figures(subset(assumed, mask));
      int cmp = best == null ? 1 : compare(c, best);
      // bit-reversed masks order equal-sized sets by their first members: {0,1} before {0,2}
      if (cmp > 0
          || (cmp == 0
              && Integer.compareUnsigned(Integer.reverse(mask), Integer.reverse(bestMask)) > 0)) {
        best = c;
        bestMask = mask;
      }
    }
    return honest(subset(candidates, bestMask), best);
  }

  private static List<MemberQuality> subset(List<MemberQuality> all, int mask) {
    List<MemberQuality> set = new ArrayList<>(Integer.bitCount(mask));
    for (int i = 0; i < all.size(); i++) {
      if ((mask & (1 << i)) != 0) {
        set.add(all.get(i));
      }
    }
    return set;
  }

  /** Unknown rates replaced by the fastest known one of the same direction (1 when none is). */
  private static List<MemberQuality> assumeUnknownFastest(List<MemberQuality> ms) {
    double down = fastest(ms, MemberQuality::downBytesPerSecond);
    double up = fastest(ms, MemberQuality::upBytesPerSecond);
    List<MemberQuality> out = new ArrayList<>(ms.size());
    for (MemberQuality m : ms) {
      out.add(
          new MemberQuality(
              m.name(),
              Double.isNaN(m.downBytesPerSecond()) ? down : m.downBytesPerSecond(),
              Double.isNaN(m.upBytesPerSecond()) ? up : m.upBytesPerSecond(),
              m.loss()));
    }
    return out;
  }

  private static double fastest(List<MemberQuality> ms, ToDoubleFunction<MemberQuality> rate) {
    return ms.stream().mapToDouble(rate).filter(r -> !Double.isNaN(r)).max().orElse(1);
  }

  /** The figures of {@code set}, with the goodput of a direction NaN where a rate was assumed. */
  private static MemberSetChoice honest(List<MemberQuality> set, MemberSetChoice c) {
    boolean downKnown = set.stream().noneMatch(m -> Double.isNaN(m.downBytesPerSecond()));
    boolean upKnown = set.stream().noneMatch(m -> Double.isNaN(m.upBytesPerSecond()));
    return new MemberSetChoice(
        c.members(),
        c.bundleLoss(),
        downKnown ? c.goodputDown() : Double.NaN,
        upKnown ? c.goodputUp() : Double.NaN);
  }

  private static int compare(MemberSetChoice a, MemberSetChoice b) {
    int down = compare(a.goodputDown(), b.goodputDown());
    if (down != 0) {
      return down;
    }
    int up = compare(a.goodputUp(), b.goodputUp());
    if (up != 0) {
      return up;
    }
    return Integer.compare(a.members().size(), b.members().size());
  }

  private static int compare(double x, double y) {
    double scale = Math.max(Math.abs(x), Math.abs(y));
    if (Math.abs(x - y) <= EPSILON * scale) {
      return 0;
    }
    return x > y ? 1 : -1;
  }
}
