package io.bondwatch.app.init;

/** The multilink parts of a starter config (docs/multilink.md). */
final class MultilinkStarter {
  /** The pppd options that make a member visible to bondwatch, as a comment. */
  static final String PPPD_OPTIONS =
      """
      # Multilink members have no IP of their own: each is judged by its underlay's carrier and
      # received frames, its pppd's log and the bundle probe. In every member's pppd options:
      #   lcp-echo-interval 1    # a frame on each underlay every second, even when idle
      #   lcp-echo-failure 5     # pppd itself ends a member that stays silent 5 s
      #   debug debug            # optional: each LCP echo in the log gives the member's echo RTT
      """;

  private MultilinkStarter() {}

  /** {@code probe:} of the bond: the peer from pppd's log, else the default gateway via it. */
  static void bondProbe(StringBuilder y, Discovered d, BundleHints hints, String bundle) {
    String target = hints.peer();
    String why = "# the peer's address (pppd: remote IP address)";
    if (target == null) {
      for (Nexthop h : d.nexthops()) {
        if (h.dev().equals(bundle) && h.gateway() != null) {
          target = h.gateway();
          why = "# the default-route gateway via the bundle";
        }
      }
    }
    if (target == null) {
      target = StarterConfig.PLACEHOLDER_TARGET;
      why = "# TODO: an address that answers pings through the bundle";
    }
    if (bundle == null) {
      y.append("  interface: \"ppp0\"   # TODO: the bundle interface (bond.probe needs it)\n");
    }
    y.append("  probe: { target: ").append(StarterConfig.q(target)).append(" }   ").append(why);
    y.append('\n');
  }
}
