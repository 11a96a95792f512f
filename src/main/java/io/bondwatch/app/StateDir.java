package io.bondwatch.app;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code storage.dir}, created and held for the life of the service: an OS lock on its {@code lock}
 * file, which holds the holder's pid, keeps a second instance from writing the same checkpoints.
 * The kernel drops the lock when the process dies, even by {@code kill -9}, so a lock file left
 * behind never blocks a restart; only a live holder does.
 */
public final class StateDir implements AutoCloseable {
  static final String LOCK_FILE = "lock";
  private static final Set<Path> HELD_HERE = ConcurrentHashMap.newKeySet();
  private final Path dir;
  private final Path key;
  private final FileChannel channel;
  private final FileLock lock;

  private StateDir(Path dir, Path key, FileChannel channel, FileLock lock) {
    this.dir = dir;
    this.key = key;
    this.channel = channel;
    this.lock = lock;
  }

  /**
   * Creates the directory if needed and locks it.
   *
   * @throws StartupException naming the directory and, when another instance holds it, its pid
   */
  public static StateDir lock(Path dir) {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new StartupException(
          "storage.dir " + dir + ": cannot create it: " + Wiring.reason(e), e);
    }
    if (!Files.isWritable(dir)) {
      throw new StartupException("storage.dir " + dir + " is not writable");
    }
    Path file = dir.resolve(LOCK_FILE);
    Path key;
    try {
      key = dir.toRealPath().resolve(LOCK_FILE);
    } catch (IOException e) {
      throw new StartupException("storage.dir " + dir + ": " + Wiring.reason(e), e);
    }
    // POSIX locks belong to the process, and closing any channel on the file drops them: a second
    // attempt from this process must not even open the file
    if (!HELD_HERE.add(key)) {
      throw inUse(dir, Long.toString(ProcessHandle.current().pid()));
    }
    FileChannel ch = null;
    try {
      ch =
          FileChannel.open(
              file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
      FileLock lock = ch.tryLock();
      if (lock == null) {
        String pid = holder(ch);
        ch.close();
        HELD_HERE.remove(key);
        throw inUse(dir, pid);
      }
      byte[] pid = (ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII);
      ch.write(ByteBuffer.wrap(pid), 0);
      ch.truncate(pid.length);
      ch.force(false);
      return new StateDir(dir, key, ch, lock);
    } catch (IOException e) {
      closeQuietly(ch);
      HELD_HERE.remove(key);
      throw new StartupException(
          "storage.dir " + dir + ": cannot lock " + file + ": " + Wiring.reason(e), e);
    }
  }

  private static StartupException inUse(Path dir, String pid) {
    return new StartupException(
        "storage.dir " + dir + " is in use by another bondwatch (pid " + pid + ")");
  }

  /** The pid the holder wrote, or "unknown" while it has not written it yet. */
  private static String holder(FileChannel ch) throws IOException {
    ByteBuffer buf = ByteBuffer.allocate(32);
    ch.read(buf, 0);
    String pid = new String(buf.array(), 0, buf.position(), StandardCharsets.US_ASCII).strip();
    return pid.matches("[0-9]{1,10}") ? pid : "unknown";
  }

  private static void closeQuietly(FileChannel ch) {
    if (ch != null) {
      try {
        ch.close();
      } catch (IOException e) {
        // nothing more to release
      }
    }
  }

  public Path dir() {
    return dir;
  }

  /** Releases the lock; the file and its pid stay, harmless without the lock. */
  @Override
  public void close() throws IOException {
    try {
      lock.release();
    } finally {
      channel.close();
      HELD_HERE.remove(key);
    }
  }
}
