package io.bondwatch.source.pppd;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How a file is followed.
 *
 * @param path the log file, followed by name like {@code tail -F}
 * @param checkpointFile where position and file identity are kept (in {@code storage.dir})
 * @param fromStart on a first start without checkpoint, read the existing file from its start
 *     instead of from its end
 * @param maxLineBytes a longer line is cut to this many bytes and the rest of it skipped
 * @param readChunkBytes the most bytes read, and so delivered as one batch, at a time
 * @param pollInterval safety-net re-check when no file change is notified
 */
public record TailerOptions(
    Path path,
    Path checkpointFile,
    boolean fromStart,
    int maxLineBytes,
    int readChunkBytes,
    Duration pollInterval) {

  public static final int DEFAULT_MAX_LINE_BYTES = 64 * 1024;
  public static final int DEFAULT_READ_CHUNK_BYTES = 1024 * 1024;
  public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofMillis(250);

  public TailerOptions {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(checkpointFile, "checkpointFile");
    Objects.requireNonNull(pollInterval, "pollInterval");
    if (path.getFileName() == null) {
      throw new IllegalArgumentException("path must name a file: " + path);
    }
    if (maxLineBytes < 1) {
      throw new IllegalArgumentException("maxLineBytes must be positive: " + maxLineBytes);
    }
    if (readChunkBytes < 4096) {
      throw new IllegalArgumentException("readChunkBytes must be at least 4096: " + readChunkBytes);
    }
    if (pollInterval.isNegative() || pollInterval.isZero()) {
      throw new IllegalArgumentException("pollInterval must be positive: " + pollInterval);
    }
    path = path.toAbsolutePath().normalize();
  }

  /** Defaults for a log file, with its checkpoint named after it in the state directory. */
  public static TailerOptions of(Path path, Path stateDir) {
    String name = path.toAbsolutePath().normalize().toString().replaceAll("[^A-Za-z0-9._-]", "_");
    return new TailerOptions(
        path,
        stateDir.resolve("tail" + name + ".json"),
        false,
        DEFAULT_MAX_LINE_BYTES,
        DEFAULT_READ_CHUNK_BYTES,
        DEFAULT_POLL_INTERVAL);
  }

  public TailerOptions withFromStart(boolean value) {
    return new TailerOptions(
        path, checkpointFile, value, maxLineBytes, readChunkBytes, pollInterval);
  }

  public TailerOptions withMaxLineBytes(int value) {
    return new TailerOptions(path, checkpointFile, fromStart, value, readChunkBytes, pollInterval);
  }
}
