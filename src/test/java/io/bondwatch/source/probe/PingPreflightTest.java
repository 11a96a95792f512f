package io.bondwatch.source.probe;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The start-up checks of ping, against fake pings that misbehave. */
// the timeout only turns a hang (the bug) into a failure; nothing here is timed
@Timeout(value = 30, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class PingPreflightTest {
  @TempDir Path dir;

  private PingSettings fakePing(String script) throws IOException {
    Path ping = dir.resolve("ping");
    Files.writeString(ping, "#!/bin/sh\n" + script + "\n");
    Files.setPosixFilePermissions(ping, PosixFilePermissions.fromString("rwx------"));
    PingSettings d = PingSettings.defaults();
    return new PingSettings(d.interval(), d.timeout(), d.maxBackoff(), List.of(ping.toString()));
  }

  @Test
  void aPingThatHangsSilentlyOnDashVIsAOneLineErrorNamingTheCommand() throws IOException {
    // not exec: the sleeping child holds the output pipe open after the shell is killed
    PingSettings s = fakePing("sleep 600");
    assertThatThrownBy(() -> PingPreflight.check(s, Duration.ofMillis(300)))
        .isInstanceOf(ProbeUnavailableException.class)
        .hasMessage(
            "'"
                + s.command().get(0)
                + " -V' did not finish within 300 ms and printed nothing:"
                + " is this a working iputils ping?");
  }

  @Test
  void aPingThatHangsInTheSelfTestIsAnErrorWithWhatItSaid() throws IOException {
    PingSettings s =
        fakePing(
            """
            if [ "$1" = -V ]; then echo 'ping from iputils 20221126'; exit 0; fi
            echo 'PING 127.0.0.1 (127.0.0.1) from 127.0.0.1 lo: 56(84) bytes of data.'
            exec sleep 600""");
    assertThatThrownBy(() -> PingPreflight.check(s, Duration.ofMillis(300)))
        .isInstanceOf(ProbeUnavailableException.class)
        .hasMessageStartingWith("'" + s.command().get(0) + " -n -c 1 -W 1 -i 0.2 -I lo 127.0.0.1'")
        .hasMessageContaining("did not finish within 300 ms (it said 'PING 127.0.0.1")
        .hasMessageNotContaining("\n");
  }

  @Test
  void aPingThatIsNotIputilsIsRefused() throws IOException {
    PingSettings s = fakePing("echo 'ping (BusyBox) v1.36'");
    assertThatThrownBy(() -> PingPreflight.check(s, Duration.ofSeconds(5)))
        .isInstanceOf(ProbeUnavailableException.class)
        .hasMessageContaining("is not iputils ping");
  }
}
