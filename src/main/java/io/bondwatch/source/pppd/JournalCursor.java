package io.bondwatch.source.pppd;

import java.util.Objects;

/** The journald cursor of the last entry delivered and processed. */
public record JournalCursor(String cursor) {
  public JournalCursor {
    Objects.requireNonNull(cursor, "cursor");
  }
}
