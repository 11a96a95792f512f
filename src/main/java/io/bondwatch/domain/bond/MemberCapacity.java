package io.bondwatch.domain.bond;

import java.util.Objects;

/**
 * One member's rates per direction in bytes per second, as the bond model sees it.
 *
 * @param active whether the member carries bond traffic now
 * @param downBytes NaN while unknown (neither configured nor estimated yet), never 0 for that
 */
public record MemberCapacity(String member, boolean active, double downBytes, double upBytes) {
  public MemberCapacity {
    Objects.requireNonNull(member, "member");
    if (!valid(downBytes) || !valid(upBytes)) {
      throw new IllegalArgumentException(
          "member " + member + ": rates must be >= 0 or NaN, got " + downBytes + "/" + upBytes);
    }
  }

  private static boolean valid(double rate) {
    return Double.isNaN(rate) || (rate >= 0 && !Double.isInfinite(rate));
  }
}
