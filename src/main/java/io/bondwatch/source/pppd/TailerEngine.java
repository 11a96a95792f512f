package io.bondwatch.source.pppd;

import io.bondwatch.source.pppd.TailerMetrics.CheckpointFallback;
import io.bondwatch.source.pppd.TailerMetrics.RotationKind;
import io.bondwatch.time.TimeSource;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The synchronous heart of the file tailer: each {@link #poll()} reads what is new, delivers it,
 * checkpoints, and notices rotation. No threads and no waiting, so tests drive it step by step.
 *
 * <p>Rotation: when the path names another, non-empty file, the old one is read to its end (by its
 * open channel) and its partial last line delivered before switching; waiting for the new file to
 * have data means a single writer has finished with the old one. When the file shrinks or its bytes
 * change in place (copytruncate), the rest is read from the rotated copy that holds what was read.
 */
final class TailerEngine implements Closeable {
  private static final Logger log = LoggerFactory.getLogger(TailerEngine.class);
  private final TailerOptions opts;
  private final TailerCheckpointer checkpointer;
  private final LineConsumer consumer;
  private final TailerMetrics metrics;
  private final TimeSource time;
  private final TailerLineSplitter splitter;
  private final ByteBuffer buffer;
  private TailerFile current;
  private boolean currentIsRotated;
  private boolean waitingLogged;
  private CheckpointStore.Loaded<Checkpoint> saved;
  private final TailerPath livePath;

  TailerEngine(TailerOptions opts, LineConsumer consumer, TailerMetrics metrics, TimeSource time) {
    this.opts = opts;
    this.consumer = consumer;
    this.metrics = metrics;
    this.time = time;
    this.splitter = new TailerLineSplitter(opts.maxLineBytes(), metrics);
    this.buffer = ByteBuffer.allocate(opts.readChunkBytes());
    this.checkpointer = new TailerCheckpointer(opts, consumer);
    this.livePath = new TailerPath(opts.path(), metrics);
  }

  /**
   * Finds where to start (checkpoint, rotated file, or a first start) and opens that file, so that
   * every line written from now on will be delivered. May be called again after it failed.
   */
  void begin() throws IOException {
    if (saved == null) {
      saved = checkpointer.load();
      if (saved.usedOtherGeneration()) {
        metrics.checkpointFallback(CheckpointFallback.OTHER_GENERATION);
      } else if (saved.unusable()) {
        metrics.checkpointFallback(CheckpointFallback.FROM_START);
        log.warn(
            "log {}: no usable checkpoint ({}); reading the file from its start rather than lose"
                + " lines",
            opts.path(),
            String.join("; ", saved.problems()));
      }
    }
    livePath.check();
    Optional<TailerStart.Position> start = TailerStart.resolve(opts, saved, time.wallTime());
    if (start.isEmpty()) {
      logWaiting();
      return;
    }
    use(start.get().file(), start.get().offset(), start.get().rotated());
    checkpointer.save(current, splitter);
  }

  /** One step; true when something happened and another step should follow at once. */
  boolean poll() throws IOException {
    if (current == null) {
      if (!livePath.check().isRegular()) {
        return false;
      }
      Optional<TailerFile> f = TailerFile.open(opts.path(), time.wallTime());
      if (f.isEmpty()) {
        return false;
      }
      log.info("log {}: appeared, reading it from the start", opts.path());
      use(f.get(), 0, false);
      return true;
    }
    if (!currentIsRotated && !current.stillHolds(splitter.readPosition())) {
      recoverFromTruncation();
      return true;
    }
    if (readChunk()) {
      return true;
    }
    PathState live = livePath.check();
    if (live.isRegular() && !live.identity().get().equals(current.identity()) && live.size() > 0) {
      while (readChunk()) {
        // finish the old file: its writer has moved on to the new one
      }
      switchToLive();
      return true;
    }
    return false;
  }

  private boolean readChunk() throws IOException {
    buffer.clear();
    int n = current.read(buffer, splitter.readPosition());
    if (n <= 0) {
      return false;
    }
    List<String> lines = new ArrayList<>();
    splitter.feed(buffer.array(), 0, n, lines);
    if (currentIsRotated) {
      metrics.bytesRecovered(n);
    }
    deliver(lines);
    return true;
  }

  private void deliver(List<String> lines) throws IOException {
    if (!lines.isEmpty()) {
      try {
        consumer.accept(List.copyOf(lines));
      } catch (Exception e) {
        log.error("log {}: consumer failed on {} lines, going on", opts.path(), lines.size(), e);
      }
      metrics.linesRead(lines.size());
    }
    checkpointer.saveIfMoved(current, splitter);
  }

  private void switchToLive() throws IOException {
    List<String> last = new ArrayList<>();
    splitter.flushPartial(last);
    deliver(last);
    if (!currentIsRotated) {
      metrics.rotation(RotationKind.REPLACED);
      log.info("log {}: rotated ({} -> new file)", opts.path(), current.identity());
    }
    FileIdentity finished = current.identity();
    current.close();
    current = null;
    Optional<TailerFile> next =
        TailerRotatedFinder.nextAfter(opts.path(), finished, time.wallTime());
    // The checkpoint stays at the end of the finished file until a line of the next one is
    // delivered: a restart finds the finished file, and every file rotated after it, from there.
    // Offset 0 of the live file would say nothing of its content: if it were copytruncated while
    // bondwatch was stopped, the restart would read it from 0 and lose what went to the copy.
    if (next.isPresent()) {
      log.info("log {}: reading the next rotated file {}", opts.path(), next.get().path());
      use(next.get(), 0, true);
      return;
    }
    Optional<TailerFile> f = TailerFile.open(opts.path(), time.wallTime());
    if (f.isEmpty()) {
      logWaiting();
      return;
    }
    use(f.get(), 0, false);
  }

  private void recoverFromTruncation() throws IOException {
    metrics.rotation(RotationKind.TRUNCATED);
    long committed = splitter.committedPosition();
    Optional<TailerFile> copy =
        TailerRotatedFinder.copyOf(opts.path(), current, splitter.readPosition(), time.wallTime());
    if (copy.isPresent()) {
      long at = Math.min(committed, copy.get().size());
      log.info(
          "log {}: truncated, finishing its copy {} from offset {}",
          opts.path(),
          copy.get().path(),
          at);
      current.close();
      use(copy.get(), at, true);
      return;
    }
    log.warn(
        "log {}: truncated at offset {} and no uncompressed rotated copy holds what followed;"
            + " lines between the last read and the truncation may be missing",
        opts.path(),
        committed);
    current.restartedAt(time.wallTime());
    splitter.reset(0);
    checkpointer.save(current, splitter);
  }

  private void use(TailerFile file, long offset, boolean rotated) {
    current = file;
    currentIsRotated = rotated;
    splitter.reset(offset);
    waitingLogged = false;
  }

  private void logWaiting() {
    if (!waitingLogged && !livePath.isUnusable()) {
      log.info("log {}: not there yet, waiting for it", opts.path());
      waitingLogged = true;
    }
  }

  /** Why the path cannot be followed now, for readiness; empty while it can. */
  Optional<String> problem() {
    return livePath.problem();
  }

  @Override
  public void close() throws IOException {
    if (current != null) {
      current.close();
      current = null;
    }
  }
}
