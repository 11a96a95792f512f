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
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * journald does not run on the build machines, so a stand-in script plays journalctl: it records
 * its arguments, prints one JSON entry with a cursor, and exits on its first two runs.
 */
class JournalSourceTest {
  @TempDir Path dir;
  private final List<String> got = new CopyOnWriteArrayList<>();

  private Path standIn() throws IOException {
    Path args = dir.resolve("args");
    Path script = dir.resolve("journalctl");
    Files.writeString(
        script,
        String.join(
            "\n",
            "#!/bin/sh",
            "echo \"$*\" >> " + args,
            "n=$(wc -l < " + args + ")",
            "echo \"{\\\"__CURSOR\\\":\\\"s=c$n\\\",\\\"MESSAGE\\\":\\\"run $n\\\"}\"",
            "[ \"$n\" -ge 3 ] && exec sleep 60",
            "echo 'journalctl: a message that is not an entry'",
            "exit 1",
            ""));
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
    return script;
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
    return new JournalSource(opts, TailerMetrics.NONE, TimeSource.SYSTEM, Thread::new);
  }

  @Test
  void restartsJournalctlAfterTheSavedCursorWhenItExits() throws IOException {
    Path script = standIn();
    try (JournalSource s = source(script.toString())) {
      s.start(got::addAll);
      await().atMost(Duration.ofSeconds(20)).until(() -> got.size() == 3);
    }
    assertThat(got)
        .containsExactly(
            "{\"__CURSOR\":\"s=c1\",\"MESSAGE\":\"run 1\"}",
            "{\"__CURSOR\":\"s=c2\",\"MESSAGE\":\"run 2\"}",
            "{\"__CURSOR\":\"s=c3\",\"MESSAGE\":\"run 3\"}");
    List<String> runs = Files.readAllLines(dir.resolve("args"));
    assertThat(runs.get(0))
        .isEqualTo(
            "--follow --output=json --no-pager --lines=0 SYSLOG_IDENTIFIER=pppd + _COMM=pppd");
    assertThat(runs.get(1)).contains("--after-cursor=s=c1").doesNotContain("--lines");
    assertThat(runs.get(2)).contains("--after-cursor=s=c2");
    assertThat(Files.readString(dir.resolve("state/journal.json"))).contains("s=c3");
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
