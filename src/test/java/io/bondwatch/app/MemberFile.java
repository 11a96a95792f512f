package io.bondwatch.app;

import io.bondwatch.source.pppd.MemberMatch;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Test stand-in for the config loader: one member a line, {@code name device ifname linkname},
 * {@code -} for none.
 */
final class MemberFile {

  private MemberFile() {}

  static List<MemberMatch> read(Path file) {
    List<MemberMatch> out = new ArrayList<>();
    try {
      for (String line : Files.readAllLines(file)) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] f = line.trim().split("\\s+");
        out.add(new MemberMatch(f[0], opt(f, 1), opt(f, 2), opt(f, 3)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  private static String opt(String[] f, int i) {
    return i < f.length && !"-".equals(f[i]) ? f[i] : null;
  }
}
