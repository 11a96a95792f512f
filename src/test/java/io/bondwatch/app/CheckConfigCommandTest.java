package io.bondwatch.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.bondwatch.config.ConfigYamlSamples;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class CheckConfigCommandTest {
  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cl = new CommandLine(new CheckConfigCommand());
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    return cl.execute(args);
  }

  @Test
  void validConfigExitsZeroWithOneLineSummary() throws IOException {
    String yaml =
        ConfigYamlSamples.MINIMAL.replace("192.0.2.1", "10.0.0.1").replace("198.51.100.1", "gw2");
    Path file = Files.writeString(dir.resolve("bw.yml"), yaml);
    assertThat(run("--config", file.toString())).isZero();
    assertThat(out.toString())
        .isEqualTo(
            "ok: "
                + file
                + ": 2 members (dsl1 on eth1, dsl2 on eth2), bond mp0 (multilink), actuator dry-run, 0 reports"
                + System.lineSeparator());
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void placeholdersAreWarnedAboutOneLineEachAndTheExitStaysZero() throws IOException {
    Path file = Files.writeString(dir.resolve("bw.yml"), ConfigYamlSamples.MINIMAL);
    assertThat(run("--config", file.toString())).isZero();
    assertThat(out.toString()).startsWith("ok: ");
    assertThat(err.toString().lines())
        .containsExactly(
            "warning: members[0].probe.target: '192.0.2.1' is a documentation address"
                + " (192.0.2.0/24, 198.51.100.0/24, 203.0.113.0/24, 2001:db8::/32) that nothing"
                + " answers; replace it with a real one (line 3)",
            "warning: members[1].probe.target: '198.51.100.1' is a documentation address"
                + " (192.0.2.0/24, 198.51.100.0/24, 203.0.113.0/24, 2001:db8::/32) that nothing"
                + " answers; replace it with a real one (line 4)");
  }

  @Test
  void invalidConfigExitsTwoWithOneLinePerProblemOnStderr() throws IOException {
    String yaml =
        ConfigYamlSamples.MINIMAL.replace("198.51.100.1", "300.1.2.3") + "probe: { intrval: 1s }\n";
    Path file = Files.writeString(dir.resolve("bw.yml"), yaml);
    assertThat(run("-c", file.toString())).isEqualTo(2);
    assertThat(out.toString()).isEmpty();
    assertThat(err.toString().lines())
        .containsExactly(
            "members[1].probe.target: '300.1.2.3' is not an IP address or host name (line 4)",
            "probe.intrval: unknown key; did you mean 'interval'? (line 5)");
  }

  @Test
  void missingEmptyAndUnreadableFilesEachGiveOneLine() throws IOException {
    Path empty = Files.createFile(dir.resolve("empty.yml"));
    for (Path file : new Path[] {dir.resolve("missing.yml"), empty, dir}) {
      err.getBuffer().setLength(0);
      assertThat(run("--config", file.toString())).isEqualTo(2);
      assertThat(err.toString().lines()).singleElement().asString().contains(file.toString());
    }
  }

  // A guard against a hang, not a performance figure: a FIFO used to block in open() for good.
  @Test
  @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void aFifoAndAnEndlessDeviceExitTwoWithOneLine() throws Exception {
    Path fifo = dir.resolve("fifo.yml");
    assertThat(new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start().waitFor())
        .isZero();
    for (Path file : new Path[] {fifo, Path.of("/dev/zero")}) {
      err.getBuffer().setLength(0);
      assertThat(run("--config", file.toString())).isEqualTo(2);
      assertThat(err.toString().lines())
          .singleElement()
          .asString()
          .startsWith("config file " + file + " is not a regular file");
    }
  }

  @Test
  void garbageNeverShowsAStackTrace() throws IOException {
    Path file = Files.writeString(dir.resolve("bw.yml"), "{{{{ [ : \u0000 \t&x *y !!binary ~");
    assertThat(run("--config", file.toString())).isEqualTo(2);
    assertThat(err.toString()).doesNotContain("Exception").doesNotContain("\tat ");
    assertThat(err.toString().lines()).hasSize(1);
  }

  @Test
  void usageErrorsExitTwoAndHelpSaysWhatIsActedOnLater() {
    assertThat(run("--config")).isEqualTo(2);
    assertThat(run("--help")).isZero();
    assertThat(out.toString()).contains("--config").contains("only acted on by later versions");
  }
}
