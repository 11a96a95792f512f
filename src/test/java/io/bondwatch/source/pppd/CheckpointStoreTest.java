package io.bondwatch.source.pppd;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two generations on real files: saves alternate and never replace the newest good record. */
class CheckpointStoreTest {
  @TempDir Path dir;

  private CheckpointStore<JournalCursor> store() {
    return new CheckpointStore<>(dir.resolve("cursor.json"), JournalCursor.class);
  }

  private String cursorIn(Path generation) throws IOException {
    byte[] payload = CheckpointFrame.parse(Files.readAllBytes(generation)).payload();
    return new String(payload, StandardCharsets.UTF_8);
  }

  @Test
  void savesAlternateBetweenTheTwoGenerationsAndLoadTakesTheNewest() throws IOException {
    CheckpointStore<JournalCursor> s = store();
    s.save(new JournalCursor("s=1"));
    s.save(new JournalCursor("s=2"));
    s.save(new JournalCursor("s=3"));
    assertThat(cursorIn(s.generation(0))).contains("s=3");
    assertThat(cursorIn(s.generation(1))).contains("s=2");
    assertThat(store().load().record()).contains(new JournalCursor("s=3"));
  }

  @Test
  void afterADamagedNewestGenerationTheNextSaveReplacesItAndKeepsTheGoodOne() throws IOException {
    CheckpointStore<JournalCursor> first = store();
    first.save(new JournalCursor("s=1"));
    first.save(new JournalCursor("s=2"));
    Files.writeString(first.generation(1), "rubbish");

    CheckpointStore<JournalCursor> second = store();
    CheckpointStore.Loaded<JournalCursor> loaded = second.load();
    assertThat(loaded.record()).contains(new JournalCursor("s=1"));
    assertThat(loaded.usedOtherGeneration()).isTrue();
    assertThat(loaded.problems())
        .singleElement()
        .asString()
        .contains("cursor.json.1: not a bondwatch checkpoint");
    second.save(new JournalCursor("s=3"));
    assertThat(cursorIn(second.generation(0))).as("the good generation stays").contains("s=1");
    assertThat(cursorIn(second.generation(1))).contains("s=3");
  }

  @Test
  void aFifoInPlaceOfAGenerationIsRefusedWithoutBlocking() throws Exception {
    CheckpointStore<JournalCursor> s = store();
    s.save(new JournalCursor("s=1"));
    TailerEngineTest.mkfifo(s.generation(1));
    CheckpointStore.Loaded<JournalCursor> loaded = store().load();
    assertThat(loaded.record()).contains(new JournalCursor("s=1"));
    assertThat(loaded.problems())
        .singleElement()
        .asString()
        .endsWith("is a fifo, not a regular file");
  }

  @Test
  void nothingSavedYetIsNeitherARecordNorAProblem() {
    CheckpointStore.Loaded<JournalCursor> loaded = store().load();
    assertThat(loaded.record()).isEmpty();
    assertThat(loaded.unusable()).isFalse();
  }
}
