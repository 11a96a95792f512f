package io.bondwatch.sink.actuator;

import io.bondwatch.domain.control.Assignment;
import io.bondwatch.domain.control.Decision;
import java.util.List;

/**
 * Applies the controller's decisions to the system (a multipath route, commands, pppd) and reads
 * back what the system has. Implementations never throw: a failure is an {@link Actuation} with
 * result ERROR, retried by the actuator's own policy and counted by the caller.
 */
public interface Actuator extends AutoCloseable {

  /**
   * Brings the system to {@code desired}; {@code decisions} are the changes that led there (empty
   * when only re-applying). Idempotent: applying what is already there changes nothing.
   */
  List<Actuation> apply(Assignment desired, List<Decision> decisions);

  /**
   * Reads back what the system has and repairs any drift from {@code desired} (ip-route); nothing
   * for actuators that cannot read back. Called on a timer.
   */
  default List<Actuation> reconcile(Assignment desired) {
    return List.of();
  }

  /** What the system has now as this actuator last saw it; the desired one for dry-run. */
  Assignment applied();

  /** Its config name: dry-run, ip-route, command, pppd. */
  String type();

  @Override
  default void close() {}
}
