package io.bondwatch.app.init;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Which interfaces cannot be a member of a bond, from {@code ip -j -d link show}: loopback, ports
 * of a bridge or bond (the bridge or bond is the interface that carries traffic), and kinds that
 * never carry a WAN link (veth pairs of containers, ifb, dummy, bridges, vrf). Physical NICs,
 * VLANs, macvlans, ppp and tunnel devices stay candidates: each can be an uplink.
 */
public final class NotMembers {
  private static final Set<String> LOCAL_KINDS = Set.of("veth", "ifb", "dummy", "bridge", "vrf");

  private NotMembers() {}

  /**
   * Each excluded interface with the reason, in the order ip lists them.
   *
   * @throws IllegalArgumentException with a readable reason when the text is not such JSON
   */
  public static Map<String, String> parse(String json) {
    JsonNode root = IpJson.array(json, "ip -j -d link show");
    Map<String, String> excluded = new LinkedHashMap<>();
    for (JsonNode link : root) {
      String name = link.path("ifname").asText("");
      String why = reason(link);
      if (!name.isEmpty() && why != null) {
        excluded.put(name, why);
      }
    }
    return excluded;
  }

  private static String reason(JsonNode link) {
    if ("loopback".equals(link.path("link_type").asText())) {
      return "loopback";
    }
    JsonNode info = link.path("linkinfo");
    String slaveOf = info.path("info_slave_kind").asText("");
    if (!slaveOf.isEmpty()) {
      return "a port of " + slaveOf + " " + link.path("master").asText("?");
    }
    String kind = info.path("info_kind").asText("");
    return LOCAL_KINDS.contains(kind) ? kind : null;
  }
}
