package io.bondwatch.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.bondwatch.config.ConfigLoader;
import io.bondwatch.config.ConfigProblem;
import io.bondwatch.config.ConfigResult;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code bondwatch init} writes, read back by the config loader as check-config does. */
class InitConfigCheckTest {
  @TempDir Path dir;

  private ConfigResult.Valid load(String yaml) throws Exception {
    ConfigResult result = ConfigLoader.load(Files.writeString(dir.resolve("bw.yml"), yaml));
    assertThat(result.problems()).as(yaml).isEmpty();
    return (ConfigResult.Valid) result;
  }

  @Test
  void configLoaderAcceptsWhatInitWrites() throws Exception {
    String routes = "[{\"dst\":\"default\",\"gateway\":\"10.0.0.1\",\"dev\":\"ppp0\"}]";
    ConfigResult.Valid c = load(InitCommandTest.run(InitCommandTest.hostWithTwoPppds(dir, routes)));
    assertThat(c.config().members()).hasSize(2);
    // multilink members are judged by their underlay; the bundle is probed via its gateway
    assertThat(c.config().members()).allSatisfy(m -> assertThat(m.probe()).isNull());
    assertThat(c.config().bond().probe().target()).isEqualTo("10.0.0.1");
    assertThat(c.warnings()).isEmpty();
  }

  @Test
  void withoutAnyAddressForTheBundleTheOnePlaceholderIsWarnedAbout() throws Exception {
    ConfigResult.Valid c = load(InitCommandTest.run(InitCommandTest.hostWithTwoPppds(dir, "[]")));
    assertThat(c.warnings()).extracting(ConfigProblem::path).containsExactly("bond.probe.target");
  }

  @Test
  void everyPlaceholderInitLeavesIsWarnedAbout() throws Exception {
    ConfigResult.Valid c = load(InitCommandTest.run(InitCommandTest.hostWithoutPppd(dir, "[]")));
    assertThat(c.config().members()).hasSize(2);
    assertThat(c.warnings())
        .extracting(ConfigProblem::path)
        .containsExactly("members[0].probe.target", "members[1].probe.target");
  }
}
