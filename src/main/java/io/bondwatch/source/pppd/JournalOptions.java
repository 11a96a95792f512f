package io.bondwatch.source.pppd;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How journald is read.
 *
 * @param executable journalctl, by name on the PATH or by path (tests use a stand-in)
 * @param matches journalctl match terms; {@code +} between terms means "or"
 * @param cursorFile where the cursor of the last delivered entry is kept (in {@code storage.dir})
 * @param fromStart without a saved cursor, read the whole journal instead of only new entries
 * @param minBackoff wait before restarting journalctl after it exits
 * @param maxBackoff the longest wait, reached by doubling
 */
public record JournalOptions(
    String executable,
    List<String> matches,
    Path cursorFile,
    boolean fromStart,
    Duration minBackoff,
    Duration maxBackoff) {

  public static final List<String> PPPD_MATCHES =
      List.of("SYSLOG_IDENTIFIER=pppd", "+", "_COMM=pppd");

  public JournalOptions {
    Objects.requireNonNull(executable, "executable");
    Objects.requireNonNull(cursorFile, "cursorFile");
    matches = List.copyOf(matches);
    if (executable.isBlank()) {
      throw new IllegalArgumentException("executable must not be blank");
    }
    if (minBackoff.isNegative() || minBackoff.isZero() || maxBackoff.compareTo(minBackoff) < 0) {
      throw new IllegalArgumentException(
          "backoff must satisfy 0 < min <= max: " + minBackoff + ", " + maxBackoff);
    }
  }

  public static JournalOptions of(Path stateDir) {
    return new JournalOptions(
        "journalctl",
        PPPD_MATCHES,
        stateDir.resolve("journal-pppd.json"),
        false,
        Duration.ofSeconds(1),
        Duration.ofSeconds(30));
  }

  /**
   * The journalctl command line that follows the journal: after the cursor when there is one, else
   * from the journal's start ({@code all}) or from now.
   */
  List<String> command(String cursor, boolean all) {
    List<String> cmd = new java.util.ArrayList<>();
    cmd.add(executable);
    cmd.addAll(List.of("--follow", "--output=json", "--no-pager"));
    if (cursor != null && !cursor.isEmpty()) {
      cmd.add("--after-cursor=" + cursor);
    } else {
      cmd.add(all ? "--lines=all" : "--lines=0");
    }
    cmd.addAll(matches);
    return List.copyOf(cmd);
  }

  /** The journalctl command line that prints the newest matching entry and exits. */
  List<String> lastEntryCommand() {
    List<String> cmd = new java.util.ArrayList<>();
    cmd.add(executable);
    cmd.addAll(List.of("--lines=1", "--output=json", "--no-pager"));
    cmd.addAll(matches);
    return List.copyOf(cmd);
  }
}
