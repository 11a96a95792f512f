package io.bondwatch.config;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads and validates a config file as a whole: YAML syntax, every key and value, then {@link
 * ConfigRules}. Walks SnakeYAML's node tree (not a data binding) so that every problem has its
 * line. Never throws for any input; every problem is returned, not only the first.
 *
 * <p>Cross-section rules run only once every section reads cleanly, since they need whole records;
 * fixing the value problems may therefore reveal rule problems.
 */
public final class ConfigLoader {
  /** Larger files are not configs; refusing them keeps a wrong --config from eating memory. */
  static final long MAX_BYTES = ConfigFile.MAX_BYTES;

  private ConfigLoader() {}

  public static ConfigResult load(Path file) {
    ConfigFile.Read read = ConfigFile.read(file);
    if (read instanceof ConfigFile.Failure f) {
      return new ConfigResult.Invalid(List.of(new ConfigProblem("", f.message(), f.line())));
    }
    return parse(((ConfigFile.Text) read).text(), file.toString());
  }

  /** Parses config text; {@code sourceName} names it in whole-file messages. */
  public static ConfigResult parse(String yaml, String sourceName) {
    if (yaml.isBlank()) {
      return invalid("config file " + sourceName + " is empty");
    }
    Node root;
    try {
      root = YamlDocument.compose(yaml);
    } catch (YamlDocument.YamlFailure e) {
      return new ConfigResult.Invalid(List.of(new ConfigProblem("", e.getMessage(), e.line())));
    }
    if (root == null) {
      return invalid("config file " + sourceName + " is empty (only comments)");
    }
    try {
      return validate(root);
    } catch (RuntimeException | StackOverflowError e) {
      // A bug of ours, not of the file: still one line, never a stack trace on the console.
      return invalid("internal error while checking " + sourceName + " (please report): " + e);
    }
  }

  private static ConfigResult validate(Node root) {
    ReadContext context = new ReadContext();
    BondwatchConfig config = ConfigReader.read(new YamlValue(root, "", context));
    if (config != null) {
      for (ConfigProblem p : ConfigRules.check(config)) {
        context.report(p.path(), p.message(), context.lineOf(p.path()));
      }
    }
    if (context.problemCount() == 0) {
      return new ConfigResult.Valid(config, inFileOrder(context.warnings()));
    }
    return new ConfigResult.Invalid(inFileOrder(context.problems()));
  }

  private static List<ConfigProblem> inFileOrder(List<ConfigProblem> found) {
    List<ConfigProblem> sorted = new java.util.ArrayList<>(found);
    sorted.sort(Comparator.comparingInt(ConfigProblem::line)); // stable: reading order in a line
    return sorted;
  }

  private static ConfigResult invalid(String message) {
    return new ConfigResult.Invalid(List.of(new ConfigProblem("", message, 0)));
  }
}
