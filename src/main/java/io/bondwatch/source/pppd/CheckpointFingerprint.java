package io.bondwatch.source.pppd;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * A digest of the bytes just before a position. Log lines carry timestamps (and in tests numbers),
 * so 64 bytes tell one rotated copy from another without storing log text in the state directory.
 */
final class CheckpointFingerprint {
  static final int LENGTH = 64;

  private CheckpointFingerprint() {}

  static String digest(byte[] bytes, int from, int count) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      md.update(bytes, from, count);
      return HexFormat.of().formatHex(md.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  /** The bytes {@code [end - count, end)} of the channel, or empty if it holds fewer. */
  static Optional<byte[]> read(FileChannel channel, long end, int count) throws IOException {
    if (end < count || channel.size() < end) {
      return Optional.empty();
    }
    ByteBuffer buf = ByteBuffer.allocate(count);
    long at = end - count;
    while (buf.hasRemaining()) {
      int n = channel.read(buf, at + buf.position());
      if (n < 0) {
        return Optional.empty();
      }
    }
    return Optional.of(buf.array());
  }

  /** Whether the channel holds, before {@code position}, the bytes the checkpoint saw there. */
  static boolean matches(FileChannel channel, Checkpoint cp) throws IOException {
    return read(channel, cp.position(), cp.fingerprintLength())
        .map(b -> digest(b, 0, b.length).equals(cp.fingerprint()))
        .orElse(false);
  }
}
