package io.bondwatch.source.pppd;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * What a path names right now, from one {@code stat} (which never opens the file, so never blocks
 * on a FIFO): its kind, identity and size. Symbolic links are followed, as a log path may be one.
 */
record PathState(FileKind kind, Optional<FileIdentity> identity, long size) {

  static final PathState MISSING = new PathState(FileKind.MISSING, Optional.empty(), 0);

  static PathState of(Path path) {
    try {
      Map<String, Object> a = Files.readAttributes(path, "unix:dev,ino,mode,size");
      FileIdentity id =
          new FileIdentity(
              ((Number) a.get("dev")).longValue(), ((Number) a.get("ino")).longValue());
      return new PathState(
          FileKind.ofMode(((Number) a.get("mode")).intValue()),
          Optional.of(id),
          ((Number) a.get("size")).longValue());
    } catch (NoSuchFileException e) {
      return MISSING;
    } catch (IOException | UnsupportedOperationException e) {
      return MISSING;
    }
  }

  boolean isRegular() {
    return kind == FileKind.REGULAR;
  }
}
