package io.bondwatch.config;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Config text composed into SnakeYAML's node tree (never constructed into objects, so no tag can
 * instantiate anything), within limits that stop YAML bombs. Every failure is one problem with its
 * line: SnakeYAML marks syntax errors, but its limit and special-character errors carry no mark, so
 * the line is taken from where the reader had got to, or from the text itself.
 */
final class YamlDocument {
  static final int MAX_ALIASES = 50;
  static final int MAX_DEPTH = 50;

  private YamlDocument() {}

  /** The root node (null for a document of comments only), or the one problem that stops it. */
  static Node compose(String yaml) throws YamlFailure {
    LoaderOptions options = new LoaderOptions();
    options.setMaxAliasesForCollections(MAX_ALIASES);
    options.setNestingDepthLimit(MAX_DEPTH);
    options.setCodePointLimit(ConfigFile.MAX_BYTES);
    int special = firstSpecialCharacter(yaml);
    if (special >= 0) {
      throw new YamlFailure(
          String.format(
              "YAML syntax error: special character U+%04X is not allowed; remove it, or write it"
                  + " as an escape (\\u%04x) inside double quotes",
              yaml.codePointAt(special), yaml.codePointAt(special)),
          lineAt(yaml, special));
    }
    StreamReader reader = new StreamReader(yaml);
    try {
      return new Composer(new ParserImpl(reader, options), new Resolver(), options).getSingleNode();
    } catch (MarkedYAMLException e) {
      Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
      String what = e.getProblem() != null ? e.getProblem() : firstLine(e.getMessage());
      throw new YamlFailure("YAML syntax error: " + what, mark == null ? 0 : mark.getLine() + 1);
    } catch (YAMLException e) {
      throw new YamlFailure("YAML error: " + limitMessage(e), reader.getMark().getLine() + 1);
    }
  }

  /** SnakeYAML's wording of its limits, said for a person reading a config. */
  private static String limitMessage(YAMLException e) {
    String m = firstLine(e.getMessage());
    if (m.startsWith("Nesting Depth exceeded")) {
      return "nested more than " + MAX_DEPTH + " levels deep";
    }
    if (m.startsWith("Number of aliases")) {
      return "more than "
          + MAX_ALIASES
          + " aliases to lists or mappings (a config needs few; this looks like a YAML bomb)";
    }
    if (m.contains("exceeds the limit")) {
      return "longer than " + ConfigFile.MAX_BYTES + " characters";
    }
    return m;
  }

  /** The index of the first character YAML forbids (controls other than tab, LF, CR), or -1. */
  private static int firstSpecialCharacter(String text) {
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      if (!StreamReader.isPrintable(c)) {
        return i;
      }
      i += Character.charCount(c);
    }
    return -1;
  }

  private static int lineAt(String text, int end) {
    int line = 1;
    for (int i = 0; i < end; i++) {
      if (text.charAt(i) == '\n') {
        line++;
      }
    }
    return line;
  }

  private static String firstLine(String text) {
    if (text == null) {
      return "unknown error";
    }
    int newline = text.indexOf('\n');
    return newline < 0 ? text : text.substring(0, newline);
  }

  /** Why the text is not a YAML document, and where. */
  static final class YamlFailure extends Exception {
    private final int line;

    YamlFailure(String message, int line) {
      super(message, null, false, false);
      this.line = line;
    }

    int line() {
      return line;
    }
  }
}
