package io.bondwatch.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.bondwatch.config.ConfigYamlSamples;
import io.bondwatch.testbed.BondwatchProcess;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bondwatch run} as the real jar, up to the point where it needs root: what it says about
 * its config before anything starts. Its HTTP port is taken, so it stops at start-up by itself.
 */
class RunCommandIT {
  @TempDir Path dir;
  private BondwatchProcess bw;

  @AfterEach
  void cleanup() {
    if (bw != null) {
      bw.close();
      System.err.println("--- output ---\n" + bw.output());
    }
  }

  @Test
  void logsThePlaceholderWarningsOfCheckConfigAtStart() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      int port = taken.getLocalPort();
      Path cfg =
          Files.writeString(
              dir.resolve("bondwatch.yml"),
              ConfigYamlSamples.MINIMAL
                  + "http: { listen: \"127.0.0.1:"
                  + port
                  + "\" }\nstorage: { dir: "
                  + dir.resolve("state")
                  + " }\n");
      bw = BondwatchProcess.start(dir, port, "run", "--config", cfg.toString());
      assertThat(bw.process().waitFor(60, TimeUnit.SECONDS)).as("gave up by itself").isTrue();
      assertThat(bw.process().exitValue()).isEqualTo(1);
      assertThat(bw.output())
          .containsSubsequence(
              "config " + cfg + ": members[0].probe.target: '192.0.2.1' is a documentation address",
              "(line 3)",
              "config " + cfg + ": members[1].probe.target: '198.51.100.1' is a documentation",
              "(line 4)",
              "bondwatch: cannot start: cannot listen on 127.0.0.1:" + port);
    }
  }
}
