package io.bondwatch.config;

/**
 * {@code actuator.route:} the multipath route the ip-route actuator owns.
 *
 * @param destination default {@code default}; or an address with optional prefix length
 * @param table default {@code main}; a table name or number
 */
public record ActuatorRoute(String destination, String table) {
  public ActuatorRoute {
    Checks c = new Checks();
    c.matches(
        destination,
        Hosts::isRouteDestination,
        "destination",
        "is not 'default' or an address/prefix");
    c.matches(
        table,
        t -> t.matches("[A-Za-z0-9_-]{1,64}"),
        "table",
        "is not a route table name or number");
    c.throwIfAny();
  }

  public static ActuatorRoute defaults() {
    return new ActuatorRoute("default", "main");
  }
}
