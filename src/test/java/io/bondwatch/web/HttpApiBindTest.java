package io.bondwatch.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.prometheus.client.CollectorRegistry;
import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class HttpApiBindTest {

  private static long httpThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.isAlive() && t.getName().startsWith("bondwatch-http"))
        .count();
  }

  @Test
  void aTakenPortIsABindExceptionAndLeavesNoThreadBehind() throws Exception {
    long before = httpThreads();
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      assertThatThrownBy(
              () ->
                  new HttpApi(
                      "127.0.0.1",
                      taken.getLocalPort(),
                      new CollectorRegistry(),
                      () -> null,
                      () -> Readiness.READY))
          .isInstanceOf(BindException.class);
    }
    await().atMost(Duration.ofSeconds(5)).until(() -> httpThreads() <= before);
    assertThat(httpThreads()).isLessThanOrEqualTo(before);
  }
}
