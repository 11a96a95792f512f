package io.bondwatch.source.probe;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Reads a device's operational state and identity from sysfs, so that an unanswered probe on a
 * device that is down or missing carries that as its reason (ping itself says nothing more than "no
 * answer yet"), and a device deleted and created again under the same name (PPPoE's {@code pppN} at
 * every reconnect) is told from the one ping was bound to.
 */
public final class LinkState {
  private final Path sysClassNet;

  public LinkState(Path sysClassNet) {
    this.sysClassNet = sysClassNet;
  }

  public static LinkState system() {
    return new LinkState(Path.of("/sys/class/net"));
  }

  /** Marks a device that does not exist (or whose index cannot be read). */
  public static final int NO_DEVICE = -1;

  /**
   * The device's interface index, {@link #NO_DEVICE} when there is no such device. A device created
   * again under the same name gets a new index; a socket bound to the old one stays deaf.
   */
  public int ifindex(String device) {
    try {
      return Integer.parseInt(
          Files.readString(sysClassNet.resolve(device).resolve("ifindex")).strip());
    } catch (IOException | RuntimeException e) {
      return NO_DEVICE;
    }
  }

  /** Why the device cannot carry traffic, or empty when it might (up, unknown, dormant...). */
  public Optional<String> problem(String device) {
    try {
      String state = Files.readString(sysClassNet.resolve(device).resolve("operstate")).strip();
      return switch (state) {
        case "down", "lowerlayerdown", "notpresent" ->
            Optional.of(ProbeReasons.LINK_DOWN + device + " operstate is " + state);
        default -> Optional.empty(); // ppp and tun devices report "unknown" while working
      };
    } catch (NoSuchFileException e) {
      return Optional.of(ProbeReasons.LINK_DOWN + "no such device " + device);
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }
}
