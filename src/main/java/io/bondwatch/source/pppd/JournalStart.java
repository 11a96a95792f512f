package io.bondwatch.source.pppd;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bondwatch.source.pppd.TailerMetrics.CheckpointFallback;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where reading journald starts, decided before the source returns from {@code start}: the saved
 * cursor; on a first start the cursor of the newest pppd entry now (so that an entry written a
 * moment later is not skipped while journalctl starts up); the whole journal when told so, or when
 * the saved cursor is unusable (repeating beats losing).
 *
 * @param cursor resume after this entry, or null
 * @param all without a cursor, read the journal from its start (else from the moment it runs)
 */
record JournalStart(String cursor, boolean all) {
  private static final Logger log = LoggerFactory.getLogger(JournalStart.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long QUERY_SECONDS = 10;

  static JournalStart resolve(
      JournalOptions opts, CheckpointStore<JournalCursor> cursors, TailerMetrics metrics) {
    CheckpointStore.Loaded<JournalCursor> loaded = cursors.load();
    if (loaded.record().isPresent()) {
      if (loaded.usedOtherGeneration()) {
        metrics.checkpointFallback(CheckpointFallback.OTHER_GENERATION);
      }
      return new JournalStart(loaded.record().get().cursor(), false);
    }
    if (loaded.unusable()) {
      metrics.checkpointFallback(CheckpointFallback.FROM_START);
      log.warn(
          "journal: no usable cursor ({}); reading pppd's entries from the journal's start rather"
              + " than lose any",
          String.join("; ", loaded.problems()));
      return new JournalStart(null, true);
    }
    if (opts.fromStart()) {
      return new JournalStart(null, true);
    }
    try {
      // no pppd entry yet: everything that comes is new, so reading "all" skips nothing
      return lastEntryCursor(opts)
          .map(c -> new JournalStart(c, false))
          .orElse(new JournalStart(null, true));
    } catch (IOException e) {
      log.warn(
          "journal: cannot ask journalctl for the newest entry ({}); following from when it runs",
          e.getMessage());
      return new JournalStart(null, false);
    }
  }

  /** The cursor of the newest matching entry, or empty when there is none. */
  private static Optional<String> lastEntryCursor(JournalOptions opts) throws IOException {
    Process p = new ProcessBuilder(opts.lastEntryCommand()).redirectErrorStream(true).start();
    try {
      p.getOutputStream().close();
      if (!p.waitFor(QUERY_SECONDS, TimeUnit.SECONDS)) {
        throw new IOException("no answer within " + QUERY_SECONDS + " s");
      }
      List<String> lines =
          new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
      if (p.exitValue() != 0) {
        throw new IOException(
            "exit status " + p.exitValue() + (lines.isEmpty() ? "" : ": " + lines.get(0)));
      }
      for (int i = lines.size() - 1; i >= 0; i--) {
        if (lines.get(i).startsWith("{")) {
          JsonNode c = JSON.readTree(lines.get(i)).get("__CURSOR");
          if (c != null && c.isTextual()) {
            return Optional.of(new JournalCursor(c.asText()).cursor());
          }
        }
      }
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted");
    } catch (IllegalArgumentException e) {
      throw new IOException("bad cursor: " + e.getMessage());
    } finally {
      p.destroy();
    }
  }

  List<String> command(JournalOptions opts) {
    return opts.command(cursor, all);
  }
}
