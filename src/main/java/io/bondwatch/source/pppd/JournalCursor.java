package io.bondwatch.source.pppd;

import java.util.Objects;

/**
 * The journald cursor of the last entry delivered and processed: printable ASCII ({@code
 * s=...;i=...;b=...}), so that a damaged one is refused here rather than by journalctl.
 */
public record JournalCursor(String cursor) {
  private static final int MAX_LENGTH = 1024;

  public JournalCursor {
    Objects.requireNonNull(cursor, "cursor");
    if (cursor.isBlank() || cursor.length() > MAX_LENGTH) {
      throw new IllegalArgumentException(
          "cursor must have 1 to " + MAX_LENGTH + " characters: " + cursor.length());
    }
    if (!cursor.chars().allMatch(c -> c > ' ' && c < 127)) {
      throw new IllegalArgumentException("cursor has characters a journald cursor never has");
    }
  }
}
