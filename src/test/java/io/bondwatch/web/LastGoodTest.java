package io.bondwatch.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.bondwatch.time.FakeTimeSource;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Collections and timeouts are captured here and run by hand, on a fake clock: what a request gets
 * depends only on which of them has run.
 */
class LastGoodTest {
  private static final Duration PATIENCE = Duration.ofSeconds(2);
  private final FakeTimeSource time = new FakeTimeSource();
  private final Queue<Runnable> collections = new ArrayDeque<>();
  private final Queue<Runnable> timeouts = new ArrayDeque<>();
  private final AtomicInteger timersSet = new AtomicInteger();
  private final AtomicInteger collected = new AtomicInteger();
  private volatile String value = "a";
  private volatile boolean failing;

  private LastGood<String> lastGood(Executor executor) {
    return new LastGood<>(
        "test",
        () -> {
          collected.incrementAndGet();
          if (failing) {
            throw new IllegalStateException("source broken");
          }
          return value;
        },
        executor,
        (nanos, task) -> {
          assertThat(nanos).isEqualTo(PATIENCE.toNanos());
          timersSet.incrementAndGet();
          timeouts.add(task);
          return () -> timeouts.remove(task);
        },
        PATIENCE,
        time);
  }

  private static void runAll(Queue<Runnable> tasks) {
    while (!tasks.isEmpty()) {
      tasks.poll().run();
    }
  }

  @Test
  void aCollectionThatFinishesInTimeIsServedFreshAndItsTimeoutCancelled() {
    LastGood<String> lg = lastGood(Runnable::run);
    LastGood.Result<String> r = lg.get().join();
    assertThat(r.value()).isEqualTo("a");
    assertThat(r.fresh()).isTrue();
    value = "b";
    assertThat(lg.get().join().value()).as("every request collects afresh").isEqualTo("b");
    assertThat(timeouts).as("no timeout left holding an answer").isEmpty();
  }

  @Test
  void requestsWaitForTheCollectionInFlightAndShareIt() {
    LastGood<String> lg = lastGood(collections::add);
    CompletableFuture<LastGood.Result<String>> first = lg.get();
    CompletableFuture<LastGood.Result<String>> second = lg.get();
    assertThat(first).isNotDone();
    assertThat(collections).hasSize(1);
    assertThat(timersSet).hasValue(1);
    runAll(collections);
    assertThat(first.join().value()).isEqualTo("a");
    assertThat(second.join().fresh()).isTrue();
    assertThat(timeouts).isEmpty();
  }

  @Test
  void aLateCollectionServesTheLastGoodOneAndNoSecondStartsMeanwhile() {
    LastGood<String> lg = lastGood(collections::add);
    CompletableFuture<LastGood.Result<String>> first = lg.get();
    runAll(timeouts);
    assertThat(first.join().value()).as("nothing collected yet").isNull();
    assertThat(first.join().fresh()).isFalse();
    runAll(collections);

    value = "b";
    CompletableFuture<LastGood.Result<String>> second = lg.get(); // a collection that hangs
    runAll(timeouts);
    assertThat(second.join().value()).isEqualTo("a");
    assertThat(second.join().fresh()).isFalse();
    assertThat(lg.get().join().value())
        .as("while the late collection hangs: the last good one at once")
        .isEqualTo("a");
    assertThat(collections).as("no second collection piles up behind it").hasSize(1);

    runAll(collections);
    CompletableFuture<LastGood.Result<String>> after = lg.get();
    runAll(collections);
    assertThat(after.join().value()).isEqualTo("b");
    assertThat(collected).hasValue(3);
  }

  @Test
  void aFailedCollectionServesTheLastGoodOneAndTheNextRequestTriesAgain() {
    LastGood<String> lg = lastGood(Runnable::run);
    assertThat(lg.get().join().value()).isEqualTo("a");
    failing = true;
    value = "b";
    LastGood.Result<String> r = lg.get().join();
    assertThat(r.value()).isEqualTo("a");
    assertThat(r.fresh()).isFalse();
    failing = false;
    assertThat(lg.get().join().value()).isEqualTo("b");
    assertThat(timeouts).isEmpty();
  }

  @Test
  void aFullCollectorPoolServesTheLastGoodOneAndTheNextRequestTriesAgain() {
    boolean[] full = {false};
    LastGood<String> lg =
        lastGood(
            r -> {
              if (full[0]) {
                throw new RejectedExecutionException("pool full");
              }
              r.run();
            });
    assertThat(lg.get().join().value()).isEqualTo("a");
    full[0] = true;
    value = "b";
    assertThat(lg.get().join().value()).isEqualTo("a");
    full[0] = false;
    assertThat(lg.get().join().value()).isEqualTo("b");
    assertThat(timeouts).isEmpty();
  }

  @Test
  void theResultSaysWhenItsCollectionStarted() {
    LastGood<String> lg = lastGood(collections::add);
    time.advance(Duration.ofSeconds(5));
    CompletableFuture<LastGood.Result<String>> r = lg.get();
    long started = time.monotonicNanos();
    time.advance(Duration.ofSeconds(1));
    runAll(collections);
    assertThat(r.join().collectedAtNanos()).isEqualTo(started);
  }
}
