package io.bondwatch.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The state directory lock against this process and against a real second JVM. */
class StateDirTest {
  @TempDir Path tmp;
  private Process child;

  private Path dir() {
    return tmp.resolve("state/nested");
  }

  /** Starts {@link StateDirHolder} in its own JVM and returns its first line of output. */
  private String child(String mode) throws IOException {
    String java = ProcessHandle.current().info().command().orElse("java");
    child =
        new ProcessBuilder(
                List.of(
                    java,
                    "-cp",
                    System.getProperty("java.class.path"),
                    StateDirHolder.class.getName(),
                    mode,
                    dir().toString()))
            .redirectErrorStream(true)
            .start();
    BufferedReader out =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
    String line = out.readLine();
    while (line != null && !line.startsWith("locked") && !line.startsWith("storage.dir")) {
      line = out.readLine(); // logging, if any
    }
    return String.valueOf(line);
  }

  @AfterEach
  void killChild() throws InterruptedException {
    if (child != null) {
      child.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void createsTheDirectoryAndWritesThePidIntoTheLockFile() throws IOException {
    try (StateDir d = StateDir.lock(dir())) {
      assertThat(dir()).isDirectory();
      assertThat(Files.readString(dir().resolve(StateDir.LOCK_FILE)))
          .isEqualTo(ProcessHandle.current().pid() + "\n");
    }
  }

  @Test
  void aSecondLockFromThisProcessFailsAndDoesNotDropTheFirst() throws IOException {
    try (StateDir d = StateDir.lock(dir())) {
      assertThatThrownBy(() -> StateDir.lock(dir()))
          .isInstanceOf(StartupException.class)
          .hasMessage(
              "storage.dir "
                  + dir()
                  + " is in use by another bondwatch (pid "
                  + ProcessHandle.current().pid()
                  + ")");
      assertThat(child("probe")).as("another process still finds it locked").contains("in use");
    }
  }

  @Test
  void aLockHeldByAnotherProcessFailsNamingItsPidAndItsKill9FreesIt() throws Exception {
    assertThat(child("hold")).startsWith("locked");
    assertThatThrownBy(() -> StateDir.lock(dir()))
        .isInstanceOf(StartupException.class)
        .hasMessage(
            "storage.dir " + dir() + " is in use by another bondwatch (pid " + child.pid() + ")");

    child.destroyForcibly(); // SIGKILL: no shutdown hook, the lock file stays behind
    assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();
    assertThat(dir().resolve(StateDir.LOCK_FILE)).exists();
    try (StateDir d = StateDir.lock(dir())) {
      assertThat(Files.readString(dir().resolve(StateDir.LOCK_FILE)))
          .isEqualTo(ProcessHandle.current().pid() + "\n");
    }
  }

  @Test
  void closingReleasesTheLockForTheNextStart() throws IOException {
    StateDir.lock(dir()).close();
    assertThat(child("probe")).isEqualTo("locked");
  }

  @Test
  void aStateDirThatCannotBeCreatedIsOneLineNamingIt() throws IOException {
    Files.writeString(tmp.resolve("state"), "a file, not a directory");
    assertThatThrownBy(() -> StateDir.lock(dir()))
        .isInstanceOf(StartupException.class)
        .hasMessageStartingWith("storage.dir " + dir() + ": cannot create it: ");
  }
}
