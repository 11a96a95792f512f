package io.bondwatch.config;

/** {@code actuator.type}: {@code dry-run} (default), {@code ip-route} or {@code command}. */
public enum ActuatorType {
  /** Logs and counts what it would do; changes nothing. */
  DRY_RUN,
  /** Owns one multipath route and sets its next hops ({@code ip route replace}). */
  IP_ROUTE,
  /** Runs the configured argv templates, without a shell. */
  COMMAND
}
