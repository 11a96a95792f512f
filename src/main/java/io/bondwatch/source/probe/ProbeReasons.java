package io.bondwatch.source.probe;

import java.util.List;
import java.util.Locale;

/** What the reasons of failed probes tell about the member's link. */
public final class ProbeReasons {
  private ProbeReasons() {}

  /** Prefix of reasons saying the member's device is down or missing. */
  public static final String LINK_DOWN = "link down: ";

  // Errors the local stack raises only when the member's own device or route is gone. Random loss
  // on a working link never produces them, so they need no statistical confirmation.
  private static final List<String> LINK_GONE =
      List.of(
          "no such device",
          "network is unreachable",
          "network is down",
          "cannot assign requested address",
          LINK_DOWN);

  /** True when ping's complaint says the probe could not be sent (so none left). */
  public static boolean notSent(String pingComplaint) {
    return pingComplaint != null
        && (pingComplaint.contains("sendmsg") || pingComplaint.contains("sendto"));
  }

  /** True when the reason proves the member's link is gone rather than merely lossy. */
  public static boolean provesLinkGone(String reason) {
    if (reason == null) {
      return false;
    }
    String r = reason.toLowerCase(Locale.ROOT);
    return LINK_GONE.stream().anyMatch(r::contains);
  }
}
