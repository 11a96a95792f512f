package io.bondwatch.source.netdev;

/**
 * One thing in a {@code /proc/net/dev} text that could not be used.
 *
 * @param line 1-based line number, 0 for the file as a whole
 * @param message what was wrong, with the offending text
 */
public record NetDevProblem(int line, String message) {

  public NetDevProblem {
    if (line < 0) {
      throw new IllegalArgumentException("line must be >= 0, not " + line);
    }
    if (message == null || message.isBlank()) {
      throw new IllegalArgumentException("problem without a message");
    }
  }

  @Override
  public String toString() {
    return line == 0 ? message : "line " + line + ": " + message;
  }
}
