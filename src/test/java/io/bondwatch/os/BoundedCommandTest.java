package io.bondwatch.os;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

// the limits below only turn a hang (the bug) into a failure; nothing here is timed
class BoundedCommandTest {

  @Test
  void aCommandThatEndsGivesItsStatusAndOutput() throws Exception {
    BoundedCommand.Result r =
        BoundedCommand.run(
            List.of("sh", "-c", "echo first; echo second; echo err >&2; exit 3"),
            Duration.ofSeconds(30),
            false);
    assertThat(r.timedOut()).isFalse();
    assertThat(r.exitCode()).isEqualTo(3);
    assertThat(r.output()).isEqualTo("first\nsecond\n");
    assertThat(r.firstLine()).isEqualTo("first");
    assertThat(r.ok()).isFalse();
  }

  @Test
  void standardErrorIsKeptWhenMerged() throws Exception {
    BoundedCommand.Result r =
        BoundedCommand.run(List.of("sh", "-c", "echo err >&2"), Duration.ofSeconds(30), true);
    assertThat(r.ok()).isTrue();
    assertThat(r.output()).isEqualTo("err\n");
  }

  @Test
  void aCommandThatHangsSilentlyWithAChildHoldingThePipeIsKilledAtTheLimit() throws Exception {
    // not exec: the sleeping child holds the output pipe open after the shell is killed
    BoundedCommand.Result r =
        BoundedCommand.run(
            List.of("sh", "-c", "echo started; sleep 600"), Duration.ofMillis(300), true);
    assertThat(r.timedOut()).isTrue();
    assertThat(r.exitCode()).isEqualTo(-1);
    assertThat(r.firstLine()).isEqualTo("started");
  }

  @Test
  void endlessOutputIsCappedAndNeverBlocksTheCommand() throws Exception {
    BoundedCommand.Result r =
        BoundedCommand.run(
            List.of("sh", "-c", "head -c 3000000 /dev/zero | tr '\\\\0' x"),
            Duration.ofSeconds(30),
            false);
    assertThat(r.ok()).isTrue();
    assertThat(r.output()).hasSize(BoundedCommand.MAX_OUTPUT);
  }

  @Test
  void aCommandThatCannotStartIsAnIoException() {
    assertThatThrownBy(
            () -> BoundedCommand.run(List.of("/no/such/command"), Duration.ofSeconds(1), false))
        .isInstanceOf(IOException.class);
  }
}
