package io.bondwatch.config;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * One node of the YAML tree with its key path. Every accessor either returns a value or reports a
 * problem at this path and line and returns null, so a null always has a reported reason.
 */
final class YamlValue {
  private static final int MAX_QUOTED = 60;

  private final Node node;
  private final String path;
  private final ReadContext context;

  YamlValue(Node node, String path, ReadContext context) {
    this.node = node;
    this.path = path;
    this.context = context;
    context.recordLine(path, line());
    context.checkTag(node, path, line());
  }

  String path() {
    return path;
  }

  int line() {
    return lineOf(node);
  }

  static int lineOf(Node node) {
    Mark mark = node.getStartMark();
    return mark == null ? 0 : mark.getLine() + 1;
  }

  ReadContext context() {
    return context;
  }

  void problem(String message) {
    context.report(path, message, line());
  }

  /** This node as a mapping that may hold only {@code keys}; unknown keys are reported. */
  YamlMap map(String... keys) {
    if (node instanceof MappingNode mapping) {
      return new YamlMap(this, mapping, List.of(keys));
    }
    problem(
        "expected a mapping (key: value) with keys "
            + String.join(", ", keys)
            + ", got "
            + describe());
    return null;
  }

  /** Each item of this list read by {@code reader}; null if this is no list or any item failed. */
  <T> List<T> listOf(Function<YamlValue, T> reader) {
    if (!(node instanceof SequenceNode sequence)) {
      problem("expected a list, got " + describe());
      return null;
    }
    List<T> items = new ArrayList<>();
    boolean failed = false;
    List<Node> nodes = sequence.getValue();
    for (int i = 0; i < nodes.size(); i++) {
      T item = reader.apply(new YamlValue(nodes.get(i), path + "[" + i + "]", context));
      failed |= item == null;
      items.add(item);
    }
    return failed ? null : items;
  }

  <T> List<T> listOfValues(ValueParser<T> parser) {
    return listOf(item -> item.as(parser));
  }

  /** The scalar text, or null (reported) for a mapping, a list or an empty value. */
  String text() {
    String raw = rawText();
    if (raw == null) {
      problem(
          node instanceof ScalarNode
              ? "has no value"
              : "expected a single value, got " + describe());
    }
    return raw;
  }

  /** The scalar text, or null for anything else; reports nothing. */
  String rawText() {
    if (node instanceof ScalarNode scalar && !Tag.NULL.equals(scalar.getTag())) {
      return scalar.getValue();
    }
    return null;
  }

  /** The value as written, for messages: a scalar, or a list of scalars as {@code [a, b]}. */
  String shownText() {
    if (node instanceof SequenceNode sequence) {
      List<String> items = new ArrayList<>();
      for (Node item : sequence.getValue()) {
        String text = new YamlValue(item, path, context).rawText();
        items.add(text == null ? "..." : text);
      }
      return "[" + String.join(", ", items) + "]";
    }
    return rawText();
  }

  <T> T as(ValueParser<T> parser) {
    String text = text();
    if (text == null) {
      return null;
    }
    try {
      T value = parser.parse(text);
      Placeholders.warning(text).ifPresent(w -> context.warn(path, quote(text) + " " + w, line()));
      return value;
    } catch (IllegalArgumentException e) {
      problem(quote(text) + " " + e.getMessage());
      return null;
    }
  }

  String describe() {
    if (node instanceof MappingNode) {
      return "a mapping";
    }
    if (node instanceof SequenceNode) {
      return "a list";
    }
    String raw = rawText();
    return raw == null ? "no value" : quote(raw);
  }

  /** A value as messages show it: in quotes, on one line, cut when long. */
  static String quote(String text) {
    StringBuilder out = new StringBuilder("'");
    int shown = 0;
    for (int i = 0; i < text.length() && shown < MAX_QUOTED; i++, shown++) {
      char c = text.charAt(i);
      if (c == '\n') {
        out.append("\\n");
      } else if (c == '\t') {
        out.append("\\t");
      } else if (Character.isISOControl(c)) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.append(text.length() > MAX_QUOTED ? "...'" : "'").toString();
  }
}
