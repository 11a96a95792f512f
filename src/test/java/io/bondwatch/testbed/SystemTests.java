package io.bondwatch.testbed;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/**
 * Preconditions of system tests ({@code *IT}). Outside CI a missing precondition skips the test
 * with a visible reason; under {@code CI=true} it fails, since a skipped system test there would
 * hide a broken install step.
 */
public final class SystemTests {
  private SystemTests() {}

  public static boolean inCi() {
    return "true".equalsIgnoreCase(System.getenv("CI"));
  }

  /** Requires root and every named executable on the PATH. */
  public static void require(String... tools) {
    check(true, tools);
  }

  /** Requires every named executable on the PATH, root or not. */
  public static void requireTools(String... tools) {
    check(false, tools);
  }

  private static void check(boolean root, String... tools) {
    List<String> missing = new ArrayList<>();
    if (root && !isRoot()) {
      missing.add("root (uid 0)");
    }
    for (String tool : tools) {
      if (which(tool) == null) {
        missing.add("'" + tool + "' on PATH");
      }
    }
    if (missing.isEmpty()) {
      return;
    }
    String reason = "system test needs " + String.join(", ", missing);
    if (inCi()) {
      fail(reason + " (CI=true: a skip is a failure)");
    }
    System.err.println("SKIPPED: " + reason);
    Assumptions.abort(reason);
  }

  public static boolean isRoot() {
    try {
      Object uid = Files.getAttribute(Path.of("/proc/self"), "unix:uid");
      return Integer.valueOf(0).equals(uid);
    } catch (Exception e) {
      return false;
    }
  }

  public static Path which(String tool) {
    String path = System.getenv().getOrDefault("PATH", "") + ":/usr/sbin:/sbin";
    for (String dir : path.split(":")) {
      if (dir.isEmpty()) {
        continue;
      }
      Path p = Path.of(dir, tool);
      if (Files.isExecutable(p)) {
        return p;
      }
    }
    return null;
  }
}
