package io.bondwatch.source.pppd;

import java.io.IOException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the tailer's checkpoint after each delivered batch, with the consumer's commit token. A
 * failing write is logged once, then at debug, and retried with the next batch.
 */
final class TailerCheckpointer {
  private static final Logger log = LoggerFactory.getLogger(TailerCheckpointer.class);
  private final TailerOptions opts;
  private final LineConsumer consumer;
  private final CheckpointStore<Checkpoint> store;
  private Checkpoint last;
  private boolean failing;

  TailerCheckpointer(TailerOptions opts, LineConsumer consumer) {
    this.opts = opts;
    this.consumer = consumer;
    this.store = CheckpointStore.forTailer(opts.checkpointFile());
  }

  CheckpointStore.Loaded<Checkpoint> load() {
    CheckpointStore.Loaded<Checkpoint> loaded = store.load();
    loaded.record().ifPresent(c -> last = c);
    return loaded;
  }

  /**
   * Saves unless the position and file are those already saved, or nothing of a file after the
   * saved one has been delivered yet (TailerEngine keeps the checkpoint of the finished file then).
   */
  void saveIfMoved(TailerFile file, TailerLineSplitter splitter) throws IOException {
    if (last == null) {
      save(file, splitter);
      return;
    }
    boolean sameFile = last.identity().equals(file.identity());
    long position = splitter.committedPosition();
    if (sameFile ? last.position() != position : position > 0) {
      save(file, splitter);
    }
  }

  void save(TailerFile file, TailerLineSplitter splitter) throws IOException {
    long position = splitter.committedPosition();
    int count = (int) Math.min(CheckpointFingerprint.LENGTH, position);
    Optional<byte[]> before = file.recent(position, count);
    if (before.isEmpty()) {
      before = CheckpointFingerprint.read(file.channel(), position, count);
    }
    byte[] bytes = before.orElse(new byte[0]);
    Checkpoint cp =
        new Checkpoint(
            opts.path().toString(),
            file.identity().device(),
            file.identity().inode(),
            position,
            bytes.length,
            CheckpointFingerprint.digest(bytes, 0, bytes.length),
            consumer.commitToken());
    try {
      store.save(cp);
      last = cp;
      if (failing) {
        log.info("checkpoint {}: written again", store.file());
        failing = false;
      }
    } catch (IOException e) {
      if (!failing) {
        log.warn("checkpoint {}: cannot write ({}), will retry", store.file(), e.getMessage());
        failing = true;
      } else {
        log.debug("checkpoint {}: still cannot write ({})", store.file(), e.getMessage());
      }
    }
  }
}
