package io.bondwatch.config;

import java.util.Collection;
import java.util.Locale;

/**
 * "did you mean" hints by edit distance. Hand-written because none of the declared dependencies
 * exposes a Levenshtein distance and the need is twenty lines.
 */
final class DidYouMean {
  private DidYouMean() {}

  /** {@code "; did you mean 'X'?"} for the closest candidate within reach, else empty. */
  static String suggest(String given, Collection<String> candidates) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : candidates) {
      int d = distance(given.toLowerCase(Locale.ROOT), candidate.toLowerCase(Locale.ROOT));
      if (d < bestDistance) {
        best = candidate;
        bestDistance = d;
      }
    }
    // A third of the length, at least 1 and at most 3 edits: close enough to be a typo.
    int reach = Math.max(1, Math.min(3, given.length() / 3));
    return best != null && bestDistance <= reach ? "; did you mean '" + best + "'?" : "";
  }

  /** Optimal string alignment distance: Levenshtein plus swaps of neighbours ("dya", "day"). */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(d[i - 1][j - 1] + cost, Math.min(d[i - 1][j], d[i][j - 1]) + 1);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
