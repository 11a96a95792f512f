package io.bondwatch.source.pppd;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one record in the state directory as two alternating generations ({@code NAME.0}, {@code
 * NAME.1}), each with a sequence number and a checksum ({@link CheckpointFrame}) and each replaced
 * atomically. A save never overwrites the newest good generation, so when that one turns out
 * corrupt (a bad disk block, a file system that lost a write, a hand edit) the previous one is
 * still there: the source repeats one batch instead of losing its place.
 */
public final class CheckpointStore<T> {
  private static final Logger log = LoggerFactory.getLogger(CheckpointStore.class);
  private static final ObjectMapper JSON =
      new ObjectMapper()
          .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  private final Path file;
  private final Class<T> type;
  private boolean scanned;
  private long sequence;
  private int newestSlot = 1;
  private boolean legacyGone;

  /**
   * What a load found.
   *
   * @param record the newest usable record, if any
   * @param problems one line per generation that exists but cannot be used; no record with problems
   *     means nothing usable is left
   */
  public record Loaded<T>(Optional<T> record, List<String> problems) {
    public Loaded {
      problems = List.copyOf(problems);
    }

    /**
     * One generation was unusable and the other was taken. Which of the two was newer cannot be
     * told (a damaged file's sequence number cannot be trusted), so lines may come again.
     */
    public boolean usedOtherGeneration() {
      return record.isPresent() && !problems.isEmpty();
    }

    /** Generations exist but none can be used: the position is lost. */
    public boolean unusable() {
      return record.isEmpty() && !problems.isEmpty();
    }
  }

  public CheckpointStore(Path file, Class<T> type) {
    this.file = file.toAbsolutePath();
    this.type = type;
  }

  public static CheckpointStore<Checkpoint> forTailer(Path file) {
    return new CheckpointStore<>(file, Checkpoint.class);
  }

  /** The name the generations are derived from; before generations, the record's only file. */
  public Path file() {
    return file;
  }

  Path generation(int slot) {
    return file.resolveSibling(file.getFileName() + "." + slot);
  }

  /**
   * The newest usable generation. An unusable one beside it is logged here; when none is usable the
   * caller says so, together with what it does instead.
   */
  public Loaded<T> load() {
    List<String> problems = new ArrayList<>();
    T best = null;
    long bestSequence = -1;
    for (int slot = 0; slot < 2; slot++) {
      Path gen = generation(slot);
      try {
        CheckpointFrame frame = CheckpointFrame.parse(CheckpointFrame.read(gen));
        T record = decode(frame.payload());
        if (frame.sequence() > bestSequence) {
          best = record;
          bestSequence = frame.sequence();
          newestSlot = slot;
        }
      } catch (NoSuchFileException e) {
        // never written: a first start, or only one save so far
      } catch (IOException | RuntimeException e) {
        problems.add(gen + ": " + reason(e));
      }
    }
    sequence = Math.max(sequence, bestSequence + 1);
    scanned = true;
    if (best == null && problems.isEmpty()) {
      return legacy();
    }
    if (best != null) {
      problems.forEach(
          p -> log.warn("checkpoint {}; using the other generation (a batch may come again)", p));
    }
    return new Loaded<>(Optional.ofNullable(best), problems);
  }

  /** A record written before generations existed: plain JSON in the file itself. */
  private Loaded<T> legacy() {
    try {
      return new Loaded<>(Optional.of(decode(CheckpointFrame.read(file))), List.of());
    } catch (NoSuchFileException e) {
      return new Loaded<>(Optional.empty(), List.of());
    } catch (IOException | RuntimeException e) {
      return new Loaded<>(Optional.empty(), List.of(file + ": " + reason(e)));
    }
  }

  private T decode(byte[] json) throws IOException {
    if (json.length == 0) {
      throw new IOException("empty");
    }
    return JSON.readValue(json, type);
  }

  /** One line: Jackson wraps a record's own validation message in location details. */
  private static String reason(Exception e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    String msg =
        t instanceof com.fasterxml.jackson.core.JsonProcessingException jpe
            ? jpe.getOriginalMessage()
            : t.getMessage();
    return (msg == null ? t.getClass().getSimpleName() : msg).lines().findFirst().orElse("");
  }

  /** Writes the record over the older generation, so the newest good one survives a bad write. */
  public void save(T record) throws IOException {
    if (!scanned) {
      load();
    }
    int slot = 1 - newestSlot;
    byte[] frame = CheckpointFrame.encode(sequence, JSON.writeValueAsBytes(record));
    CheckpointFrame.writeAtomically(generation(slot), frame);
    newestSlot = slot;
    sequence++;
    if (!legacyGone) {
      Files.deleteIfExists(file);
      legacyGone = true;
    }
  }
}
