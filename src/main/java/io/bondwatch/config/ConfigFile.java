package io.bondwatch.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Reads a config file's text, or says in one line why not. A wrong {@code --config} must not hang
 * the command (a FIFO blocks in open until a writer comes) or exhaust memory ({@code /dev/zero}
 * never ends, and a device or {@code /proc} file reports no useful size), so only regular files are
 * opened and at most {@link #MAX_BYTES} are read whatever the file claims.
 */
final class ConfigFile {
  /** Larger files are not configs. */
  static final int MAX_BYTES = 1 << 20;

  /** The file's text, or why it cannot be had. */
  sealed interface Read {}

  record Text(String text) implements Read {}

  record Failure(String message, int line) implements Read {}

  private ConfigFile() {}

  static Read read(Path file) {
    String name = file.toString();
    try {
      // follows symbolic links: a link to the real file is fine, one to /dev/zero is not
      BasicFileAttributes attrs = Files.readAttributes(file, BasicFileAttributes.class);
      if (attrs.isDirectory()) {
        return fail("cannot read config file " + name + ": it is a directory");
      }
      if (!attrs.isRegularFile()) {
        return fail(
            "config file "
                + name
                + " is not a regular file (a device, FIFO or socket); give the"
                + " YAML file itself");
      }
      byte[] bytes;
      try (InputStream in = Files.newInputStream(file)) {
        bytes = in.readNBytes(MAX_BYTES + 1);
      }
      if (bytes.length > MAX_BYTES) {
        return fail("config file " + name + " is larger than 1 MiB; is it the right file?");
      }
      return decode(bytes, name);
    } catch (NoSuchFileException e) {
      return fail("config file " + name + " does not exist");
    } catch (AccessDeniedException e) {
      return fail("cannot read config file " + name + ": permission denied");
    } catch (FileSystemException e) {
      return fail(
          "cannot read config file "
              + name
              + ": "
              + java.util.Objects.requireNonNullElse(e.getReason(), e.toString()));
    } catch (IOException e) {
      return fail("cannot read config file " + name + ": " + e.getMessage());
    }
  }

  /** Strict UTF-8: a Latin-1 file is named as such, with the line of its first bad byte. */
  private static Read decode(byte[] bytes, String name) {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length);
    CoderResult result = decoder.decode(in, out, true);
    if (result.isError()) {
      return new Failure(
          "config file " + name + " is not UTF-8 text", lineAt(bytes, in.position()));
    }
    decoder.flush(out);
    return new Text(out.flip().toString());
  }

  private static int lineAt(byte[] bytes, int end) {
    int line = 1;
    for (int i = 0; i < end; i++) {
      if (bytes[i] == '\n') {
        line++;
      }
    }
    return line;
  }

  private static Failure fail(String message) {
    return new Failure(message, 0);
  }
}
