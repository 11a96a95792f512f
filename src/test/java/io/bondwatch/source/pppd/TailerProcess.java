package io.bondwatch.source.pppd;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** {@link TailToFile} in its own JVM, started with this JVM's java and class path. */
final class TailerProcess {
  private final List<String> command;
  private final Path errors;
  private Process process;

  TailerProcess(Path log, Path stateDir, Path out, Path errors) {
    String java = ProcessHandle.current().info().command().orElse("java");
    this.command =
        List.of(
            java,
            "-cp",
            System.getProperty("java.class.path"),
            TailToFile.class.getName(),
            log.toString(),
            stateDir.toString(),
            out.toString());
    this.errors = errors;
  }

  void start() throws IOException {
    process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(errors.toFile()))
            .start();
  }

  void kill9AndRestart() throws IOException, InterruptedException {
    process.destroyForcibly(); // SIGKILL on Linux: no shutdown hook runs
    process.waitFor(10, TimeUnit.SECONDS);
    start();
  }

  void stop() throws InterruptedException {
    if (process != null && process.isAlive()) {
      process.destroy();
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    }
  }
}
