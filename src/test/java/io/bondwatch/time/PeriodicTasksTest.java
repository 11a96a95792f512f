package io.bondwatch.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class PeriodicTasksTest {
  private static final Duration STALE = Duration.ofSeconds(5);

  private final FakeTimeSource clock = new FakeTimeSource();
  private final PeriodicTasks tasks = new PeriodicTasks(clock);

  @Test
  void aTaskThatStoppedRunningShowsInReadinessWithHowLong() {
    TaskHealth netdev = tasks.register("netdev", "netdev sampler", STALE);
    netdev.succeeded();
    clock.advanceMillis(5000);
    assertThat(tasks.problems()).isEmpty();

    clock.advanceMillis(7000);
    assertThat(tasks.problems()).containsExactly("netdev sampler has not run for 12 s");
    assertThat(netdev.secondsSinceSuccess()).isEqualTo(12.0);

    netdev.succeeded();
    assertThat(tasks.problems()).isEmpty();
  }

  @Test
  void aTaskThatRunsButKeepsFailingSaysWhy() {
    TaskHealth netdev = tasks.register("netdev", "netdev sampler", STALE);
    netdev.succeeded();
    for (int i = 0; i < 8; i++) {
      clock.advanceMillis(1000);
      netdev.failed("/proc/net/dev: no such file");
    }

    assertThat(tasks.problems())
        .containsExactly("netdev sampler has failed for 8 s: /proc/net/dev: no such file");
    assertThat(netdev.runs()).isEqualTo(9);
    assertThat(netdev.failures()).isEqualTo(8);
  }

  @Test
  void aTaskThatNeverRanGetsItsGraceThenShows() {
    tasks.register("tick", "clock watchdog", STALE);
    clock.advanceMillis(5000);
    assertThat(tasks.problems()).isEmpty();

    clock.advanceMillis(1000);
    assertThat(tasks.problems()).containsExactly("clock watchdog has not run for 6 s");
  }

  @Test
  void tellsTheListenerOfEveryTaskBeforeAndAfterItSubscribed() {
    tasks.register("a", "a", STALE);
    List<String> seen = new ArrayList<>();
    tasks.onRegister(t -> seen.add(t.id()));
    tasks.register("b", "b", STALE);

    assertThat(seen).containsExactly("a", "b");
  }

  @Test
  void anErrorThrownByAScheduledTaskIsCountedAndTheTaskKeepsRunning() throws Exception {
    TaskHealth health = tasks.register("boom", "boom", STALE);
    ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
    try {
      // an executor silently cancels a task that throws: unguarded, it would run once
      ticker.scheduleAtFixedRate(
          health.guard(
              () -> {
                throw new ExceptionInInitializerError("a static initializer failed");
              },
              true),
          0,
          10,
          TimeUnit.MILLISECONDS);

      await().atMost(Duration.ofSeconds(10)).until(() -> health.failures() >= 3);
    } finally {
      ticker.shutdownNow();
    }
    assertThat(ticker.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    assertThat(health.runs()).isEqualTo(health.failures());
  }
}
