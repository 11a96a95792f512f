package io.bondwatch.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.bondwatch.time.FakeTimeSource;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Collections run on the collector executor, captured here and run by hand; a patience of 1 ns
 * means a request never waits for a collection that has not run yet.
 */
class LastGoodTest {
  private final FakeTimeSource time = new FakeTimeSource();
  private final Queue<Runnable> queued = new ArrayDeque<>();
  private final Executor captured = queued::add;
  private final AtomicInteger collections = new AtomicInteger();
  private volatile String value = "a";
  private volatile boolean failing;

  private LastGood<String> lastGood(Executor executor) {
    return new LastGood<>(
        "test",
        () -> {
          collections.incrementAndGet();
          if (failing) {
            throw new IllegalStateException("source broken");
          }
          return value;
        },
        executor,
        Duration.ofNanos(1),
        time);
  }

  private void runQueued() {
    while (!queued.isEmpty()) {
      queued.poll().run();
    }
  }

  @Test
  void aCollectionThatFinishesInTimeIsServedFresh() throws Exception {
    LastGood<String> lg = lastGood(Runnable::run);
    LastGood.Result<String> r = lg.get();
    assertThat(r.value()).isEqualTo("a");
    assertThat(r.fresh()).isTrue();
    value = "b";
    assertThat(lg.get().value()).as("every request collects afresh").isEqualTo("b");
  }

  @Test
  void aLateCollectionServesTheLastGoodOneAndNoSecondStartsMeanwhile() throws Exception {
    LastGood<String> lg = lastGood(captured);
    assertThat(lg.get().value()).as("nothing collected yet").isNull();
    assertThat(lg.get().fresh()).isFalse();
    assertThat(queued).hasSize(1);
    runQueued();
    value = "b";
    LastGood.Result<String> r = lg.get(); // starts a second collection, which is late again
    assertThat(r.value()).isEqualTo("a");
    assertThat(r.fresh()).isFalse();
    lg.get();
    lg.get();
    assertThat(queued).as("requests share the collection in flight").hasSize(1);
    runQueued();
    lg.get();
    runQueued();
    assertThat(lg.get().value()).isEqualTo("b");
    assertThat(collections).hasValue(3);
  }

  @Test
  void aFailedCollectionServesTheLastGoodOneAndTheNextRequestTriesAgain() throws Exception {
    LastGood<String> lg = lastGood(Runnable::run);
    assertThat(lg.get().value()).isEqualTo("a");
    failing = true;
    value = "b";
    LastGood.Result<String> r = lg.get();
    assertThat(r.value()).isEqualTo("a");
    assertThat(r.fresh()).isFalse();
    failing = false;
    assertThat(lg.get().value()).isEqualTo("b");
  }

  @Test
  void aFullCollectorPoolServesTheLastGoodOneAndTheNextRequestTriesAgain() throws Exception {
    boolean[] full = {false};
    LastGood<String> lg =
        lastGood(
            r -> {
              if (full[0]) {
                throw new RejectedExecutionException("pool full");
              }
              r.run();
            });
    assertThat(lg.get().value()).isEqualTo("a");
    full[0] = true;
    value = "b";
    assertThat(lg.get().value()).isEqualTo("a");
    full[0] = false;
    assertThat(lg.get().value()).isEqualTo("b");
  }

  @Test
  void theResultSaysWhenItsCollectionStarted() throws Exception {
    LastGood<String> lg = lastGood(captured);
    time.advance(Duration.ofSeconds(5));
    lg.get();
    long started = time.monotonicNanos();
    time.advance(Duration.ofSeconds(3));
    runQueued();
    assertThat(lg.get().collectedAtNanos()).isEqualTo(started);
  }
}
