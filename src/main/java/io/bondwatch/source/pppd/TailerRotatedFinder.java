package io.bondwatch.source.pppd;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds where the content the tailer was reading went after a rotation: among the siblings of the
 * log named like its rotations ({@code NAME.1}, {@code NAME-20260101}, {@code NAME.old}), newest
 * first. Compressed rotations cannot be read back and are not considered.
 */
final class TailerRotatedFinder {
  private static final Logger log = LoggerFactory.getLogger(TailerRotatedFinder.class);
  private static final Set<String> COMPRESSED =
      Set.of("gz", "bz2", "xz", "zst", "lz4", "lzma", "lzo", "z", "zip", "br");
  private static final int MAX_CANDIDATES = 64;

  private TailerRotatedFinder() {}

  /** Rotated siblings of the live file, most recently modified first. */
  static List<Path> siblings(Path live) {
    Path dir = live.getParent();
    String name = live.getFileName().toString();
    List<Path> out = new ArrayList<>();
    try (Stream<Path> s = Files.list(dir)) {
      s.filter(p -> isRotationOf(name, p.getFileName().toString()))
          .filter(Files::isRegularFile)
          .sorted(Comparator.comparing(TailerRotatedFinder::modified).reversed())
          .limit(MAX_CANDIDATES)
          .forEach(out::add);
    } catch (IOException e) {
      log.warn("log {}: cannot list {} for rotated copies ({})", live, dir, e.getMessage());
    }
    return out;
  }

  static boolean isRotationOf(String name, String candidate) {
    if (candidate.length() <= name.length() + 1 || !candidate.startsWith(name)) {
      return false;
    }
    char sep = candidate.charAt(name.length());
    if (sep != '.' && sep != '-' && sep != '_') {
      return false;
    }
    int dot = candidate.lastIndexOf('.');
    String ext = dot < 0 ? "" : candidate.substring(dot + 1).toLowerCase(Locale.ROOT);
    return !COMPRESSED.contains(ext) && !candidate.endsWith(".tmp");
  }

  /** The file the checkpoint was taken in, found by identity or else by content. */
  static Optional<TailerFile> forCheckpoint(Path live, Checkpoint cp, Instant now)
      throws IOException {
    List<Path> candidates = siblings(live);
    for (Path p : candidates) {
      if (FileIdentity.of(p).filter(cp.identity()::equals).isPresent()) {
        Optional<TailerFile> f = openIfHolds(p, cp, now);
        if (f.isPresent()) {
          return f;
        }
      }
    }
    if (cp.fingerprintLength() == 0) {
      return Optional.empty();
    }
    for (Path p : candidates) {
      Optional<TailerFile> f = openIfHolds(p, cp, now);
      if (f.isPresent()) {
        return f;
      }
    }
    return Optional.empty();
  }

  private static Optional<TailerFile> openIfHolds(Path p, Checkpoint cp, Instant now)
      throws IOException {
    Optional<TailerFile> f = TailerFile.open(p, now);
    if (f.isPresent() && CheckpointFingerprint.matches(f.get().channel(), cp)) {
      return f;
    }
    if (f.isPresent()) {
      f.get().close();
    }
    return Optional.empty();
  }

  /**
   * The copy copytruncate made of the file just truncated under the tailer: a sibling whose bytes
   * agree with what was read, checked at the end of the shorter of the two. When nothing had been
   * read yet, the copy is the sibling written after reading began.
   */
  static Optional<TailerFile> copyOf(Path live, TailerFile truncated, long readEnd, Instant now)
      throws IOException {
    for (Path p : siblings(live)) {
      Optional<TailerFile> f = TailerFile.open(p, now);
      if (f.isEmpty()) {
        continue;
      }
      if (!f.get().identity().equals(truncated.identity()) && agrees(f.get(), truncated, readEnd)) {
        return f;
      }
      f.get().close();
    }
    return Optional.empty();
  }

  private static boolean agrees(TailerFile copy, TailerFile truncated, long readEnd)
      throws IOException {
    long end = Math.min(copy.size(), readEnd);
    if (end == 0) {
      return readEnd == 0 && modified(copy.path()).toInstant().isAfter(truncated.since());
    }
    int count = (int) Math.min(CheckpointFingerprint.LENGTH, end);
    Optional<byte[]> mine = truncated.recent(end, count);
    Optional<byte[]> theirs = CheckpointFingerprint.read(copy.channel(), end, count);
    return mine.isPresent()
        && theirs.isPresent()
        && java.util.Arrays.equals(mine.get(), theirs.get());
  }

  /**
   * The rotated file that came after a finished one, when rotations happened faster than the tailer
   * followed (or while it was stopped): the oldest sibling modified after it.
   */
  static Optional<TailerFile> nextAfter(Path live, FileIdentity finished, Instant now)
      throws IOException {
    List<Path> siblings = siblings(live);
    Optional<FileTime> finishedAt =
        siblings.stream()
            .filter(p -> FileIdentity.of(p).filter(finished::equals).isPresent())
            .map(TailerRotatedFinder::modified)
            .findFirst();
    if (finishedAt.isEmpty()) {
      return Optional.empty();
    }
    Optional<FileIdentity> liveId = FileIdentity.of(live);
    Optional<Path> next =
        siblings.stream()
            .filter(p -> modified(p).compareTo(finishedAt.get()) > 0)
            .filter(p -> FileIdentity.of(p).filter(id -> !id.equals(finished)).isPresent())
            .filter(p -> liveId.isEmpty() || !liveId.equals(FileIdentity.of(p)))
            .min(Comparator.comparing(TailerRotatedFinder::modified));
    return next.isPresent() ? TailerFile.open(next.get(), now) : Optional.empty();
  }

  private static FileTime modified(Path p) {
    try {
      return Files.getLastModifiedTime(p);
    } catch (IOException e) {
      return FileTime.fromMillis(0);
    }
  }
}
