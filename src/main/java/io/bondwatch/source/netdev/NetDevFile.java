package io.bondwatch.source.netdev;

import java.io.IOException;
import java.nio.file.Path;

/** Where the text of {@code /proc/net/dev} comes from: the one OS touchpoint of this package. */
@FunctionalInterface
public interface NetDevFile {

  String read() throws IOException;

  /**
   * Reads the file at {@code path} each time it is asked: a regular file only (a FIFO or a device
   * is refused before it is opened) and at most {@link BoundedFile#MAX_BYTES}.
   */
  static NetDevFile at(Path path) {
    return new BoundedFile(path, BoundedFile.MAX_BYTES);
  }
}
