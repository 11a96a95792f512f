package io.bondwatch.source.pppd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.bondwatch.time.TimeSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The threaded tailer on real files: change notification, waiting for a file, orderly close. */
class FileTailerTest {
  @TempDir Path dir;
  private final List<String> got = new CopyOnWriteArrayList<>();

  private FileTailer tailer(Path log) {
    TailerOptions opts = TailerOptions.of(log, dir.resolve("state")).withFromStart(true);
    return new FileTailer(opts, TailerMetrics.NONE, TimeSource.SYSTEM, Thread::new);
  }

  @Test
  void deliversLinesAppendedWhileRunningAndThroughARename() throws IOException {
    Path log = dir.resolve("pppd.log");
    Files.writeString(log, "a1\n");
    try (FileTailer t = tailer(log)) {
      t.start(got::addAll);
      await().atMost(Duration.ofSeconds(10)).until(() -> got.size() == 1);
      Files.writeString(log, "a2\n", StandardOpenOption.APPEND);
      Files.move(log, dir.resolve("pppd.log.1"));
      Files.writeString(log, "b1\n");
      await().atMost(Duration.ofSeconds(10)).until(() -> got.size() == 3);
    }
    assertThat(got).containsExactly("a1", "a2", "b1");
  }

  @Test
  void waitsForADirectoryAndFileThatDoNotExistYet() throws IOException {
    Path log = dir.resolve("later/pppd.log");
    try (FileTailer t = tailer(log)) {
      t.start(got::addAll);
      Files.createDirectories(log.getParent());
      Files.writeString(log, "first\n");
      await().atMost(Duration.ofSeconds(10)).until(() -> got.size() == 1);
    }
    assertThat(got).containsExactly("first");
  }

  @Test
  void aLineAppendedOnceStartReturnsIsNeverSkippedEvenUnderABusyWriter() throws Exception {
    Path log = dir.resolve("busy.log");
    Files.writeString(log, "before\n");
    try (NumberedLineWriter writer = new NumberedLineWriter(log, 20_000)) {
      writer.start();
      for (int i = 0; i < 100; i++) {
        List<String> seen = new CopyOnWriteArrayList<>();
        TailerOptions opts = TailerOptions.of(log, dir.resolve("state-" + i)); // a first start
        try (FileTailer t =
            new FileTailer(opts, TailerMetrics.NONE, TimeSource.SYSTEM, Thread::new)) {
          t.start(seen::addAll);
          append(log, "mark " + i);
          append(log, "end " + i);
          String end = "end " + i;
          await()
              .atMost(Duration.ofSeconds(10))
              .pollDelay(Duration.ZERO)
              .pollInterval(Duration.ofMillis(1))
              .until(() -> seen.contains(end));
        }
        assertThat(seen).as("iteration %d", i).contains("mark " + i);
      }
    }
  }

  private static void append(Path log, String line) throws IOException {
    Files.writeString(log, line + "\n", StandardOpenOption.APPEND);
  }

  @Test
  void aDirectoryAtThePathIsReportedUntilAFileIsBackAndThatFileIsRead() throws IOException {
    Path log = dir.resolve("pppd.log");
    Files.writeString(log, "a1\n");
    try (FileTailer t = tailer(log)) {
      t.start(got::addAll);
      await().atMost(Duration.ofSeconds(10)).until(() -> got.size() == 1);
      assertThat(t.problems()).isEmpty();
      Files.delete(log);
      Files.createDirectory(log);
      await()
          .atMost(Duration.ofSeconds(10))
          .until(
              () ->
                  t.problems()
                      .equals(List.of("log " + log + " is a directory, not a regular file")));
      Files.delete(log);
      Files.writeString(log, "b1\n");
      await().atMost(Duration.ofSeconds(10)).until(() -> got.size() == 2);
      assertThat(t.problems()).isEmpty();
    }
    assertThat(got).containsExactly("a1", "b1");
  }

  @Test
  @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void aFifoAtThePathNeverBlocksTheTailerThread() throws Exception {
    Path log = dir.resolve("pppd.log");
    TailerEngineTest.mkfifo(log); // no writer will ever open it
    try (FileTailer t = tailer(log)) {
      t.start(got::addAll);
      assertThat(t.problems()).containsExactly("log " + log + " is a fifo, not a regular file");
      Files.delete(log);
      Files.writeString(log, "b1\n");
      await().atMost(Duration.ofSeconds(10)).until(() -> got.size() == 1);
      assertThat(t.problems()).isEmpty();
      Files.delete(log);
      TailerEngineTest.mkfifo(log);
      await().atMost(Duration.ofSeconds(10)).until(() -> !t.problems().isEmpty());
      Files.delete(log);
      Files.writeString(log, "c1\n");
      await().atMost(Duration.ofSeconds(10)).until(() -> got.size() == 2);
    }
    assertThat(got).containsExactly("b1", "c1");
  }

  @Test
  void closeStopsTheTailerThread() {
    Thread[] made = new Thread[1];
    TailerOptions opts = TailerOptions.of(dir.resolve("x.log"), dir.resolve("state"));
    FileTailer t =
        new FileTailer(
            opts, TailerMetrics.NONE, TimeSource.SYSTEM, r -> made[0] = new Thread(r, "tailer"));
    t.start(got::addAll);
    t.close();
    assertThat(made[0].isAlive()).isFalse();
  }
}
