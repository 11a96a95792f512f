package io.bondwatch.os;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs a short command (a check, a listing) to its end with a bounded wait and bounded output. The
 * output is read on a thread of its own, so the wait stays bounded even when the command prints
 * nothing and never exits; a command still running at the limit is killed with its children.
 */
public final class BoundedCommand {
  /** The most output kept; the rest is read and dropped so the command never blocks on its pipe. */
  public static final int MAX_OUTPUT = 1 << 20;

  /**
   * How the command ended.
   *
   * @param exitCode its exit status; -1 when it was killed at the limit
   * @param output what it printed (standard output, and standard error when merged), at most {@link
   *     #MAX_OUTPUT} bytes
   * @param timedOut whether it was still running at the limit
   */
  public record Result(int exitCode, String output, boolean timedOut) {
    public boolean ok() {
      return !timedOut && exitCode == 0;
    }

    /** The first line of the output, stripped; empty when it printed nothing. */
    public String firstLine() {
      String t = output.strip();
      int nl = t.indexOf('\n');
      return nl < 0 ? t : t.substring(0, nl).strip();
    }
  }

  private BoundedCommand() {}

  /**
   * Runs {@code argv} with its standard input closed.
   *
   * @param mergeErrors standard error into the output; otherwise it is discarded
   * @throws IOException when the command cannot be started at all (not found, not executable)
   */
  public static Result run(List<String> argv, Duration limit, boolean mergeErrors)
      throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(argv);
    if (mergeErrors) {
      pb.redirectErrorStream(true);
    } else {
      pb.redirectError(ProcessBuilder.Redirect.DISCARD);
    }
    Process p = pb.start();
    p.getOutputStream().close();
    FutureTask<byte[]> output = new FutureTask<>(() -> readBounded(p));
    Thread reader = new Thread(output, "command-output");
    reader.setDaemon(true);
    reader.start();
    try {
      if (!p.waitFor(limit.toNanos(), TimeUnit.NANOSECONDS)) {
        kill(p);
        return new Result(-1, collected(output), true);
      }
      return new Result(p.exitValue(), collected(output), false);
    } catch (InterruptedException e) {
      kill(p);
      throw e;
    }
  }

  private static byte[] readBounded(Process p) throws IOException {
    var in = p.getInputStream();
    byte[] kept = in.readNBytes(MAX_OUTPUT);
    if (kept.length == MAX_OUTPUT) {
      try {
        in.transferTo(java.io.OutputStream.nullOutputStream());
      } catch (IOException closedAtExit) {
        // the JDK closes a finished process's pipe under its reader; nothing more to drop
      }
    }
    return kept;
  }

  /** What the reader got; it ends with the process, or soon after when a child kept the pipe. */
  private static String collected(FutureTask<byte[]> output) throws InterruptedException {
    try {
      return new String(output.get(1, TimeUnit.SECONDS), StandardCharsets.UTF_8);
    } catch (ExecutionException | TimeoutException e) {
      output.cancel(true);
      return "";
    }
  }

  /** Kills the process and whatever it started. */
  public static void kill(Process p) {
    List<ProcessHandle> children = p.descendants().toList();
    p.destroyForcibly();
    children.forEach(ProcessHandle::destroyForcibly);
  }
}
