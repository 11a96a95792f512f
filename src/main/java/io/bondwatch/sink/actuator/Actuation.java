package io.bondwatch.sink.actuator;

import java.util.Locale;
import java.util.Objects;

/**
 * One attempt to change the system, and how it went (bondwatch_actuations_total{result}).
 *
 * @param what what was run or would have been run, for logs: "ip route replace default nexthop ..."
 * @param detail why it failed, or what a dry run would have done; empty when there is nothing to
 *     say
 */
public record Actuation(Result result, String what, String detail) {
  public enum Result {
    OK,
    ERROR,
    /** dry-run: what would have been done */
    SKIPPED;

    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public Actuation {
    Objects.requireNonNull(result, "result");
    Objects.requireNonNull(what, "what");
    Objects.requireNonNull(detail, "detail");
  }
}
