package io.bondwatch.source.pppd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.bondwatch.time.TimeSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * journald does not run on the build machines, so stand-in scripts play journalctl: asked for the
 * newest entry ({@code --lines=1}) they print one; following, they record their arguments and print
 * entries with cursors, or exit the way the test needs.
 */
class JournalSourceTest {
  @TempDir Path dir;
  private final List<String> got = new CopyOnWriteArrayList<>();
  private final List<TailerMetrics.CheckpointFallback> fallbacks = new CopyOnWriteArrayList<>();

  /** A journalctl that answers the newest-entry query with {@code newest} (may be empty). */
  private Path standIn(String newest, String... followBody) throws IOException {
    Path args = dir.resolve("args");
    Path script = dir.resolve("journalctl");
    List<String> lines = new ArrayList<>();
    lines.add("#!/bin/sh");
    lines.add("case \"$*\" in *--follow*) ;; *)");
    lines.add("  echo \"$*\" >> " + dir.resolve("queries"));
    lines.add("  " + (newest.isEmpty() ? "true" : "echo '" + newest + "'"));
    lines.add("  exit 0;; esac");
    lines.add("echo \"$*\" >> " + args);
    lines.add("n=$(wc -l < " + args + ")");
    lines.addAll(List.of(followBody));
    Files.writeString(script, String.join("\n", lines) + "\n");
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
    return script;
  }

  /** Prints one entry per run; exits on the first two runs and stays on the third. */
  private Path exitingTwice(String newest) throws IOException {
    return standIn(
        newest,
        "echo \"{\\\"__CURSOR\\\":\\\"s=c$n\\\",\\\"MESSAGE\\\":\\\"run $n\\\"}\"",
        "[ \"$n\" -ge 3 ] && exec sleep 60",
        "echo 'journalctl: a message that is not an entry'",
        "exit 1");
  }

  private JournalSource source(String executable) {
    JournalOptions opts =
        new JournalOptions(
            executable,
            JournalOptions.PPPD_MATCHES,
            dir.resolve("state/journal.json"),
            false,
            Duration.ofMillis(10),
            Duration.ofMillis(40));
    TailerMetrics metrics =
        new TailerMetrics() {
          @Override
          public void checkpointFallback(CheckpointFallback outcome) {
            fallbacks.add(outcome);
          }
        };
    return new JournalSource(opts, metrics, TimeSource.SYSTEM, Thread::new);
  }

  private List<String> runs() throws IOException {
    return Files.readAllLines(dir.resolve("args"));
  }

  @Test
  void restartsJournalctlAfterTheSavedCursorWhenItExits() throws IOException {
    Path script = exitingTwice("{\"__CURSOR\":\"s=tail\",\"MESSAGE\":\"old\"}");
    try (JournalSource s = source(script.toString())) {
      s.start(got::addAll);
      await().atMost(Duration.ofSeconds(20)).until(() -> got.size() == 3);
    }
    assertThat(got)
        .containsExactly(
            "{\"__CURSOR\":\"s=c1\",\"MESSAGE\":\"run 1\"}",
            "{\"__CURSOR\":\"s=c2\",\"MESSAGE\":\"run 2\"}",
            "{\"__CURSOR\":\"s=c3\",\"MESSAGE\":\"run 3\"}");
    List<String> runs = runs();
    assertThat(runs.get(0))
        .isEqualTo(
            "--follow --output=json --no-pager --after-cursor=s=tail SYSLOG_IDENTIFIER=pppd + _COMM=pppd");
    assertThat(runs.get(1)).contains("--after-cursor=s=c1").doesNotContain("--lines");
    assertThat(runs.get(2)).contains("--after-cursor=s=c2");
    assertThat(new CheckpointStore<>(dir.resolve("state/journal.json"), JournalCursor.class).load())
        .extracting(l -> l.record().orElseThrow().cursor())
        .isEqualTo("s=c3");
  }

  @Test
  void theStartPositionIsTakenBeforeStartReturns() throws IOException {
    Path script = exitingTwice("{\"__CURSOR\":\"s=tail\",\"MESSAGE\":\"old\"}");
    try (JournalSource s = source(script.toString())) {
      s.start(got::addAll);
      // an entry journald takes from now on comes after s=tail, which journalctl will resume after
      assertThat(Files.readAllLines(dir.resolve("queries")))
          .containsExactly(
              "--lines=1 --output=json --no-pager SYSLOG_IDENTIFIER=pppd + _COMM=pppd");
    }
  }

  @Test
  void withoutAnyPppdEntryYetTheWholeJournalIsFollowedSoNothingIsSkipped() throws IOException {
    Path script = exitingTwice("");
    try (JournalSource s = source(script.toString())) {
      s.start(got::addAll);
      await().atMost(Duration.ofSeconds(20)).until(() -> got.size() >= 1);
    }
    assertThat(runs().get(0)).contains("--lines=all").doesNotContain("--after-cursor");
  }

  @Test
  void damagedCursorGenerationsReadTheWholeJournalAndAreCounted() throws IOException {
    Files.createDirectories(dir.resolve("state"));
    Files.writeString(dir.resolve("state/journal.json.0"), "garbage");
    Files.write(dir.resolve("state/journal.json.1"), new byte[0]);
    Path script = exitingTwice("{\"__CURSOR\":\"s=tail\",\"MESSAGE\":\"old\"}");
    try (JournalSource s = source(script.toString())) {
      s.start(got::addAll);
      await().atMost(Duration.ofSeconds(20)).until(() -> got.size() >= 1);
    }
    assertThat(runs().get(0)).contains("--lines=all");
    assertThat(fallbacks).containsExactly(TailerMetrics.CheckpointFallback.FROM_START);
  }

  @Test
  void aCursorJournalctlRefusesIsDroppedForTheWholeJournalNotRetriedForever() throws IOException {
    new CheckpointStore<>(dir.resolve("state/journal.json"), JournalCursor.class)
        .save(new JournalCursor("s=unknown"));
    Path script =
        standIn(
            "",
            "case \"$*\" in *--after-cursor*)",
            "  echo 'Failed to seek to cursor: Invalid argument'; exit 1;; esac",
            "echo '{\"__CURSOR\":\"s=c1\",\"MESSAGE\":\"all\"}'",
            "exec sleep 60");
    try (JournalSource s = source(script.toString())) {
      s.start(got::addAll);
      await().atMost(Duration.ofSeconds(20)).until(() -> got.size() == 1);
    }
    assertThat(runs()).hasSize(2);
    assertThat(runs().get(1)).contains("--lines=all");
    assertThat(fallbacks).containsExactly(TailerMetrics.CheckpointFallback.FROM_START);
  }

  @Test
  void aJournalctlThatKeepsExitingIsAProblemUntilEntriesFlowAgain() throws IOException {
    Path script =
        standIn(
            "",
            "[ \"$n\" -ge 6 ] && { echo '{\"__CURSOR\":\"s=c\",\"MESSAGE\":\"back\"}'; exec sleep 60; }",
            "exit 1");
    try (JournalSource s = source(script.toString())) {
      s.start(got::addAll);
      await()
          .atMost(Duration.ofSeconds(20))
          .until(
              () ->
                  s.problems()
                      .equals(List.of("journal: journalctl keeps exiting, last with status 1")));
      await().atMost(Duration.ofSeconds(20)).until(() -> got.size() == 1);
      assertThat(s.problems()).isEmpty();
    }
  }

  @Test
  void missingJournalctlIsAClearErrorBeforeAnythingStarts() {
    JournalSource s = source(dir.resolve("no-such-journalctl").toString());
    assertThatThrownBy(() -> s.start(got::addAll))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("not found or not executable")
        .hasMessageContaining("sources.pppd.log");
    s.close();
  }

  @Test
  void backoffDoublesUpToItsMaximumAndResetsAfterAHealthyRun() {
    JournalBackoff b = new JournalBackoff(Duration.ofSeconds(1), Duration.ofSeconds(30));
    assertThat(b.after(Duration.ZERO)).hasSeconds(1);
    assertThat(b.after(Duration.ZERO)).hasSeconds(2);
    for (int i = 0; i < 10; i++) {
      b.after(Duration.ZERO);
    }
    assertThat(b.after(Duration.ZERO)).hasSeconds(30);
    assertThat(b.after(Duration.ofMinutes(5))).hasSeconds(1);
  }
}
