package io.bondwatch.testbed;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a short command to completion, failing loudly with its output when it fails. */
public final class Cmd {
  private Cmd() {}

  public static String run(String... argv) {
    return run(List.of(argv));
  }

  public static String run(List<String> argv) {
    Result r = tryRun(argv);
    if (r.exitCode() != 0) {
      throw new IllegalStateException(
          String.join(" ", argv) + " exited " + r.exitCode() + ": " + r.output().strip());
    }
    return r.output();
  }

  /** Runs the command and returns its exit code and merged output, whatever the exit code. */
  public static Result tryRun(List<String> argv) {
    return tryRun(argv, "");
  }

  /** {@link #tryRun(List)} with {@code input} on the command's standard input. */
  public static Result tryRun(List<String> argv, String input) {
    ProcessBuilder pb = new ProcessBuilder(argv).redirectErrorStream(true);
    try {
      Process p = pb.start();
      p.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
      p.getOutputStream().close();
      byte[] out = p.getInputStream().readAllBytes();
      if (!p.waitFor(30, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IllegalStateException(String.join(" ", argv) + " did not finish in 30 s");
      }
      return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException("cannot run " + String.join(" ", argv) + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted running " + argv, e);
    }
  }

  public record Result(int exitCode, String output) {}
}
