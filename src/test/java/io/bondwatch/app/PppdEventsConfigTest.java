package io.bondwatch.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code pppd-events --config} through the real command line and the real config loader. */
class PppdEventsConfigTest {
  @TempDir Path dir;

  private record Run(int code, String out, String err) {}

  private Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = Main.commandLine();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int code = cl.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void attributesEventsToTheMembersOfTheConfig() throws Exception {
    Path config = dir.resolve("bondwatch.yml");
    Files.writeString(
        config,
        """
        bond: { name: mp0 }
        members:
          - { name: dsl1, interface: eth1, probe: { target: 192.0.2.1 } }
          - { name: dsl2, interface: eth2, probe: { target: 192.0.2.2 }, pppd: { device: eth2 } }
        """);
    Path log = dir.resolve("messages");
    Files.writeString(
        log,
        """
        Nov 24 10:00:01 r pppd[100]: Starting negotiation on eth1
        Nov 24 10:00:01 r pppd[200]: Starting negotiation on eth2
        Nov 24 10:05:00 r pppd[200]: No response to 4 echo-requests
        """);

    Run r = run("pppd-events", "--config", config.toString(), log.toString());

    assertThat(r.code()).isZero();
    assertThat(r.out().lines())
        .anySatisfy(l -> assertThat(l).contains("\"line\":1").contains("\"member\":\"dsl1\""))
        .anySatisfy(
            l ->
                assertThat(l)
                    .contains("\"event\":\"echo_timeout\"")
                    .contains("\"member\":\"dsl2\""));
  }

  @Test
  void anInvalidConfigIsReportedWithItsProblemsAndExitTwo() throws Exception {
    Path config = dir.resolve("bad.yml");
    Files.writeString(config, "bond: { name: mp0 }\nmembers: []\nprobe: { intervall: 1s }\n");
    Path log = dir.resolve("messages");
    Files.writeString(log, "");

    Run r = run("pppd-events", "--config", config.toString(), log.toString());

    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("did you mean 'interval'").doesNotContain("Exception");
  }
}
