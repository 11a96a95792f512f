package io.bondwatch.source.pppd;

import static org.assertj.core.api.Assertions.assertThat;

import io.bondwatch.time.TimeSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Drives the engine step by step over real files: every rotation case, without threads. */
class TailerEngineTest {
  @TempDir Path dir;
  private final List<String> got = new ArrayList<>();
  private final AtomicLong recovered = new AtomicLong();
  private final List<TailerMetrics.RotationKind> rotations = new ArrayList<>();
  private final TailerMetrics metrics =
      new TailerMetrics() {
        @Override
        public void rotation(RotationKind kind) {
          rotations.add(kind);
        }

        @Override
        public void bytesRecovered(long bytes) {
          recovered.addAndGet(bytes);
        }
      };
  private TailerEngine engine;

  private Path log() {
    return dir.resolve("pppd.log");
  }

  private TailerEngine start(boolean fromStart) throws IOException {
    TailerOptions opts = TailerOptions.of(log(), dir.resolve("state")).withFromStart(fromStart);
    engine = new TailerEngine(opts, got::addAll, metrics, TimeSource.SYSTEM);
    engine.begin();
    drain();
    return engine;
  }

  private void restart() throws IOException {
    engine.close();
    start(false);
  }

  private void drain() throws IOException {
    while (engine.poll()) {
      // until nothing more happens
    }
  }

  private void append(Path p, String text) throws IOException {
    Files.writeString(
        p, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
  }

  @AfterEach
  void closeEngine() throws IOException {
    if (engine != null) {
      engine.close();
    }
  }

  @Test
  void firstStartBeginsAtTheEndOfTheExistingFile() throws IOException {
    append(log(), "old 1\nold 2\n");
    start(false);
    append(log(), "new 1\n");
    drain();
    assertThat(got).containsExactly("new 1");
  }

  @Test
  void firstStartBeginsAtTheLastCompleteLineSoAPartialLineArrivesWhole() throws IOException {
    append(log(), "old 1\nhalf");
    start(false);
    append(log(), " line\n");
    drain();
    assertThat(got).containsExactly("half line");
  }

  @Test
  void fromStartReadsTheExistingFile() throws IOException {
    append(log(), "old 1\nold 2\n");
    start(true);
    assertThat(got).containsExactly("old 1", "old 2");
  }

  @Test
  void holdsAPartialLineUntilItsNewline() throws IOException {
    start(true);
    append(log(), "one\ntw");
    drain();
    assertThat(got).containsExactly("one");
    append(log(), "o\n");
    drain();
    assertThat(got).containsExactly("one", "two");
  }

  @Test
  void waitsForAFileAbsentAtStartAndReadsItFromItsStart() throws IOException {
    start(false);
    assertThat(got).isEmpty();
    append(log(), "first\n");
    drain();
    assertThat(got).containsExactly("first");
  }

  @Test
  void followsRenameAndCreateFinishingTheOldFileFirst() throws IOException {
    append(log(), "a1\n");
    start(true);
    Files.move(log(), dir.resolve("pppd.log.1"));
    append(dir.resolve("pppd.log.1"), "a2\na3-partial");
    Files.createFile(log());
    drain();
    assertThat(got).as("new file still empty: stay on the old one").containsExactly("a1", "a2");
    append(log(), "b1\n");
    drain();
    assertThat(got).containsExactly("a1", "a2", "a3-partial", "b1");
    assertThat(rotations).containsExactly(TailerMetrics.RotationKind.REPLACED);
  }

  @Test
  void followsDeletionAndRecreation() throws IOException {
    append(log(), "a1\n");
    start(true);
    Files.delete(log());
    drain();
    append(log(), "b1\n");
    drain();
    assertThat(got).containsExactly("a1", "b1");
  }

  @Test
  void copytruncateRecoversLinesThatReachedTheCopyAfterTheLastRead() throws IOException {
    append(log(), "a1\n");
    start(true);
    append(log(), "a2\na3\n");
    copyTruncate("pppd.log.1");
    append(log(), "b1\n");
    drain();
    assertThat(got).containsExactly("a1", "a2", "a3", "b1");
    assertThat(recovered).hasValue(6);
    assertThat(rotations).containsExactly(TailerMetrics.RotationKind.TRUNCATED);
  }

  @Test
  void copytruncateNoticedEvenWhenTheFileRegrewPastTheOldPosition() throws IOException {
    append(log(), "a1\n");
    start(true);
    append(log(), "a2\n");
    copyTruncate("pppd.log-20260101");
    append(log(), "b1 is longer than before\n");
    drain();
    assertThat(got).containsExactly("a1", "a2", "b1 is longer than before");
  }

  @Test
  void copytruncateWithoutAnyCopyGoesOnFromTheStartOfTheLiveFile() throws IOException {
    append(log(), "a1\n");
    start(true);
    Files.write(log(), new byte[0]);
    append(log(), "b1\n");
    drain();
    assertThat(got).containsExactly("a1", "b1");
  }

  @Test
  void compressedRotationsAreNotReadBack() {
    assertThat(TailerRotatedFinder.isRotationOf("pppd.log", "pppd.log.1")).isTrue();
    assertThat(TailerRotatedFinder.isRotationOf("pppd.log", "pppd.log-20260101")).isTrue();
    assertThat(TailerRotatedFinder.isRotationOf("pppd.log", "pppd.log.2.gz")).isFalse();
    assertThat(TailerRotatedFinder.isRotationOf("pppd.log", "pppd.logger")).isFalse();
  }

  @Test
  void capsVeryLongLines() throws IOException {
    start(true);
    append(log(), "x".repeat(100_000) + "\nshort\n");
    drain();
    assertThat(got).hasSize(2);
    assertThat(got.get(0)).hasSize(TailerOptions.DEFAULT_MAX_LINE_BYTES);
    assertThat(got.get(1)).isEqualTo("short");
  }

  @Test
  void invalidUtf8AndNulBytesNeverStopTheTailer() throws IOException {
    start(true);
    Files.write(log(), new byte[] {(byte) 0xFE, 0, 'o', 'k', '\n', 'n', 'e', 'x', 't', '\n'});
    drain();
    assertThat(got).containsExactly("\uFFFDok", "next");
  }

  @Test
  void restartResumesWithNothingLostAndNothingRepeated() throws IOException {
    start(true);
    append(log(), "a1\na2\npart");
    drain();
    restart();
    append(log(), "ial\na3\n");
    drain();
    assertThat(got).containsExactly("a1", "a2", "partial", "a3");
  }

  @Test
  void restartAfterRenameRotationWhileStoppedFinishesTheRenamedFile() throws IOException {
    start(true);
    append(log(), "a1\n");
    drain();
    engine.close();
    append(log(), "a2\n");
    Files.move(log(), dir.resolve("pppd.log.1"));
    append(log(), "b1\n");
    start(false);
    assertThat(got).containsExactly("a1", "a2", "b1");
  }

  @Test
  void restartAfterCopytruncateWhileStoppedFinishesTheCopy() throws IOException {
    start(true);
    append(log(), "a1\n");
    drain();
    engine.close();
    append(log(), "a2\n");
    copyTruncate("pppd.log.1");
    append(log(), "b1\n");
    start(false);
    assertThat(got).containsExactly("a1", "a2", "b1");
  }

  @Test
  void restartAfterTwoRotationsWhileStoppedReadsEveryRotatedFileInOrder() throws IOException {
    start(true);
    append(log(), "a1\n");
    drain();
    engine.close();
    append(log(), "a2\n");
    Files.move(log(), dir.resolve("pppd.log.1"));
    append(log(), "b1\n");
    Files.move(dir.resolve("pppd.log.1"), dir.resolve("pppd.log.2"));
    Files.move(log(), dir.resolve("pppd.log.1"));
    append(log(), "c1\n");
    // rotated files are ordered by their last write
    FileTime t = FileTime.fromMillis(System.currentTimeMillis() - 10_000);
    Files.setLastModifiedTime(dir.resolve("pppd.log.2"), t);
    Files.setLastModifiedTime(dir.resolve("pppd.log.1"), FileTime.fromMillis(t.toMillis() + 1000));
    start(false);
    assertThat(got).containsExactly("a1", "a2", "b1", "c1");
  }

  @Test
  void unreadableCheckpointIsIgnoredWithAMessage() throws IOException {
    append(log(), "old\n");
    Path cp = TailerOptions.of(log(), dir.resolve("state")).checkpointFile();
    Files.createDirectories(cp.getParent());
    Files.writeString(cp, "{not json");
    start(false);
    append(log(), "new\n");
    drain();
    assertThat(got).containsExactly("new");
  }

  private void copyTruncate(String copyName) throws IOException {
    Files.copy(log(), dir.resolve(copyName));
    Files.write(log(), new byte[0]);
  }
}
