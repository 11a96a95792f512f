package io.bondwatch.source.pppd;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.bondwatch.time.TimeSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Drives the engine step by step over real files: every rotation case, without threads. */
class TailerEngineTest {
  @TempDir Path dir;
  private final List<String> got = new ArrayList<>();
  private final AtomicLong recovered = new AtomicLong();
  private final List<TailerMetrics.RotationKind> rotations = new ArrayList<>();
  private final List<FileKind> notRegular = new ArrayList<>();
  private final List<TailerMetrics.CheckpointFallback> fallbacks = new ArrayList<>();
  private final TailerMetrics metrics =
      new TailerMetrics() {
        @Override
        public void notRegular(FileKind kind) {
          notRegular.add(kind);
        }

        @Override
        public void checkpointFallback(CheckpointFallback outcome) {
          fallbacks.add(outcome);
        }

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
  void aCopytruncateWhileStoppedRightAfterTheSwitchToTheLiveFileLosesNothing() throws IOException {
    start(true);
    append(log(), "a1\n");
    drain();
    copyTruncate("pppd.log.1");
    append(log(), "b1\n");
    engine.poll(); // the truncation noticed: on to the copy
    engine.poll(); // the copy finished: on to the live file, not a line of it read yet
    assertThat(got).containsExactly("a1");
    engine.close(); // killed here
    append(log(), "b2\n");
    Files.move(dir.resolve("pppd.log.1"), dir.resolve("pppd.log.2"));
    copyTruncate("pppd.log.1");
    append(log(), "c1\n");
    FileTime t = FileTime.fromMillis(System.currentTimeMillis() - 10_000);
    Files.setLastModifiedTime(dir.resolve("pppd.log.2"), t);
    Files.setLastModifiedTime(dir.resolve("pppd.log.1"), FileTime.fromMillis(t.toMillis() + 1000));
    start(false);
    // a checkpoint at offset 0 of the live file could not tell it was truncated again meanwhile
    assertThat(got).containsExactly("a1", "b1", "b2", "c1");
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
  void anUnreadableCheckpointOfAnEarlierVersionReadsTheFileFromItsStart() throws IOException {
    append(log(), "old\n");
    Path cp = TailerOptions.of(log(), dir.resolve("state")).checkpointFile();
    Files.createDirectories(cp.getParent());
    Files.writeString(cp, "{not json");
    start(false);
    append(log(), "new\n");
    drain();
    assertThat(got).containsExactly("old", "new");
    assertThat(fallbacks).containsExactly(TailerMetrics.CheckpointFallback.FROM_START);
  }

  @Test
  void aCheckpointOfAnEarlierVersionIsResumedFromAndReplacedByGenerations() throws IOException {
    start(true);
    append(log(), "a1\n");
    drain();
    engine.close();
    CheckpointStore<Checkpoint> store = store();
    Checkpoint saved = store.load().record().orElseThrow();
    Files.deleteIfExists(store.generation(0));
    Files.deleteIfExists(store.generation(1));
    Files.write(store.file(), new ObjectMapper().writeValueAsBytes(saved));
    append(log(), "a2\n");
    start(false);
    assertThat(got).containsExactly("a1", "a2");
    assertThat(store.file()).doesNotExist();
    assertThat(store.load().record()).isPresent();
  }

  @Test
  void pathTurnedIntoADirectoryAndBackIsFollowedAgainLosingNothing() throws IOException {
    append(log(), "a1\n");
    start(true);
    Files.move(log(), dir.resolve("pppd.log.1"));
    Files.createDirectory(log());
    append(dir.resolve("pppd.log.1"), "a2\n");
    drain();
    drain();
    assertThat(got).as("the renamed file is read on").containsExactly("a1", "a2");
    assertThat(engine.problem()).hasValueSatisfying(p -> assertThat(p).contains("a directory"));
    assertThat(notRegular).as("reported once").containsExactly(FileKind.DIRECTORY);
    Files.delete(log());
    append(log(), "b1\nb2\n");
    drain();
    assertThat(got).containsExactly("a1", "a2", "b1", "b2");
    assertThat(engine.problem()).isEmpty();
  }

  @Test
  void pathThatIsADirectoryAtStartIsReportedAndTheFileReadOnceItComes() throws IOException {
    Files.createDirectory(log());
    start(false);
    drain();
    assertThat(engine.problem()).isPresent();
    Files.delete(log());
    append(log(), "b1\n");
    drain();
    assertThat(got).containsExactly("b1");
    assertThat(notRegular).containsExactly(FileKind.DIRECTORY);
  }

  @Test
  @Timeout(value = 20, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void aFifoAtThePathIsNeverOpenedAndAFileAfterItIsRead() throws Exception {
    mkfifo(log());
    start(false); // opening the FIFO would block here for good: it has no writer
    drain();
    assertThat(engine.problem()).hasValueSatisfying(p -> assertThat(p).contains("a fifo"));
    Files.delete(log());
    append(log(), "b1\n");
    drain();
    assertThat(got).containsExactly("b1");
    assertThat(engine.problem()).isEmpty();
    assertThat(notRegular).containsExactly(FileKind.FIFO);
  }

  static void mkfifo(Path p) throws IOException, InterruptedException {
    Process mk = new ProcessBuilder("mkfifo", p.toString()).inheritIO().start();
    assertThat(mk.waitFor()).as("mkfifo").isZero();
  }

  /** Two runs: the previous generation ends after a1, the newest after a2; a3 comes meanwhile. */
  private void twoGenerationsThenA3() throws IOException {
    start(true);
    append(log(), "a1\n");
    drain();
    append(log(), "a2\n");
    drain();
    engine.close();
    append(log(), "a3\n");
  }

  private CheckpointStore<Checkpoint> store() {
    return CheckpointStore.forTailer(
        TailerOptions.of(log(), dir.resolve("state")).checkpointFile());
  }

  /** The generation file with the higher (newest) or lower sequence number. */
  private Path generation(boolean newest) throws IOException {
    CheckpointStore<Checkpoint> store = store();
    Path g0 = store.generation(0);
    Path g1 = store.generation(1);
    long s0 = CheckpointFrame.parse(Files.readAllBytes(g0)).sequence();
    long s1 = CheckpointFrame.parse(Files.readAllBytes(g1)).sequence();
    return (s0 > s1) == newest ? g0 : g1;
  }

  @ParameterizedTest
  @EnumSource(Damage.class)
  void aDamagedNewestCheckpointFallsBackToThePreviousGenerationRepeatingNotLosing(Damage damage)
      throws IOException {
    twoGenerationsThenA3();
    damage.apply(generation(true));
    start(false);
    assertThat(got).containsExactly("a1", "a2", "a2", "a3");
    assertThat(fallbacks).containsExactly(TailerMetrics.CheckpointFallback.OTHER_GENERATION);
  }

  @ParameterizedTest
  @EnumSource(Damage.class)
  void aDamagedPreviousCheckpointChangesNothingButIsCounted(Damage damage) throws IOException {
    twoGenerationsThenA3();
    damage.apply(generation(false));
    start(false);
    assertThat(got).containsExactly("a1", "a2", "a3");
    assertThat(fallbacks).containsExactly(TailerMetrics.CheckpointFallback.OTHER_GENERATION);
  }

  @ParameterizedTest
  @EnumSource(Damage.class)
  void bothGenerationsDamagedReadsTheFileFromItsStartAndCountsIt(Damage damage) throws IOException {
    twoGenerationsThenA3();
    Path newest = generation(true);
    damage.apply(generation(false));
    damage.apply(newest);
    start(false);
    assertThat(got).containsExactly("a1", "a2", "a1", "a2", "a3");
    assertThat(fallbacks).containsExactly(TailerMetrics.CheckpointFallback.FROM_START);
  }

  /** Ways a checkpoint file goes bad. */
  enum Damage {
    GARBAGE {
      @Override
      void apply(Path p) throws IOException {
        Files.writeString(p, "{not json at all\n");
      }
    },
    TRUNCATED {
      @Override
      void apply(Path p) throws IOException {
        byte[] b = Files.readAllBytes(p);
        Files.write(p, Arrays.copyOf(b, b.length - 20));
      }
    },
    EMPTY {
      @Override
      void apply(Path p) throws IOException {
        Files.write(p, new byte[0]);
      }
    },
    BINARY {
      @Override
      void apply(Path p) throws IOException {
        byte[] b = new byte[300];
        new Random(7).nextBytes(b);
        Files.write(p, b);
      }
    },
    /** Well framed, right checksum, but a value no checkpoint can have. */
    NEGATIVE_POSITION {
      @Override
      void apply(Path p) throws IOException {
        CheckpointFrame f = CheckpointFrame.parse(Files.readAllBytes(p));
        String json =
            new String(f.payload(), StandardCharsets.UTF_8)
                .replaceFirst("\"position\":\\d+", "\"position\":-5")
                .replaceFirst("\"fingerprintLength\":\\d+", "\"fingerprintLength\":0");
        assertThat(json).contains("\"position\":-5");
        Files.write(p, CheckpointFrame.encode(f.sequence(), json.getBytes(StandardCharsets.UTF_8)));
      }
    };

    abstract void apply(Path p) throws IOException;
  }

  private void copyTruncate(String copyName) throws IOException {
    Files.copy(log(), dir.resolve(copyName));
    Files.write(log(), new byte[0]);
  }
}
