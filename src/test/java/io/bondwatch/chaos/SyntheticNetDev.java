package io.bondwatch.chaos;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * A {@code /proc/net/dev} the test owns: the member devices' counters grow at known rates, and a
 * fault replaces the file with what real machines and careless people put there. The true counters
 * keep growing through every fault, so the service's exported totals can be held against them.
 */
final class SyntheticNetDev implements AutoCloseable {

  /** What can stand at the path instead of a good reading. */
  enum Fault {
    GARBAGE,
    BINARY,
    HUGE_FILE,
    FIFO,
    DEV_ZERO,
    DIRECTORY,
    MISSING,
    HEADER_ONLY,
    BOGUS_64,
    BOGUS_32,
  }

  private static final String HEADER =
      "Inter-|   Receive                                                |  Transmit\n"
          + " face |bytes    packets errs drop fifo frame compressed multicast|bytes    packets"
          + " errs drop fifo colls carrier compressed\n";

  private final Path path;
  private final List<String> devices;
  private final long rxPerSecond;
  private final long txPerSecond;
  private final long startNanos = System.nanoTime();
  private final Map<String, Long> base = new ConcurrentHashMap<>();
  private final Thread writer;
  private volatile Fault fault;
  private volatile boolean running = true;

  /**
   * @param devices the member devices whose counters grow; each starts at a different raw value
   */
  SyntheticNetDev(Path path, List<String> devices, long rxPerSecond, long txPerSecond) {
    this.path = path;
    this.devices = List.copyOf(devices);
    this.rxPerSecond = rxPerSecond;
    this.txPerSecond = txPerSecond;
    for (int i = 0; i < devices.size(); i++) {
      base.put(devices.get(i), 5_000_000L * (i + 1));
    }
    writeGood();
    writer = new Thread(this::loop, "chaos-netdev");
    writer.setDaemon(true);
    writer.start();
  }

  /** The device's true raw receive counter now. */
  long trueRx(String device) {
    return base.get(device) + elapsedMillis() * rxPerSecond / 1000;
  }

  long trueTx(String device) {
    return base.get(device) / 10 + elapsedMillis() * txPerSecond / 1000;
  }

  private long elapsedMillis() {
    // in milliseconds, to keep the arithmetic integral
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
  }

  /** Puts {@code f} at the path until {@link #heal()}. */
  synchronized void inject(Fault f, Random random) throws IOException {
    fault = f;
    clearPath();
    switch (f) {
      case GARBAGE -> atomicWrite(garbage(random).getBytes(StandardCharsets.UTF_8));
      case BINARY -> {
        byte[] b = new byte[4096];
        random.nextBytes(b);
        atomicWrite(b);
      }
      case HUGE_FILE -> {
        // far larger than any /proc/net/dev; written in place, then held there
        try (OutputStream out = Files.newOutputStream(path)) {
          byte[] line =
              (" junk0: 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16\n").repeat(1024).getBytes();
          for (int i = 0; i < 1200; i++) {
            out.write(line);
          }
        }
      }
      case FIFO -> run("mkfifo", path.toString());
      case DEV_ZERO -> Files.createSymbolicLink(path, Path.of("/dev/zero"));
      case DIRECTORY -> Files.createDirectory(path);
      case MISSING -> {}
      case HEADER_ONLY -> atomicWrite(HEADER.getBytes(StandardCharsets.US_ASCII));
      case BOGUS_64 -> atomicWrite(reading(Long.MAX_VALUE).getBytes(StandardCharsets.US_ASCII));
      case BOGUS_32 -> atomicWrite(reading((1L << 32) - 1).getBytes(StandardCharsets.US_ASCII));
    }
  }

  /** Good readings again from now on. */
  synchronized void heal() throws IOException {
    fault = null;
    clearPath();
    writeGood();
  }

  private void loop() {
    while (running) {
      try {
        synchronized (this) {
          if (fault == null) {
            writeGood();
          }
        }
        Thread.sleep(200);
      } catch (InterruptedException e) {
        return;
      } catch (UncheckedIOException e) {
        System.err.println("chaos-netdev: " + e);
      }
    }
  }

  private void writeGood() {
    try {
      atomicWrite(reading(-1).getBytes(StandardCharsets.US_ASCII));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A well-formed reading; {@code bogus >= 0} puts that value in every member's counters. */
  private String reading(long bogus) {
    StringBuilder sb = new StringBuilder(HEADER);
    sb.append("    lo: 1000 10 0 0 0 0 0 0 1000 10 0 0 0 0 0 0\n");
    for (String d : devices) {
      long rx = bogus >= 0 ? bogus : trueRx(d);
      long tx = bogus >= 0 ? bogus : trueTx(d);
      sb.append(String.format("%6s: %d 100 0 0 0 0 0 0 %d 100 0 0 0 0 0 0%n", d, rx, tx));
    }
    return sb.toString();
  }

  private static String garbage(Random random) {
    String[] kinds = {
      "Inter-| nonsense\n eth0: x y z\n",
      "",
      "\n\n\n",
      HEADER + " dsl: -1 -2 -3\n",
      HEADER + "   :::::\n",
      "<html>oops</html>\n",
    };
    return kinds[random.nextInt(kinds.length)];
  }

  private void clearPath() throws IOException {
    if (Files.isDirectory(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      Files.delete(path);
    } else {
      Files.deleteIfExists(path);
    }
  }

  private void atomicWrite(byte[] bytes) throws IOException {
    Path tmp = path.resolveSibling(path.getFileName() + ".tmp");
    Files.write(tmp, bytes);
    if (Files.isDirectory(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      Files.delete(path);
    }
    Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  static void run(String... argv) throws IOException {
    try {
      Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
        throw new IOException(String.join(" ", argv) + " failed: " + out.strip());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted: " + String.join(" ", argv), e);
    }
  }

  @Override
  public void close() {
    running = false;
    writer.interrupt();
  }
}
