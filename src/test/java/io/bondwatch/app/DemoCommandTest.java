package io.bondwatch.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class DemoCommandTest {
  @Test
  void aPortOutOfRangeIsBadUsageNotAFailedStart() {
    StringWriter err = new StringWriter();
    CommandLine cl = Main.commandLine();
    cl.setErr(new PrintWriter(err));
    assertThat(cl.execute("demo", "--port", "99999")).isEqualTo(2);
    assertThat(err.toString())
        .startsWith("Invalid value for option '--port': 99999 is not a port (0 to 65535)")
        .doesNotContain("Exception");
  }
}
