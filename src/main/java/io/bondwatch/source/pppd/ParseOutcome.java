package io.bondwatch.source.pppd;

import java.util.Objects;

/**
 * What {@link PppdLineParser} made of one line; {@link #result()} feeds {@code
 * bondwatch_log_lines_total{result}}.
 *
 * @param result parsed (an event), ignored (not pppd, or pppd text that is no event) or malformed
 *     (pppd text that a known message should match but does not parse, or broken JSON)
 * @param event the event when parsed, else null
 * @param problem what was wrong when malformed, else null
 */
public record ParseOutcome(Result result, PppdEvent event, String problem) {

  /** The metric tag values. */
  public enum Result {
    PARSED("parsed"),
    IGNORED("ignored"),
    MALFORMED("malformed");

    private final String tag;

    Result(String tag) {
      this.tag = tag;
    }

    public String tag() {
      return tag;
    }
  }

  /** Shared so that the common case (not a pppd line) allocates nothing. */
  public static final ParseOutcome IGNORED = new ParseOutcome(Result.IGNORED, null, null);

  public ParseOutcome {
    Objects.requireNonNull(result, "result");
    if ((result == Result.PARSED) != (event != null)) {
      throw new IllegalArgumentException("an event goes with PARSED and only with it");
    }
    if ((result == Result.MALFORMED) != (problem != null)) {
      throw new IllegalArgumentException("a problem goes with MALFORMED and only with it");
    }
  }

  public static ParseOutcome parsed(PppdEvent event) {
    return new ParseOutcome(Result.PARSED, event, null);
  }

  public static ParseOutcome malformed(String problem) {
    return new ParseOutcome(Result.MALFORMED, null, problem);
  }
}
