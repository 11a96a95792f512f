package io.bondwatch.source.pppd;

/** What reading pppd's log counts; no-op defaults, bound to Micrometer by the service. */
public interface PppdMetrics {
  PppdMetrics NONE = new PppdMetrics() {};

  /** One line, by how the parser took it: {@link ParseOutcome.Result#tag()}. */
  default void onLogLine(String result) {}

  /** One event, attributed to {@code member} ("" when it could not be attributed). */
  default void onPppdEvent(String member, String event) {}
}
