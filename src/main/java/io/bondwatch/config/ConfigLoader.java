package io.bondwatch.config;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
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
  static final long MAX_BYTES = 1 << 20;

  private ConfigLoader() {}

  public static ConfigResult load(Path file) {
    String name = file.toString();
    try {
      if (Files.isDirectory(file)) {
        return invalid("cannot read config file " + name + ": it is a directory");
      }
      if (Files.size(file) > MAX_BYTES) {
        return invalid("config file " + name + " is larger than 1 MiB; is it the right file?");
      }
      return parse(decode(Files.readAllBytes(file), name), name);
    } catch (NoSuchFileException e) {
      return invalid("config file " + name + " does not exist");
    } catch (AccessDeniedException e) {
      return invalid("cannot read config file " + name + ": permission denied");
    } catch (CharacterCodingException e) {
      return invalid("config file " + name + " is not UTF-8 text");
    } catch (IOException | RuntimeException e) {
      return invalid("cannot read config file " + name + ": " + e);
    }
  }

  private static String decode(byte[] bytes, String name) throws CharacterCodingException {
    return StandardCharsets.UTF_8
        .newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT)
        .decode(ByteBuffer.wrap(bytes))
        .toString();
  }

  /** Parses config text; {@code sourceName} names it in whole-file messages. */
  public static ConfigResult parse(String yaml, String sourceName) {
    if (yaml.isBlank()) {
      return invalid("config file " + sourceName + " is empty");
    }
    Node root;
    try {
      root = new Yaml(loaderOptions()).compose(new StringReader(yaml));
    } catch (MarkedYAMLException e) {
      Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
      String what = e.getProblem() != null ? e.getProblem() : firstLine(e.getMessage());
      return new ConfigResult.Invalid(
          List.of(
              new ConfigProblem(
                  "", "YAML syntax error: " + what, mark == null ? 0 : mark.getLine() + 1)));
    } catch (YAMLException e) {
      return invalid("YAML error: " + firstLine(e.getMessage()));
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
      return new ConfigResult.Valid(config);
    }
    List<ConfigProblem> problems = new java.util.ArrayList<>(context.problems());
    problems.sort(Comparator.comparingInt(ConfigProblem::line)); // stable: file order
    return new ConfigResult.Invalid(problems);
  }

  private static LoaderOptions loaderOptions() {
    LoaderOptions options = new LoaderOptions();
    options.setMaxAliasesForCollections(50); // YAML bombs
    options.setNestingDepthLimit(50);
    options.setCodePointLimit((int) MAX_BYTES);
    return options;
  }

  private static String firstLine(String text) {
    if (text == null) {
      return "unknown error";
    }
    int newline = text.indexOf('\n');
    return newline < 0 ? text : text.substring(0, newline);
  }

  private static ConfigResult invalid(String message) {
    return new ConfigResult.Invalid(List.of(new ConfigProblem("", message, 0)));
  }
}
