package io.bondwatch.source.pppd;

/**
 * The pppd events of DESIGN.md 3.4, with their JSON names and session effects.
 *
 * <p>Decisions beyond the table in the brief, all DOWN because each one is logged only when the
 * session has ended or could not start, and DOWN is idempotent in {@link SessionTracker}:
 *
 * <ul>
 *   <li>{@code padt}: {@code Sent PADT} is sent at disconnect or after a failed connect; {@code
 *       Session N terminated -- received PADT from peer} is the access concentrator ending it.
 *   <li>{@code signal}: {@code Terminating on signal N} closes the link and exits; {@code Hangup
 *       (SIGHUP)} closes this pppd's link (a multilink master keeps the bundle, but its own link is
 *       still gone).
 *   <li>{@code discovery_timeout}: PPPoE discovery failed, so there is no session.
 *   <li>{@code auth_failed}: LCP is closed right after ("Failed to authenticate ourselves").
 * </ul>
 *
 * {@code terminated_by_peer} is DOWN only for LCP: an IPCP or CCP termination leaves the link up
 * ({@link PppdEvent#sessionEffect()} applies that rule).
 */
public enum PppdEventType {
  START("start", SessionEffect.NONE),
  PLUGIN("plugin", SessionEffect.NONE),
  NEGOTIATION("negotiation", SessionEffect.NONE),
  CONNECT("connect", SessionEffect.NONE),
  INTERFACE("interface", SessionEffect.NONE),
  PPPOE_SESSION("pppoe_session", SessionEffect.NONE),
  PPPOE_CONNECTED("pppoe_connected", SessionEffect.NONE),
  DISCOVERY_TIMEOUT("discovery_timeout", SessionEffect.DOWN),
  AUTH_OK("auth_ok", SessionEffect.NONE),
  AUTH_FAILED("auth_failed", SessionEffect.DOWN),
  BUNDLE_CREATED("bundle_created", SessionEffect.UP),
  BUNDLE_JOINED("bundle_joined", SessionEffect.UP),
  IP_UP("ip_up", SessionEffect.UP),
  ECHO_TIMEOUT("echo_timeout", SessionEffect.DOWN),
  PEER_DEAD("peer_dead", SessionEffect.DOWN),
  TERMINATED_BY_PEER("terminated_by_peer", SessionEffect.DOWN),
  HANGUP("hangup", SessionEffect.DOWN),
  LINK_DOWN("link_down", SessionEffect.DOWN),
  PADT("padt", SessionEffect.DOWN),
  STATS("stats", SessionEffect.NONE),
  SIGNAL("signal", SessionEffect.DOWN),
  EXIT("exit", SessionEffect.DOWN),
  /** {@code sent [LCP EchoReq id=0x5 ...]}: this pppd asked its peer for an echo (debug dumps). */
  ECHO_REQUEST("echo_request", SessionEffect.NONE),
  /** {@code rcvd [LCP EchoRep id=0x5 ...]}: the peer answered that echo on this member's link. */
  ECHO_REPLY("echo_reply", SessionEffect.NONE);

  private final String jsonName;
  private final SessionEffect sessionEffect;

  PppdEventType(String jsonName, SessionEffect sessionEffect) {
    this.jsonName = jsonName;
    this.sessionEffect = sessionEffect;
  }

  /** The name used in JSON output and in the {@code event} metric tag. */
  public String jsonName() {
    return jsonName;
  }

  /** The effect of this event type whatever its fields (see the class comment for LCP). */
  public SessionEffect sessionEffect() {
    return sessionEffect;
  }
}
