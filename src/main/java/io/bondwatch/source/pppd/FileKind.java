package io.bondwatch.source.pppd;

import java.util.Locale;

/**
 * What a path names, by the type bits of its unix mode. The tailer opens only regular files:
 * opening a FIFO for reading blocks until a writer appears, and a directory cannot be read at all.
 */
public enum FileKind {
  MISSING,
  REGULAR,
  DIRECTORY,
  FIFO,
  SOCKET,
  DEVICE,
  OTHER;

  private static final int TYPE_MASK = 0170000;

  /** The kind of file a unix mode ({@code st_mode}) describes. */
  static FileKind ofMode(int mode) {
    return switch (mode & TYPE_MASK) {
      case 0100000 -> REGULAR;
      case 0040000 -> DIRECTORY;
      case 0010000 -> FIFO;
      case 0140000 -> SOCKET;
      case 0020000, 0060000 -> DEVICE;
      default -> OTHER;
    };
  }

  /** Whether this is something at the path that the tailer will not open. */
  public boolean isUnusable() {
    return this != MISSING && this != REGULAR;
  }

  /** The label in metrics and the word in messages: {@code directory}, {@code fifo}, ... */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
