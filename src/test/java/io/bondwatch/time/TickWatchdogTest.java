package io.bondwatch.time;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class TickWatchdogTest {
  private final FakeTimeSource time = new FakeTimeSource();
  private final TickWatchdog dog =
      new TickWatchdog(time, Duration.ofSeconds(1), Duration.ofSeconds(2));

  @Test
  void regularTicksAreOk() {
    time.advanceMillis(1000);
    assertThat(dog.tick()).isEqualTo(TickWatchdog.Verdict.OK);
  }

  @Test
  void noticesWallClockSetBack() {
    time.advanceMillis(1000);
    time.setWall(time.wallTime().minusSeconds(3600));
    assertThat(dog.tick()).isEqualTo(TickWatchdog.Verdict.WALL_JUMPED_BACK);
  }

  @Test
  void noticesLateTick() {
    time.advanceMillis(10_000);
    assertThat(dog.tick()).isEqualTo(TickWatchdog.Verdict.LATE);
  }

  @Test
  void logsDurationsAsPeopleReadThem() {
    Logger logger = (Logger) LoggerFactory.getLogger(TickWatchdog.class);
    ListAppender<ILoggingEvent> seen = new ListAppender<>();
    seen.start();
    logger.addAppender(seen);
    try {
      time.advanceMillis(151_000);
      dog.tick();
      time.advanceMillis(1000);
      time.setWall(time.wallTime().plusSeconds(90));
      dog.tick();
    } finally {
      logger.detachAppender(seen);
    }
    assertThat(seen.list)
        .extracting(ILoggingEvent::getFormattedMessage)
        .containsExactly(
            "clock: tick came 2 m 30 s late (process stalled or suspended?)",
            "clock: wall time moved 1 m 31 s while 1 s passed; timestamps jump, windows do not");
  }
}
