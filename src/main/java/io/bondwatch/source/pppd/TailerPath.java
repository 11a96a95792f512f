package io.bondwatch.source.pppd;

import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the followed path names, looked at without opening it. That it names something the tailer
 * will not open (a directory, a FIFO, ...) is logged and counted once per change, and stays a
 * problem for readiness until a file (or nothing) is there again. Checked on the tailer's thread,
 * read from any.
 */
final class TailerPath {
  private static final Logger log = LoggerFactory.getLogger(TailerPath.class);
  private final Path path;
  private final TailerMetrics metrics;
  private volatile FileKind unusable;

  TailerPath(Path path, TailerMetrics metrics) {
    this.path = path;
    this.metrics = metrics;
  }

  PathState check() {
    PathState live = PathState.of(path);
    FileKind was = unusable;
    if (live.kind().isUnusable() && live.kind() != was) {
      log.warn(
          "log {}: is a {}, not a regular file; waiting for a regular file there",
          path,
          live.kind().label());
      metrics.notRegular(live.kind());
      unusable = live.kind();
    } else if (!live.kind().isUnusable() && was != null) {
      log.info("log {}: no longer a {}, following the path again", path, was.label());
      unusable = null;
    }
    return live;
  }

  boolean isUnusable() {
    return unusable != null;
  }

  /** Why the path cannot be followed now; empty while it can. */
  Optional<String> problem() {
    FileKind k = unusable;
    return k == null
        ? Optional.empty()
        : Optional.of("log " + path + " is a " + k.label() + ", not a regular file");
  }
}
