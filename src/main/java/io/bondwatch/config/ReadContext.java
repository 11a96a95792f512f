package io.bondwatch.config;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Shared state of one config read: every problem found, and the line of every key path seen. */
final class ReadContext {
  private final List<ConfigProblem> problems = new ArrayList<>();
  private final Map<String, Integer> lines = new HashMap<>();

  void report(String path, String message, int line) {
    problems.add(new ConfigProblem(path, message, line));
  }

  int problemCount() {
    return problems.size();
  }

  List<ConfigProblem> problems() {
    return List.copyOf(problems);
  }

  void recordLine(String path, int line) {
    lines.putIfAbsent(path, line);
  }

  /** The line of {@code path}, or of its nearest ancestor that was in the file (0 if none). */
  int lineOf(String path) {
    for (String p = path; ; p = parent(p)) {
      Integer line = lines.get(p);
      if (line != null) {
        return line;
      }
      if (p.isEmpty()) {
        return 0;
      }
    }
  }

  static String parent(String path) {
    int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
    return cut < 0 ? "" : path.substring(0, cut);
  }
}
