package io.bondwatch.domain.multilink;

import java.util.Locale;

/** Figures as multilink reasons show them. */
final class Words {
  private Words() {}

  /** {@code 2.4 s}, {@code 0.60 s}: one more decimal below ten seconds. */
  static String seconds(long nanos) {
    double s = nanos / 1e9;
    return String.format(Locale.ROOT, s < 10 ? "%.2f s" : "%.1f s", s);
  }
}
