package io.bondwatch.source.probe;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Reads a device's operational state from sysfs, so that an unanswered probe on a device that is
 * down or missing carries that as its reason (ping itself says nothing more than "no answer yet").
 */
public final class LinkState {
  private final Path sysClassNet;

  public LinkState(Path sysClassNet) {
    this.sysClassNet = sysClassNet;
  }

  public static LinkState system() {
    return new LinkState(Path.of("/sys/class/net"));
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
