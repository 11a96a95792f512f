package io.bondwatch.app.init;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Parses {@code ip -j route show default}: plain routes and multipath {@code nexthops}. */
public final class DefaultRoutes {
  private DefaultRoutes() {}

  /**
   * The next hops in the text, in order, each device once.
   *
   * @throws IllegalArgumentException with a readable reason when the text is not such JSON
   */
  public static List<Nexthop> parse(String json) {
    JsonNode root = IpJson.array(json, "ip -j route show default");
    List<Nexthop> hops = new ArrayList<>();
    for (JsonNode route : root) {
      if (route.has("nexthops")) {
        for (JsonNode hop : route.path("nexthops")) {
          add(hops, hop);
        }
      } else {
        add(hops, route);
      }
    }
    return hops;
  }

  private static void add(List<Nexthop> hops, JsonNode hop) {
    String dev = hop.path("dev").asText("");
    if (dev.isEmpty() || hops.stream().anyMatch(h -> h.dev().equals(dev))) {
      return;
    }
    String gw = hop.path("gateway").asText("");
    hops.add(new Nexthop(dev, gw.isEmpty() ? null : gw));
  }
}
