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
