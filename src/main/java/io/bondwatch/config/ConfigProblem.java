package io.bondwatch.config;

import java.util.Objects;

/**
 * One thing wrong with a config file.
 *
 * @param path key path with 0-based list indexes ({@code members[1].probe.target}); empty for a
 *     problem with the file as a whole
 * @param message what is wrong, naming the bad value
 * @param line 1-based YAML line, 0 when there is none
 */
public record ConfigProblem(String path, String message, int line) {
  public ConfigProblem {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(message, "message");
    if (line < 0) {
      throw new IllegalArgumentException("line must not be negative: " + line);
    }
  }

  /** The one-line form that check-config prints: {@code path: message (line N)}. */
  public String render() {
    String text = path.isEmpty() ? message : path + ": " + message;
    return line > 0 ? text + " (line " + line + ")" : text;
  }

  @Override
  public String toString() {
    return render();
  }
}
