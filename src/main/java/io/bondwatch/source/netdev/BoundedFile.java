package io.bondwatch.source.netdev;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Reads a small text file whose size cannot be trusted: procfs files report size 0, so the file is
 * read to its end, but never past {@code maxBytes}. What is not a regular file is refused before it
 * is opened, since opening a FIFO blocks until a writer comes and a device such as {@code
 * /dev/zero} never ends. The path is checked on every read: it may change while bondwatch runs.
 */
final class BoundedFile implements NetDevFile {
  /** A /proc/net/dev line is about 130 bytes: room for some 30,000 interfaces. */
  static final int MAX_BYTES = 4 << 20;

  private static final int CHUNK = 16 << 10;

  private final Path path;
  private final int maxBytes;

  BoundedFile(Path path, int maxBytes) {
    this.path = path;
    this.maxBytes = maxBytes;
  }

  @Override
  public String read() throws IOException {
    BasicFileAttributes a = Files.readAttributes(path, BasicFileAttributes.class);
    if (!a.isRegularFile()) {
      throw new IOException(path + " is " + kind(a) + ", not a regular file; not read");
    }
    try (InputStream in = Files.newInputStream(path)) {
      return new String(readAtMost(in, maxBytes, path.toString()), StandardCharsets.US_ASCII);
    }
  }

  /** The whole of {@code in}, or an IOException once it has given more than {@code max} bytes. */
  static byte[] readAtMost(InputStream in, int max, String what) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(CHUNK);
    byte[] buf = new byte[CHUNK];
    int n;
    while ((n = in.read(buf, 0, Math.min(buf.length, max + 1 - out.size()))) > 0) {
      out.write(buf, 0, n);
      if (out.size() > max) {
        throw new IOException(what + " is larger than " + (max >> 10) + " KiB; not read");
      }
    }
    return out.toByteArray();
  }

  private String kind(BasicFileAttributes a) {
    if (a.isDirectory()) {
      return "a directory";
    }
    try {
      // the unix view tells a FIFO from a device; it is there on Linux, but not promised
      int type = (Integer) Files.getAttribute(path, "unix:mode") & 0170000;
      return switch (type) {
        case 0010000 -> "a FIFO";
        case 0020000 -> "a character device";
        case 0060000 -> "a block device";
        case 0140000 -> "a socket";
        default -> "a special file";
      };
    } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
      return "a special file";
    }
  }

  @Override
  public String toString() {
    return path.toString();
  }
}
