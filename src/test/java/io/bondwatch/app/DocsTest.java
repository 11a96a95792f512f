package io.bondwatch.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** What a newcomer reads first: the README, docs/ and --help say true things. */
class DocsTest {
  private static final Pattern CITED_MD = Pattern.compile("([A-Za-z0-9_.-]+\\.md)\\b");

  private static List<Path> docs() throws IOException {
    List<Path> docs = new ArrayList<>(List.of(Path.of("README.md")));
    try (Stream<Path> files = Files.list(Path.of("docs"))) {
      files.filter(p -> p.toString().endsWith(".md")).sorted().forEach(docs::add);
    }
    return docs;
  }

  @Test
  void everyMarkdownFileTheDocsCiteIsInTheRepository() throws IOException {
    Set<String> present;
    try (Stream<Path> all = Files.walk(Path.of("."))) {
      present =
          all.filter(p -> !p.startsWith("./target") && p.toString().endsWith(".md"))
              .map(p -> p.getFileName().toString())
              .collect(Collectors.toSet());
    }
    List<String> missing = new ArrayList<>();
    for (Path doc : docs()) {
      Matcher m = CITED_MD.matcher(Files.readString(doc));
      while (m.find()) {
        if (!present.contains(m.group(1))) {
          missing.add(doc + " cites " + m.group(1));
        }
      }
    }
    assertThat(missing).isEmpty();
  }

  @Test
  void helpSaysWhatBondwatchDoesAndThatItActsOnNothingYet() {
    StringWriter out = new StringWriter();
    CommandLine cl = Main.commandLine();
    cl.setOut(new PrintWriter(out));
    assertThat(cl.execute("--help")).isZero();
    assertThat(out.toString())
        .contains("It observes and reports only: it does not change any link yet.")
        .doesNotContain("acts when");
  }
}
