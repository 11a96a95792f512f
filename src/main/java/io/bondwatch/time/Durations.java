package io.bondwatch.time;

import java.time.Duration;
import java.util.Locale;

/**
 * Durations for people reading logs and reasons: {@code 10 s}, {@code 500 ms}, {@code 1.5 s},
 * {@code 2 m 30 s}, never {@code PT10S}.
 */
public final class Durations {
  private static final long MS = 1_000_000L;
  private static final long S = 1_000 * MS;
  private static final long M = 60 * S;
  private static final long H = 60 * M;

  private Durations() {}

  /**
   * The duration in the largest units that keep it readable, e.g. {@code 1.25 s}, {@code 1 h 5 m}.
   */
  public static String human(Duration d) {
    if (d == null) {
      return "-";
    }
    if (d.isNegative()) {
      return "-" + human(d.negated());
    }
    long n = d.toNanos();
    if (n < S) {
      return decimal(n, MS) + " ms";
    }
    if (n < M) {
      return decimal(n, S) + " s";
    }
    // minutes and hours: whole seconds are precise enough
    long secs = Math.round((double) n / S);
    long h = secs / 3600;
    long m = secs % 3600 / 60;
    long s = secs % 60;
    StringBuilder sb = new StringBuilder();
    if (h > 0) {
      sb.append(h).append(" h");
    }
    if (m > 0) {
      sb.append(sb.isEmpty() ? "" : " ").append(m).append(" m");
    }
    if (s > 0) {
      sb.append(sb.isEmpty() ? "" : " ").append(s).append(" s");
    }
    return sb.toString();
  }

  /** {@code nanos / unit} with at most three decimals, trailing zeros dropped. */
  private static String decimal(long nanos, long unit) {
    String t = String.format(Locale.ROOT, "%.3f", (double) nanos / unit);
    t = t.replaceAll("0+$", "");
    return t.endsWith(".") ? t.substring(0, t.length() - 1) : t;
  }
}
