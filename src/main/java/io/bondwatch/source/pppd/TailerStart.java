package io.bondwatch.source.pppd;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides where a tailer starts: at its checkpoint (in the live file, or in the rotated file the
 * checkpoint's content went to while the service was down), or on a first start at the end of the
 * existing file (its last complete line) unless told to read it from the start.
 */
final class TailerStart {
  private static final Logger log = LoggerFactory.getLogger(TailerStart.class);

  /** The file to read and the offset to read it from. */
  record Position(TailerFile file, long offset, boolean rotated) {}

  private TailerStart() {}

  static Optional<Position> resolve(
      TailerOptions opts, CheckpointStore.Loaded<Checkpoint> loaded, Instant now)
      throws IOException {
    Path path = opts.path();
    Optional<Checkpoint> saved = loaded.record();
    Optional<Checkpoint> cp = saved.filter(c -> path.toString().equals(c.path()));
    if (saved.isPresent() && cp.isEmpty()) {
      log.info("log {}: checkpoint is for {}, starting afresh", path, saved.get().path());
    }
    Optional<TailerFile> live = TailerFile.open(path, now);
    if (cp.isEmpty()) {
      if (live.isEmpty()) {
        return Optional.empty();
      }
      // where the last run stopped is unknown: repeating lines is better than losing them
      long offset = opts.fromStart() || loaded.unusable() ? 0 : lastLineEnd(live.get());
      return Optional.of(new Position(live.get(), offset, false));
    }
    Checkpoint c = cp.get();
    if (live.isPresent()
        && live.get().identity().equals(c.identity())
        && CheckpointFingerprint.matches(live.get().channel(), c)) {
      return Optional.of(new Position(live.get(), c.position(), false));
    }
    Optional<TailerFile> rotated = TailerRotatedFinder.forCheckpoint(path, c, now);
    if (rotated.isPresent()) {
      log.info(
          "log {}: rotated while stopped, finishing {} from offset {}",
          path,
          rotated.get().path(),
          c.position());
      if (live.isPresent()) {
        live.get().close();
      }
      return Optional.of(new Position(rotated.get(), c.position(), true));
    }
    log.warn(
        "log {}: the checkpointed content ({} at offset {}) is gone and no rotated copy holds it;"
            + " reading the current file from its start",
        path,
        c.identity(),
        c.position());
    return live.map(f -> new Position(f, 0, false));
  }

  /** The offset after the last newline, so that a partial last line is read whole later. */
  private static long lastLineEnd(TailerFile f) throws IOException {
    long size = f.size();
    int span = (int) Math.min(size, 64 * 1024);
    ByteBuffer buf = ByteBuffer.allocate(span);
    while (buf.hasRemaining() && f.channel().read(buf, size - span + buf.position()) > 0) {
      // fill the buffer
    }
    for (int i = buf.position() - 1; i >= 0; i--) {
      if (buf.get(i) == '\n') {
        return size - span + i + 1;
      }
    }
    return span == size ? 0 : size;
  }
}
