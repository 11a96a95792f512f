package io.bondwatch.source.pppd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.bondwatch.testbed.SystemTests;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real Debian logrotate rotating under a writer of 5,000 numbered lines per second, while the
 * tailer runs as its own JVM ({@link TailToFile}) and is killed with SIGKILL and restarted halfway.
 * Every line logrotate kept, in the rotations or the live file, must come out exactly once.
 */
class LogrotateIT {
  private static final int ROTATIONS = 12;
  @TempDir Path dir;

  @Test
  void renameAndCreateRotationLosesAndRepeatsNothingAcrossKill9() throws Exception {
    Set<Long> kept = run("create");
    assertThat(kept).as("create rotation keeps every written line").hasSize(written);
  }

  @Test
  void copytruncateRotationDeliversEveryKeptLineOnceAcrossKill9() throws Exception {
    run("copytruncate");
  }

  private int written;

  private Set<Long> run(String mode) throws Exception {
    SystemTests.require("logrotate");
    Path log = dir.resolve("app.log");
    Path out = dir.resolve("out.txt");
    Path conf = dir.resolve("logrotate.conf");
    Files.writeString(
        conf, log + " {\n  rotate 1000\n  " + mode + "\n  nocompress\n  missingok\n}\n");
    TailerProcess tailer = new TailerProcess(log, dir.resolve("state"), out, dir.resolve("t.err"));
    try (NumberedLineWriter writer = new NumberedLineWriter(log, 5_000)) {
      Files.createFile(log);
      tailer.start();
      // the tailer checkpoints once it has opened the file: only then may rotations begin
      CheckpointStore<Checkpoint> checkpoint =
          CheckpointStore.forTailer(TailerOptions.of(log, dir.resolve("state")).checkpointFile());
      await().atMost(Duration.ofSeconds(30)).until(() -> checkpoint.load().record().isPresent());
      writer.start();
      for (int i = 1; i <= ROTATIONS; i++) {
        TimeUnit.MILLISECONDS.sleep(700); // pacing the rotations, not waiting for a result
        logrotate(conf);
        if (i == ROTATIONS / 2) {
          tailer.kill9AndRestart();
        }
      }
      TimeUnit.MILLISECONDS.sleep(300);
      written = writer.stopAndCount();
      Set<Long> kept = keptLines(log);
      try {
        await()
            .atMost(Duration.ofSeconds(20))
            .until(() -> new HashSet<>(numbers(Files.readAllLines(out))).containsAll(kept));
      } catch (ConditionTimeoutException e) {
        // the assertions below say which lines are missing
      }
      tailer.stop();
      List<Long> delivered = numbers(Files.readAllLines(out));
      Set<Long> missing = new TreeSet<>(kept);
      missing.removeAll(delivered);
      String why = "missing " + missing.size() + " " + ranges(missing) + "\n" + tailerLog();
      assertThat(new HashSet<>(delivered))
          .as("no line delivered twice; %s", why)
          .hasSize(delivered.size());
      assertThat(delivered).as("only written lines").allMatch(n -> n >= 0 && n < written);
      assertThat(delivered).as("every kept line; %s", why).containsAll(kept);
      assertThat(written).as("writer reached its rate").isGreaterThan(5_000 * ROTATIONS * 7 / 10);
      return kept;
    } finally {
      tailer.stop();
    }
  }

  private void logrotate(Path conf) throws IOException, InterruptedException {
    Process p =
        new ProcessBuilder("logrotate", "-f", "-s", dir.resolve("lr.state").toString(), "" + conf)
            .redirectErrorStream(true)
            .start();
    String text = new String(p.getInputStream().readAllBytes());
    assertThat(p.waitFor()).as("logrotate: %s", text).isZero();
  }

  private Set<Long> keptLines(Path log) throws IOException {
    Set<Long> kept = new HashSet<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.filter(p -> p.getFileName().toString().startsWith("app.log")).toList()) {
        kept.addAll(numbers(Files.readAllLines(f)));
      }
    }
    return kept;
  }

  private String tailerLog() throws IOException {
    Path f = dir.resolve("t.err");
    return Files.exists(f) ? Files.readString(f) : "";
  }

  private static String ranges(Set<Long> numbers) {
    StringBuilder sb = new StringBuilder();
    long start = -2;
    long prev = -2;
    for (long n : numbers) {
      if (n != prev + 1) {
        if (start >= 0) {
          sb.append(start).append("..").append(prev).append(' ');
        }
        start = n;
      }
      prev = n;
    }
    return start < 0 ? "" : sb.append(start).append("..").append(prev).toString();
  }

  /** Line numbers of complete numbered lines; anything else would fail the membership checks. */
  static List<Long> numbers(List<String> lines) {
    List<Long> out = new ArrayList<>(lines.size());
    for (String line : lines) {
      out.add(line.startsWith("line ") ? Long.parseLong(line.substring(5, 15)) : -1L);
    }
    return out;
  }
}
