package io.bondwatch.source.pppd;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.zip.CRC32C;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One generation of a checkpoint on disk: a header line {@code bondwatch-checkpoint 1 SEQUENCE
 * LENGTH CRC32C} and then the payload, so that an empty, cut-off, overwritten or foreign file is
 * told from a good one before its content is believed.
 */
record CheckpointFrame(long sequence, byte[] payload) {
  private static final Logger log = LoggerFactory.getLogger(CheckpointFrame.class);
  private static final String MAGIC = "bondwatch-checkpoint";
  private static final int VERSION = 1;
  private static final int MAX_HEADER = 128;
  private static final int MAX_BYTES = 64 * 1024;

  /**
   * The bytes of a checkpoint file; a FIFO (whose open would block) or an oversized file is
   * refused.
   *
   * @throws NoSuchFileException when there is none
   */
  static byte[] read(Path file) throws IOException {
    PathState st = PathState.of(file);
    if (st.kind() == FileKind.MISSING) {
      throw new NoSuchFileException(file.toString());
    }
    if (!st.isRegular()) {
      throw new IOException("is a " + st.kind().label() + ", not a regular file");
    }
    if (st.size() > MAX_BYTES) {
      throw new IOException("too large for a checkpoint: " + st.size() + " bytes");
    }
    return Files.readAllBytes(file);
  }

  static byte[] encode(long sequence, byte[] payload) {
    String header =
        MAGIC + " " + VERSION + " " + sequence + " " + payload.length + " " + crc(payload) + "\n";
    byte[] h = header.getBytes(StandardCharsets.US_ASCII);
    byte[] out = Arrays.copyOf(h, h.length + payload.length);
    System.arraycopy(payload, 0, out, h.length, payload.length);
    return out;
  }

  /** The frame in the bytes, or an exception saying in a few words what is wrong with them. */
  static CheckpointFrame parse(byte[] bytes) throws IOException {
    if (bytes.length == 0) {
      throw new IOException("empty");
    }
    int nl = -1;
    for (int i = 0; i < Math.min(bytes.length, MAX_HEADER); i++) {
      if (bytes[i] == '\n') {
        nl = i;
        break;
      }
    }
    String[] h =
        nl < 0 ? new String[0] : new String(bytes, 0, nl, StandardCharsets.US_ASCII).split(" ");
    if (h.length != 5 || !MAGIC.equals(h[0])) {
      throw new IOException("not a bondwatch checkpoint (no valid header)");
    }
    if (!Integer.toString(VERSION).equals(h[1])) {
      throw new IOException("checkpoint format version " + h[1] + " is not known");
    }
    long sequence;
    int length;
    try {
      sequence = Long.parseLong(h[2]);
      length = Integer.parseInt(h[3]);
    } catch (NumberFormatException e) {
      throw new IOException("header has a bad number: " + e.getMessage());
    }
    byte[] payload = Arrays.copyOfRange(bytes, nl + 1, bytes.length);
    if (sequence < 0 || payload.length != length) {
      throw new IOException("truncated or padded: " + payload.length + " of " + length + " bytes");
    }
    if (!crc(payload).equals(h[4])) {
      throw new IOException("checksum mismatch");
    }
    return new CheckpointFrame(sequence, payload);
  }

  private static String crc(byte[] payload) {
    CRC32C c = new CRC32C();
    c.update(payload);
    return String.format("%08x", c.getValue());
  }

  /**
   * Replaces the file atomically (temp file, fsync, rename, fsync of the directory), so that a kill
   * -9 or a power cut leaves the old or the new content, never half of one.
   */
  static void writeAtomically(Path file, byte[] bytes) throws IOException {
    Path dir = file.getParent();
    Files.createDirectories(dir);
    Path tmp = dir.resolve(file.getFileName() + ".tmp");
    try (FileChannel ch =
        FileChannel.open(
            tmp,
            StandardOpenOption.CREATE,
            StandardOpenOption.WRITE,
            StandardOpenOption.TRUNCATE_EXISTING)) {
      ByteBuffer buf = ByteBuffer.wrap(bytes);
      while (buf.hasRemaining()) {
        ch.write(buf);
      }
      ch.force(true);
    }
    try {
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      throw new IOException("checkpoint " + file + ": file system cannot rename atomically", e);
    }
    syncDirectory(dir);
  }

  private static void syncDirectory(Path dir) {
    // Makes the rename itself durable; some file systems refuse to sync a directory, which only
    // weakens durability across a power cut, not across a crash of this process.
    try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
      d.force(true);
    } catch (IOException e) {
      log.debug("checkpoint directory {}: cannot fsync ({})", dir, e.getMessage());
    }
  }
}
