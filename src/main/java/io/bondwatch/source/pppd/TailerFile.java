package io.bondwatch.source.pppd;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;

/**
 * One open file being read, with its identity and the last bytes read from it. The channel keeps
 * reading the same file after it is renamed or deleted; the remembered bytes recognise its content
 * in a rotated copy after copytruncate has emptied it.
 */
final class TailerFile implements Closeable {
  private static final int RECENT = 64 * 1024;
  private final Path path;
  private final FileIdentity identity;
  private final FileChannel channel;
  private final byte[] recent = new byte[RECENT];
  private long recentEnd;
  private long recentStart;
  private Instant since;

  private TailerFile(Path path, FileIdentity identity, FileChannel channel, Instant since) {
    this.path = path;
    this.identity = identity;
    this.channel = channel;
    this.since = since;
  }

  /**
   * Opens the regular file at the path, or empty when there is none or the path names something
   * else (a directory, a FIFO, ...): its kind is checked by {@code stat} first, since opening a
   * FIFO would block until a writer came. The identity is read before and after opening so that a
   * rotation in between cannot pair the channel with another file's identity. (The JDK cannot open
   * with O_NONBLOCK, so a FIFO swapped in within the microseconds between stat and open would still
   * block; only native code could close that window.)
   */
  static Optional<TailerFile> open(Path path, Instant now) throws IOException {
    for (int attempt = 0; attempt < 3; attempt++) {
      PathState before = PathState.of(path);
      if (!before.isRegular()) {
        return Optional.empty();
      }
      FileChannel ch;
      try {
        ch = FileChannel.open(path, StandardOpenOption.READ);
      } catch (NoSuchFileException e) {
        return Optional.empty();
      }
      PathState after = PathState.of(path);
      if (after.isRegular() && after.identity().equals(before.identity())) {
        return Optional.of(new TailerFile(path, before.identity().orElseThrow(), ch, now));
      }
      ch.close();
    }
    throw new IOException(path + ": keeps changing while being opened");
  }

  Path path() {
    return path;
  }

  FileIdentity identity() {
    return identity;
  }

  FileChannel channel() {
    return channel;
  }

  long size() throws IOException {
    return channel.size();
  }

  /** Wall time from which this file's content is being read (open, or restart after truncation). */
  Instant since() {
    return since;
  }

  void restartedAt(Instant now) {
    since = now;
    recentStart = 0;
    recentEnd = 0;
  }

  /** Reads into the buffer from the file offset, remembering the bytes; -1 at end of file. */
  int read(ByteBuffer buf, long position) throws IOException {
    int n = channel.read(buf, position);
    if (n > 0) {
      remember(buf.array(), buf.arrayOffset() + buf.position() - n, n, position);
    }
    return n;
  }

  private void remember(byte[] data, int from, int n, long position) {
    if (position != recentEnd) {
      recentStart = position;
    }
    for (int i = Math.max(0, n - RECENT); i < n; i++) {
      recent[(int) ((position + i) % RECENT)] = data[from + i];
    }
    recentEnd = position + n;
  }

  /** The remembered bytes {@code [end - count, end)}, or empty when not all are remembered. */
  Optional<byte[]> recent(long end, int count) {
    long from = end - count;
    if (from < Math.max(recentStart, recentEnd - RECENT) || end > recentEnd) {
      return Optional.empty();
    }
    byte[] out = new byte[count];
    for (int i = 0; i < count; i++) {
      out[i] = recent[(int) ((from + i) % RECENT)];
    }
    return Optional.of(out);
  }

  /**
   * Whether the file still holds the remembered bytes before {@code end} (false once rewritten).
   */
  boolean stillHolds(long end) throws IOException {
    int count = (int) Math.min(CheckpointFingerprint.LENGTH, end);
    Optional<byte[]> mine = recent(end, count);
    if (mine.isEmpty()) {
      return channel.size() >= end;
    }
    Optional<byte[]> theirs = CheckpointFingerprint.read(channel, end, count);
    return theirs.isPresent() && Arrays.equals(mine.get(), theirs.get());
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }
}
