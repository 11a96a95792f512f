package io.bondwatch.web;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.prometheus.client.CollectorRegistry;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Stopping the HTTP port is a clean stop whatever its clients are doing: every connection is
 * closed, and nothing an admin reads says "failed" or shows an exception.
 */
class HttpStopTest {
  // a head timeout longer than the stop's grace: a client still sending its head outlasts it
  private static final HttpLimits LIMITS =
      new HttpLimits(4, 64, Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofMillis(300));

  private final Logger root = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
  private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
  private HttpApi api;

  @BeforeEach
  void start() throws IOException {
    logged.start();
    root.addAppender(logged);
    api =
        new HttpApi(
            "127.0.0.1",
            0,
            new CollectorRegistry(),
            () -> ApiFixture.status(1),
            () -> Readiness.READY,
            LIMITS);
  }

  @AfterEach
  void stop() {
    api.close();
    root.detachAppender(logged);
  }

  private void assertNothingFailedOrThrewIn(List<ILoggingEvent> events) {
    assertThat(events)
        .as("log of the stop")
        .noneMatch(e -> e.getLevel().isGreaterOrEqual(Level.WARN))
        .noneMatch(e -> e.getThrowableProxy() != null);
  }

  @Test
  void aConnectionKeptAliveIsClosedAndTheStopLogsNoFailure() throws Exception {
    try (RawClient kept = new RawClient(api.port())) {
      assertThat(kept.request("GET", "/-/healthy").status()).isEqualTo(200);

      api.close();

      assertNothingFailedOrThrewIn(logged.list);
      assertThat(kept.closedByServer(5000)).isTrue();
    }
  }

  @Test
  void aClientStillSendingItsHeadIsClosedWithoutAnException() throws Exception {
    ScheduledExecutorService trickle = Executors.newSingleThreadScheduledExecutor();
    try (RawClient slow = new RawClient(api.port())) {
      // one whole exchange first, so the server surely has the connection when it stops (one
      // still in the accept queue is the kernel's to reset, and the stop could race its accept)
      assertThat(slow.request("GET", "/-/healthy").status()).isEqualTo(200);
      slow.send("GET /metrics HTTP/1.1\r\nHost: x\r\n");
      // a header line every 20 ms: never idle for the 100 ms a stop allows, and its head never
      // ends (the head timeout is 10 s), so it may outlast the grace
      trickle.scheduleAtFixedRate(
          () -> {
            try {
              slow.send("X-Slow: 1\r\n");
            } catch (IOException e) {
              // closed by the stop: the assertion below sees it
            }
          },
          0,
          20,
          TimeUnit.MILLISECONDS);

      api.close();

      assertNothingFailedOrThrewIn(logged.list);
      // Jetty answers the head it never got whole with a 500, then closes
      assertThat(slow.readToClose())
          .as("what the server sent before closing")
          .doesNotStartWith("HTTP/1.1 200");
    } finally {
      trickle.shutdownNow();
    }
  }

  @Test
  void onlyTimeoutsAreTheGraceRunningOut() {
    TimeoutException grace = new TimeoutException();
    assertThat(JettyServer.graceRanOut(grace)).isTrue();
    TimeoutException twice = new TimeoutException();
    twice.addSuppressed(new TimeoutException());
    assertThat(JettyServer.graceRanOut(twice)).isTrue();
    TimeoutException andABug = new TimeoutException();
    andABug.addSuppressed(new IllegalStateException("connector failed"));
    assertThat(JettyServer.graceRanOut(andABug)).isFalse();
    assertThat(JettyServer.graceRanOut(new IllegalStateException())).isFalse();
  }
}
