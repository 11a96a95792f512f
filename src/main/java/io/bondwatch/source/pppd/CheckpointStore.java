package io.bondwatch.source.pppd;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one record as JSON in one file of the state directory, replaced atomically (temp file,
 * fsync, rename, fsync of the directory) so that a kill -9 or a power cut leaves either the old or
 * the new record, never half of one. An unreadable record is reported and treated as absent.
 */
public final class CheckpointStore<T> {
  private static final Logger log = LoggerFactory.getLogger(CheckpointStore.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Path file;
  private final Class<T> type;

  public CheckpointStore(Path file, Class<T> type) {
    this.file = file.toAbsolutePath();
    this.type = type;
  }

  public static CheckpointStore<Checkpoint> forTailer(Path file) {
    return new CheckpointStore<>(file, Checkpoint.class);
  }

  public Path file() {
    return file;
  }

  public Optional<T> load() {
    try {
      return Optional.of(JSON.readValue(Files.readAllBytes(file), type));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException | RuntimeException e) {
      log.warn("checkpoint {}: unreadable, ignoring it ({})", file, e.getMessage());
      return Optional.empty();
    }
  }

  public void save(T record) throws IOException {
    Path dir = file.getParent();
    Files.createDirectories(dir);
    Path tmp = dir.resolve(file.getFileName() + ".tmp");
    try (FileChannel ch =
        FileChannel.open(
            tmp,
            StandardOpenOption.CREATE,
            StandardOpenOption.WRITE,
            StandardOpenOption.TRUNCATE_EXISTING)) {
      ch.write(java.nio.ByteBuffer.wrap(JSON.writeValueAsBytes(record)));
      ch.force(true);
    }
    try {
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      throw new IOException("checkpoint " + file + ": file system cannot rename atomically", e);
    }
    syncDirectory(dir);
  }

  private static void syncDirectory(Path dir) {
    // Makes the rename itself durable; some file systems refuse to sync a directory, which only
    // weakens durability across a power cut, not across a crash of this process.
    try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
      d.force(true);
    } catch (IOException e) {
      log.debug("checkpoint directory {}: cannot fsync ({})", dir, e.getMessage());
    }
  }
}
