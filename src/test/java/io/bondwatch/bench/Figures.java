package io.bondwatch.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/** Order statistics for bench output (nearest-rank percentiles, no interpolation). */
final class Figures {
  private Figures() {}

  static double percentile(List<Double> values, double pct) {
    if (values.isEmpty()) {
      return Double.NaN;
    }
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int rank = (int) Math.ceil(pct / 100.0 * sorted.size());
    return sorted.get(Math.max(0, rank - 1));
  }

  static double median(List<Double> values) {
    if (values.isEmpty()) {
      return Double.NaN;
    }
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  static String summary(List<Double> secs) {
    return String.format(
        Locale.ROOT,
        "median %.3f s, p95 %.3f s, min %.3f s, max %.3f s",
        median(secs),
        percentile(secs, 95),
        percentile(secs, 0.0001),
        percentile(secs, 100));
  }
}
