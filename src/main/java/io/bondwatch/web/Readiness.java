package io.bondwatch.web;

import java.util.ArrayList;
import java.util.List;

/**
 * What {@code /-/ready} answers: ready, or not ready with the reasons, one line each in the 503
 * body.
 */
public record Readiness(boolean ok, List<String> problems) {
  public static final Readiness READY = new Readiness(true, List.of());

  public Readiness {
    problems = List.copyOf(problems);
    if (ok != problems.isEmpty()) {
      throw new IllegalArgumentException(
          ok ? "a ready service has no problems" : "a service that is not ready says why");
    }
  }

  /** Not ready, for the reasons given (at least one). */
  public static Readiness notReady(String... problems) {
    return new Readiness(false, List.of(problems));
  }

  /** Ready exactly when there is no problem. */
  public static Readiness of(List<String> problems) {
    return new Readiness(problems.isEmpty(), problems);
  }

  /** Ready when both are; the problems of both otherwise. */
  public Readiness and(Readiness other) {
    if (other.ok) {
      return this;
    }
    if (ok) {
      return other;
    }
    List<String> all = new ArrayList<>(problems);
    all.addAll(other.problems);
    return of(all);
  }
}
