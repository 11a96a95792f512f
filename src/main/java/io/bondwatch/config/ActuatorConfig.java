package io.bondwatch.config;

/**
 * {@code actuator:} section: how decisions are applied (acted on by the controller issue; until
 * then bondwatch only observes).
 *
 * @param type default {@code dry-run}: a new install changes nothing until told to
 * @param route for ip-route; defaults to {@code { destination: default, table: main }}
 * @param commands {@code drop, restore, weight, timeout} at the top of the section; the command
 *     actuator needs drop and restore (and weight in weighted mode)
 */
public record ActuatorConfig(ActuatorType type, ActuatorRoute route, CommandTemplates commands) {
  public ActuatorConfig {
    Checks c = new Checks();
    c.present(type, "type");
    c.present(route, "route");
    c.present(commands, "commands");
    c.throwIfAny();
  }

  public static ActuatorConfig defaults() {
    return new ActuatorConfig(
        ActuatorType.DRY_RUN, ActuatorRoute.defaults(), CommandTemplates.none());
  }
}
