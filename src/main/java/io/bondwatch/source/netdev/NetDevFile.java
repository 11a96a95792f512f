package io.bondwatch.source.netdev;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where the text of {@code /proc/net/dev} comes from: the one OS touchpoint of this package. */
@FunctionalInterface
public interface NetDevFile {

  String read() throws IOException;

  /** Reads the file at {@code path} whole, each time it is asked. */
  static NetDevFile at(Path path) {
    // procfs files report size 0, so read to EOF rather than by size
    return () -> new String(Files.readAllBytes(path), StandardCharsets.US_ASCII);
  }
}
