package io.bondwatch.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;

/**
 * A /proc/net/dev for the demo: counters of simulated devices that grow at scripted rates, written
 * in the kernel's layout so the real reader, trackers and estimator run on it.
 */
final class SimulatedNetDev {
  private static final String HEADER =
      "Inter-|   Receive                                                |  Transmit\n"
          + " face |bytes    packets errs drop fifo frame compressed multicast|"
          + "bytes    packets errs drop fifo colls carrier compressed\n";

  /** Receive and transmit rate of one device, bytes per second, {@code seconds} after start. */
  record Device(String name, DoubleUnaryOperator receive, DoubleUnaryOperator transmit) {}

  private final Path file;
  private final Map<String, Device> devices = new LinkedHashMap<>();
  private final Map<String, double[]> totals = new LinkedHashMap<>();
  private double lastSeconds = -1;

  SimulatedNetDev(Path file, Iterable<Device> devices) {
    this.file = file;
    for (Device d : devices) {
      this.devices.put(d.name(), d);
      totals.put(d.name(), new double[2]);
    }
  }

  Path file() {
    return file;
  }

  /** Advances the counters to {@code seconds} after start and rewrites the file atomically. */
  synchronized void writeAt(double seconds) {
    double dt = lastSeconds < 0 ? 0 : Math.max(0, seconds - lastSeconds);
    lastSeconds = seconds;
    StringBuilder sb = new StringBuilder(HEADER);
    sb.append(
        String.format(
            Locale.ROOT, "%6s: %7d %7d 0 0 0 0 0 0 %7d %7d 0 0 0 0 0 0%n", "lo", 0, 0, 0, 0));
    for (Device d : devices.values()) {
      double[] t = totals.get(d.name());
      t[0] += d.receive().applyAsDouble(seconds) * dt;
      t[1] += d.transmit().applyAsDouble(seconds) * dt;
      long rx = (long) t[0];
      long tx = (long) t[1];
      sb.append(
          String.format(
              Locale.ROOT,
              "%6s: %7d %7d 0 0 0 0 0 0 %7d %7d 0 0 0 0 0 0%n",
              d.name(),
              rx,
              rx / 1400,
              tx,
              tx / 1400));
    }
    try {
      Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
      Files.writeString(tmp, sb);
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("demo: cannot write " + file, e);
    }
  }
}
