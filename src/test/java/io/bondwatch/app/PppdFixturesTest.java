package io.bondwatch.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every {@code .log} under test resources {@code pppd/fixtures} (the shared real-log fixtures) and
 * {@code pppd/multilink} (sequences written from pppd-behaviour.md 2-3) through the real command:
 * each expected object's fields must match exactly, {@code "event":null} lines must give no event,
 * other lines and extra fields are free (fixtures README).
 */
class PppdFixturesTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private static final java.util.function.Function<
          Path, java.util.List<io.bondwatch.source.pppd.MemberMatch>>
      REAL_LOADER = PppdEventsCommand.memberLoader;

  @AfterEach
  void restoreLoader() {
    PppdEventsCommand.memberLoader = REAL_LOADER;
  }

  static Stream<Path> logs() throws IOException, URISyntaxException {
    Path root = Path.of(PppdFixturesTest.class.getResource("/pppd").toURI());
    try (Stream<Path> all = Files.walk(root)) {
      return all.filter(p -> p.toString().endsWith(".log")).sorted().toList().stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("logs")
  void reportsWhatTheExpectedFileLists(Path log) throws IOException {
    String base = log.getFileName().toString().replaceFirst("\\.log$", "");
    Path expectedFile = log.resolveSibling(base + ".expected.jsonl");
    Path members = log.resolveSibling(base + ".members");
    String[] args;
    if (Files.exists(members)) {
      PppdEventsCommand.memberLoader = p -> MemberFile.read(members);
      args = new String[] {"--config", members.toString(), log.toString()};
    } else {
      args = new String[] {log.toString()};
    }

    PppdEventsRunner.Run run = PppdEventsRunner.run(args);

    assertThat(run.exitCode()).as(run.stderr()).isZero();
    Map<Integer, JsonNode> byLine = new HashMap<>();
    for (JsonNode e : run.events()) {
      assertThat(byLine.put(e.get("line").asInt(), e)).as("one event per line").isNull();
    }
    List<String> expected = Files.readAllLines(expectedFile);
    for (String text : expected) {
      if (text.isBlank()) {
        continue;
      }
      JsonNode want = MAPPER.readTree(text);
      int line = want.get("line").asInt();
      JsonNode got = byLine.get(line);
      if (want.get("event").isNull()) {
        assertThat(got).as("%s line %d must give no event", base, line).isNull();
        continue;
      }
      assertThat(got).as("%s line %d must give %s", base, line, want).isNotNull();
      for (Iterator<Map.Entry<String, JsonNode>> it = want.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> f = it.next();
        assertThat(got.get(f.getKey()))
            .as("%s line %d field %s in %s", base, line, f.getKey(), got)
            .isEqualTo(f.getValue());
      }
    }
  }
}
