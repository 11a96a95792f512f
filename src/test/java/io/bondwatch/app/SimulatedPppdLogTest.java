package io.bondwatch.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.bondwatch.source.pppd.MemberMatch;
import io.bondwatch.source.pppd.PppdAttributor;
import io.bondwatch.source.pppd.PppdLineParser;
import io.bondwatch.source.pppd.SessionChange;
import io.bondwatch.source.pppd.SessionTracker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulatedPppdLogTest {
  @TempDir Path dir;

  @Test
  void aLongOutageLogsAnEchoFailureAndANewPppdRejoinsTheBundle() throws Exception {
    SimulatedPppdLog log =
        new SimulatedPppdLog(
            dir.resolve("messages"),
            List.of(
                new SimulatedPppdLog.Link("sim1", t -> true),
                new SimulatedPppdLog.Link("sim2", t -> t < 25 || t >= 40 && (t < 70 || t >= 73))));
    LocalDateTime wall = LocalDateTime.of(2026, 11, 24, 10, 0, 0);
    for (int s = 0; s < 80; s++) {
      log.writeAt(s, wall.plusSeconds(s));
    }

    // what the real parser, attribution and session tracker make of it
    PppdLineParser parser = new PppdLineParser();
    PppdAttributor attributor =
        new PppdAttributor(
            List.of(
                new MemberMatch("dsl1", "sim1", null, null),
                new MemberMatch("dsl2", "sim2", null, null)));
    SessionTracker tracker = new SessionTracker(Set.of("dsl1", "dsl2"));
    List<String> changes = new ArrayList<>();
    int n = 0;
    for (String line : Files.readAllLines(dir.resolve("messages"))) {
      var outcome = parser.parse(line, ++n);
      assertThat(outcome.event()).as(line).isNotNull();
      for (SessionChange c : tracker.accept(attributor.accept(outcome.event()))) {
        changes.add(c.member() + " " + c.state());
      }
    }
    assertThat(changes)
        .containsExactly("dsl1 UP", "dsl2 UP", "dsl2 DOWN", "dsl2 UP")
        .as("the 3 s flap at 70 s is too short for pppd to notice");
  }
}
