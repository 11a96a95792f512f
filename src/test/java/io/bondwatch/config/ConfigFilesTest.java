package io.bondwatch.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@link ConfigLoader#load} on real files: each whole-file failure is one clear line. */
class ConfigFilesTest {
  @TempDir Path dir;

  @Test
  void loadsAValidFile() throws IOException {
    Path file = Files.writeString(dir.resolve("bw.yml"), ConfigYaml.MINIMAL);
    assertThat(ConfigLoader.load(file).isValid()).isTrue();
  }

  @Test
  void missingFile() {
    Path file = dir.resolve("nope.yml");
    assertThat(renderedProblems(file)).containsExactly("config file " + file + " does not exist");
  }

  @Test
  void unreadableFile() throws IOException {
    // As root every mode-000 file is readable, so a directory stands in for an unreadable file.
    assertThat(renderedProblems(dir))
        .containsExactly("cannot read config file " + dir + ": it is a directory");
  }

  @Test
  void emptyFile() throws IOException {
    Path file = Files.createFile(dir.resolve("empty.yml"));
    assertThat(renderedProblems(file)).containsExactly("config file " + file + " is empty");
  }

  @Test
  void notUtf8NamesTheLineOfTheFirstBadByte() throws IOException {
    Path file =
        Files.write(
            dir.resolve("latin1.yml"),
            "# config\nbond: { name: m\u00e4 }".getBytes(StandardCharsets.ISO_8859_1));
    assertThat(renderedProblems(file))
        .containsExactly("config file " + file + " is not UTF-8 text (line 2)");
  }

  // A guard against a hang, not a performance figure: a FIFO used to block in open() for good.
  @Test
  @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void aFifoIsRefusedUpFrontWithoutOpeningIt() throws Exception {
    Path fifo = dir.resolve("bondwatch.yml");
    Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start();
    assertThat(mkfifo.waitFor()).isZero();
    assertThat(renderedProblems(fifo))
        .containsExactly(
            "config file "
                + fifo
                + " is not a regular file (a device, FIFO or socket); give the YAML file itself");
  }

  @Test
  void anEndlessDeviceIsRefusedAlsoThroughALink() throws IOException {
    Path link = Files.createSymbolicLink(dir.resolve("zero.yml"), Path.of("/dev/zero"));
    for (Path file : new Path[] {Path.of("/dev/zero"), link}) {
      assertThat(renderedProblems(file))
          .singleElement()
          .asString()
          .isEqualTo(
              "config file "
                  + file
                  + " is not a regular file (a device, FIFO or socket); give the YAML file"
                  + " itself");
    }
  }

  @Test
  void tooLarge() throws IOException {
    Path file =
        Files.writeString(dir.resolve("big.yml"), "#".repeat((int) ConfigLoader.MAX_BYTES + 1));
    assertThat(renderedProblems(file))
        .containsExactly("config file " + file + " is larger than 1 MiB; is it the right file?");
  }

  @Test
  void shippedExampleIsValidAndUsesEverySection() throws IOException {
    String yaml;
    try (InputStream in = getClass().getResourceAsStream("example.yml")) {
      yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    BondwatchConfig c = ConfigYaml.valid(yaml);
    assertThat(c.members()).hasSize(2);
    assertThat(c.members().get(0).capacity().down()).isEqualTo(Rate.parse("5Mbit"));
    assertThat(c.sources().pppd().log()).isEqualTo(Path.of("/var/log/messages"));
    assertThat(c.actuator().commands().weight()).isNotEmpty();
    assertThat(c.reports()).extracting(ReportConfig::name).containsExactly("daily");
  }

  private static java.util.List<String> renderedProblems(Path file) {
    return ConfigLoader.load(file).problems().stream().map(ConfigProblem::render).toList();
  }
}
