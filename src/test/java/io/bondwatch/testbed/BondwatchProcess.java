package io.bondwatch.testbed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;

/**
 * The real bondwatch jar as a child process, as an admin would run it, with its HTTP API on a
 * loopback port. Output goes to a file the test can print when something fails.
 */
public final class BondwatchProcess implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Process process;
  private final Path log;
  private final int port;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private BondwatchProcess(Process process, Path log, int port) {
    this.process = process;
    this.log = log;
    this.port = port;
  }

  public static Path jar() {
    String env = System.getenv("BONDWATCH_JAR");
    Path jar = env != null ? Path.of(env) : Path.of("target/bondwatch.jar");
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(jar + " is missing: run mvn package first");
    }
    return jar;
  }

  public static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  /** Starts {@code bondwatch <args...>}; {@code port} is where its HTTP API will listen. */
  public static BondwatchProcess start(Path workDir, int port, String... args) throws IOException {
    Path log = workDir.resolve("bondwatch.log");
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> cmd = new java.util.ArrayList<>(List.of(java, "-jar", jar().toString()));
    cmd.addAll(List.of(args));
    Process p =
        new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    return new BondwatchProcess(p, log, port);
  }

  public int port() {
    return port;
  }

  public Process process() {
    return process;
  }

  public String output() {
    try {
      return Files.readString(log);
    } catch (IOException e) {
      return "(no output: " + e + ")";
    }
  }

  /** GET a path; returns status and body, or status -1 when nothing answers. */
  public Response get(String path) {
    try {
      HttpResponse<String> r =
          http.send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                  .timeout(Duration.ofSeconds(5))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      return new Response(r.statusCode(), r.body());
    } catch (IOException e) {
      return new Response(-1, e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Response(-1, "interrupted");
    }
  }

  public JsonNode status() throws IOException {
    Response r = get("/api/v1/status");
    if (r.code() != 200) {
      throw new IOException("status answered " + r.code() + ": " + r.body());
    }
    return JSON.readTree(r.body());
  }

  /** The member's state in the status API, or "?" when the API does not answer. */
  public String state(String member) {
    try {
      for (JsonNode m : status().get("members")) {
        if (member.equals(m.get("name").asText())) {
          return m.get("state").asText();
        }
      }
      return "absent";
    } catch (IOException e) {
      return "?";
    }
  }

  /** Waits until {@code /-/ready} answers 200, at most 30 s. */
  public void awaitReady() {
    Awaitility.await("ready")
        .atMost(Duration.ofSeconds(30))
        .until(() -> get("/-/ready").code() == 200);
  }

  /**
   * Waits until the status API shows {@code member} in {@code state}, at most 30 s, asking every
   * {@code poll}.
   */
  public void awaitState(String member, String state, Duration poll) {
    Awaitility.await(member + " " + state)
        .atMost(Duration.ofSeconds(30))
        .pollInterval(poll)
        .until(() -> state(member), state::equals);
  }

  /** SIGTERM and wait; returns the exit code. */
  public int stop() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(20, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      process.waitFor(5, TimeUnit.SECONDS);
      throw new IllegalStateException("bondwatch did not stop within 20 s of SIGTERM");
    }
    return process.exitValue();
  }

  /**
   * The end of a system test: stops {@code bw} (if started) and prints its output under the test's
   * name, then closes {@code bed} (if made), whatever happened before.
   */
  public static void stopShowingOutput(
      BondwatchProcess bw, org.junit.jupiter.api.TestInfo info, AutoCloseable bed)
      throws Exception {
    try {
      if (bw != null) {
        bw.close();
        System.err.println(
            "--- bondwatch output of " + info.getDisplayName() + " ---\n" + bw.output());
      }
    } finally {
      if (bed != null) {
        bed.close();
      }
    }
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
    }
  }

  public record Response(int code, String body) {}
}
