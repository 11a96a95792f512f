package io.bondwatch.source.pppd;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** Which file a path names: device and inode, as rotation changes them while the name stays. */
public record FileIdentity(long device, long inode) {

  /** The identity of the file at the path, or empty when there is none (or no unix view). */
  public static Optional<FileIdentity> of(Path path) {
    try {
      Map<String, Object> a = Files.readAttributes(path, "unix:dev,ino");
      return Optional.of(
          new FileIdentity(
              ((Number) a.get("dev")).longValue(), ((Number) a.get("ino")).longValue()));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException | UnsupportedOperationException e) {
      return Optional.empty();
    }
  }

  @Override
  public String toString() {
    return "dev " + device + " inode " + inode;
  }
}
