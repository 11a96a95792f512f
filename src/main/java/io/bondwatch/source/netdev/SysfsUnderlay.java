package io.bondwatch.source.netdev;

import io.bondwatch.domain.multilink.LinkObservation;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A multilink member's underlay as sysfs shows it: {@code carrier}, {@code operstate}, {@code
 * ifindex} and {@code statistics/rx_packets} under {@code /sys/class/net/<dev>}. Four small reads
 * per device; the caller runs them off its ticker ({@link UnderlaySampler}).
 */
public final class SysfsUnderlay {
  /** One device at one moment: its state, and its received-packet counter (-1 when unreadable). */
  public record Reading(LinkObservation link, long rxPackets) {}

  /** sysfs attributes are a line each; anything longer is not one. */
  private static final int MAX_BYTES = 64;

  private final Path sysClassNet;

  public SysfsUnderlay(Path sysClassNet) {
    this.sysClassNet = sysClassNet;
  }

  public static SysfsUnderlay system() {
    return new SysfsUnderlay(Path.of("/sys/class/net"));
  }

  public Reading read(String device) {
    Path dir = sysClassNet.resolve(device);
    if (!Files.isDirectory(dir)) {
      return new Reading(LinkObservation.missing(device), -1);
    }
    String operstate = attribute(dir.resolve("operstate"));
    // carrier reads fail with EINVAL while the device is administratively down
    String carrier = attribute(dir.resolve("carrier"));
    String ifindex = attribute(dir.resolve("ifindex"));
    String rx = attribute(dir.resolve("statistics").resolve("rx_packets"));
    LinkObservation link =
        new LinkObservation(
            device,
            true,
            carrier == null ? null : !carrier.equals("0"),
            operstate,
            number(ifindex, -1));
    return new Reading(link, number(rx, -1));
  }

  /** The attribute's value; null when it is missing, unreadable now, or not one short line. */
  private static String attribute(Path p) {
    try (InputStream in = Files.newInputStream(p)) {
      byte[] raw = BoundedFile.readAtMost(in, MAX_BYTES, p.toString());
      String s = new String(raw, StandardCharsets.US_ASCII).strip();
      return s.isEmpty() ? null : s;
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  private static long number(String s, long none) {
    if (s == null) {
      return none;
    }
    try {
      long v = Long.parseLong(s);
      return v < 0 ? none : v;
    } catch (NumberFormatException e) {
      return none;
    }
  }

  private static int number(String s, int none) {
    return (int) Math.min(Integer.MAX_VALUE, number(s, (long) none));
  }
}
