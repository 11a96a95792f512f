package io.bondwatch.domain.bond;

import java.util.Objects;

/**
 * One member's rates per direction in bytes per second, as the bond model sees it.
 *
 * @param active whether the member carries bond traffic now
 */
public record MemberCapacity(String member, boolean active, double downBytes, double upBytes) {
  public MemberCapacity {
    Objects.requireNonNull(member, "member");
    if (!(downBytes >= 0) || !(upBytes >= 0)) {
      throw new IllegalArgumentException(
          "member " + member + ": rates must be >= 0, got " + downBytes + "/" + upBytes);
    }
  }
}
