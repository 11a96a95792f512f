package io.bondwatch.domain.multilink;

/**
 * The bundle probe's verdict (bond.probe, judged by the same down rule as a member's probes): does
 * the bundle carry traffic now.
 *
 * @param stalled the down rule holds: enough bundle probes in a row were lost
 * @param lostInRow bundle probes lost in a row now
 */
public record BundleProbeView(boolean stalled, int lostInRow) {
  public BundleProbeView {
    if (lostInRow < 0) {
      throw new IllegalArgumentException("lostInRow must be >= 0");
    }
  }

  /** The words a reason gives for it. */
  public String words() {
    return stalled ? "bundle probes lost (" + lostInRow + " in a row)" : "bundle probes answer";
  }
}
