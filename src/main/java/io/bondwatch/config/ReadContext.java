package io.bondwatch.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Shared state of one config read: every problem and warning found, and the line of every key path
 * seen.
 */
final class ReadContext {
  private final List<ConfigProblem> problems = new ArrayList<>();
  private final List<ConfigProblem> warnings = new ArrayList<>();
  private final Map<String, Integer> lines = new HashMap<>();
  // an aliased node is read at several paths; its tag is reported once
  private final Set<Node> tagsChecked = Collections.newSetFromMap(new IdentityHashMap<>());

  /**
   * The tags plain YAML gives by itself. Any other ({@code !foo}, {@code !!binary}) means the
   * writer expected a meaning that bondwatch, which reads plain values only, would silently drop.
   */
  private static final Set<Tag> PLAIN_TAGS =
      Set.of(
          Tag.STR,
          Tag.INT,
          Tag.FLOAT,
          Tag.BOOL,
          Tag.NULL,
          Tag.TIMESTAMP,
          Tag.MAP,
          Tag.SEQ,
          Tag.MERGE);

  void report(String path, String message, int line) {
    problems.add(new ConfigProblem(path, message, line));
  }

  /** Something valid that is probably not meant: shown, but the config is still accepted. */
  void warn(String path, String message, int line) {
    warnings.add(new ConfigProblem(path, message, line));
  }

  List<ConfigProblem> warnings() {
    return List.copyOf(warnings);
  }

  int problemCount() {
    return problems.size();
  }

  List<ConfigProblem> problems() {
    return List.copyOf(problems);
  }

  /** Reports a tag outside {@link #PLAIN_TAGS} on {@code node}, read at {@code path}. */
  void checkTag(Node node, String path, int line) {
    Tag tag = node.getTag();
    if (!PLAIN_TAGS.contains(tag) && tagsChecked.add(node)) {
      String shown =
          tag.getValue().startsWith(Tag.PREFIX)
              ? "!!" + tag.getValue().substring(Tag.PREFIX.length())
              : tag.getValue();
      report(
          path,
          "has YAML tag "
              + YamlValue.quote(shown)
              + ", which bondwatch does not read; remove it (plain values only)",
          line);
    }
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
