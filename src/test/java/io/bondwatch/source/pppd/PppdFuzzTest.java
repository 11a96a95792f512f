package io.bondwatch.source.pppd;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** No input makes the parser or the attributor throw (issue 3: fuzz the line parser). */
class PppdFuzzTest {

  private static final List<String> FIXTURE_LINES = fixtureLines();
  private static final List<String> PREFIXES =
      List.of(
          "",
          "<29>1 2025-03-02T10:45:07+00:00 host pppd 4711 - - ",
          "<5>",
          "<29>1 ",
          "Nov 24 10:00:01 host pppd[1]: ",
          "Nov  4 10:00:01 pppd: ",
          "pppd[",
          "pppd[1]",
          "Fri Mar 13 23:54:01 2020 daemon.info pppd[8679]: ",
          "Fri Mar 13 23:54:01 2020 ",
          "2023-08-10T14:45:43.092 pppd[4711]: ",
          "2023-08-10T14:45:43",
          "{\"MESSAGE\":",
          "pppoe[7]: ",
          "pppd[99999999999]: ",
          "<99999>");

  private final PppdLineParser parser = new PppdLineParser();

  @Property(tries = 3000)
  void parserNeverThrowsOnRandomStrings(@ForAll String line) {
    assertThat(parser.parse(line, 1)).isNotNull();
  }

  @Property(tries = 3000)
  void parserAndAttributorNeverThrowOnMutatedFixtureLines(
      @ForAll("mutatedLines") List<String> lines) {
    PppdAttributor attributor = new PppdAttributor(MultilinkLogs.MEMBERS);
    SessionTracker tracker = new SessionTracker(List.of("dsl1", "dsl2"));
    int n = 0;
    for (String line : lines) {
      ParseOutcome o = parser.parse(line, ++n);
      if (o.event() != null) {
        tracker.accept(attributor.accept(o.event()));
      }
    }
  }

  @Provide
  Arbitrary<List<String>> mutatedLines() {
    Arbitrary<String> prefix = Arbitraries.of(PREFIXES);
    Arbitrary<String> fixture = Arbitraries.of(FIXTURE_LINES);
    Arbitrary<String> noise = Arbitraries.strings().ofMaxLength(12);
    Arbitrary<String> line =
        Combinators.combine(
                prefix,
                fixture,
                noise,
                Arbitraries.integers().between(0, 200),
                Arbitraries.integers().between(0, 3))
            .as(PppdFuzzTest::mutate);
    return line.list().ofMaxSize(30);
  }

  private static String mutate(String prefix, String line, String noise, int at, int how) {
    int cut = Math.min(at, line.length());
    return switch (how) {
      case 0 -> prefix + line.substring(cut); // another prefix on a tail of a real line
      case 1 -> line.substring(0, cut) + noise + line.substring(cut); // inserted noise
      case 2 -> line.substring(0, cut); // truncated
      default -> prefix + line.substring(0, cut) + noise;
    };
  }

  private static List<String> fixtureLines() {
    List<String> out = new ArrayList<>();
    try (Stream<Path> files = Files.walk(Path.of("src/test/resources/pppd"))) {
      for (Path p : files.filter(f -> f.toString().endsWith(".log")).toList()) {
        out.addAll(Files.readAllLines(p));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }
}
