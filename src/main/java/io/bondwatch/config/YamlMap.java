package io.bondwatch.config;

import io.bondwatch.config.ConfigValueException.Violation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * A YAML mapping read as one config section. Unknown and duplicate keys are reported when it is
 * made; values are read by key; {@link #build} turns the section into its record.
 */
final class YamlMap {
  private final YamlValue self;
  private final Map<String, YamlValue> values = new LinkedHashMap<>();
  private final int problemsBefore;

  YamlMap(YamlValue self, MappingNode node, List<String> keys) {
    this.self = self;
    this.problemsBefore = self.context().problemCount();
    Map<String, Integer> keyLines = new LinkedHashMap<>();
    for (NodeTuple tuple : node.getValue()) {
      Node keyNode = tuple.getKeyNode();
      int keyLine = YamlValue.lineOf(keyNode);
      if (!(keyNode instanceof ScalarNode scalar) || Tag.NULL.equals(scalar.getTag())) {
        report(self.path(), "keys must be plain names, got a complex or empty key", keyLine);
        continue;
      }
      String key = scalar.getValue();
      // a stray key may hold anything, newlines too; keep the path to one readable line
      String path = child(key.matches("[A-Za-z0-9_-]{1,40}") ? key : YamlValue.quote(key));
      self.context().checkTag(keyNode, path, keyLine);
      if (keyLines.containsKey(key)) {
        report(path, "duplicate key (first at line " + keyLines.get(key) + ")", keyLine);
      } else if (key.equals("<<")) {
        report(path, "YAML merge keys (<<) are not supported; write the keys out", keyLine);
      } else if (!keys.contains(key)) {
        String hint = DidYouMean.suggest(key, keys);
        report(
            path,
            "unknown key"
                + (hint.isEmpty() ? " (known here: " + String.join(", ", keys) + ")" : hint),
            keyLine);
      } else {
        values.put(key, new YamlValue(tuple.getValueNode(), path, self.context()));
      }
      keyLines.putIfAbsent(key, keyLine);
    }
  }

  private void report(String path, String message, int line) {
    self.context().report(path, message, line);
  }

  String child(String key) {
    return self.path().isEmpty() ? key : self.path() + "." + key;
  }

  boolean has(String key) {
    return values.containsKey(key);
  }

  /** The value of {@code key}, or {@code fallback} when the key is absent. */
  <T> T get(String key, ValueParser<T> parser, T fallback) {
    YamlValue value = values.get(key);
    return value == null ? fallback : value.as(parser);
  }

  <T> T required(String key, ValueParser<T> parser) {
    return requiredSection(key, value -> value.as(parser));
  }

  /** A nested section read by {@code reader}, or {@code fallback} when the key is absent. */
  <T> T section(String key, Function<YamlValue, T> reader, T fallback) {
    YamlValue value = values.get(key);
    return value == null ? fallback : reader.apply(value);
  }

  <T> T requiredSection(String key, Function<YamlValue, T> reader) {
    YamlValue value = values.get(key);
    if (value == null) {
      report(child(key), "is required but missing", self.line());
      return null;
    }
    return reader.apply(value);
  }

  /**
   * Makes the section's record, unless a problem was reported while reading the section. A record
   * that rejects its values has each broken field reported at its own key and line.
   */
  <T> T build(Supplier<T> constructor) {
    if (self.context().problemCount() > problemsBefore) {
      return null;
    }
    try {
      return constructor.get();
    } catch (ConfigValueException e) {
      e.violations().forEach(this::report);
      return null;
    }
  }

  private void report(Violation violation) {
    if (violation.field().isEmpty()) {
      self.problem(violation.message());
      return;
    }
    YamlValue value = values.get(violation.field());
    if (value == null) {
      String shown = violation.value() == null ? "" : " " + violation.value();
      report(
          child(violation.field()), "the default" + shown + " " + violation.message(), self.line());
    } else {
      String raw = value.shownText();
      value.problem(
          raw == null ? violation.message() : YamlValue.quote(raw) + " " + violation.message());
    }
  }
}
