package io.bondwatch.domain.member;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class MissDeadlineTest {
  private static final long MS = 1_000_000;
  private final MissDeadline d =
      new MissDeadline(Duration.ofMillis(200), Duration.ofSeconds(1), Duration.ofMinutes(10));

  @Test
  void aCleanLineCountsAMissAsSoonAsPingReportsIt() {
    d.reply(1, 100 * MS, Duration.ofMillis(10));
    d.miss(2, 400 * MS, null);
    assertThat(d.due(400 * MS)).extracting(MissDeadline.Pending::seq).containsExactly(2L);
  }

  @Test
  void aLineThatHasShownSlowRepliesWaitsForThem() {
    d.reply(1, 1000 * MS, Duration.ofMillis(600));
    assertThat(d.deadlineNanos(1000 * MS)).isEqualTo(750 * MS);
    d.miss(5, 2000 * MS, null); // sent at 1800 ms
    assertThat(d.due(2400 * MS)).isEmpty();
    assertThat(d.reply(5, 2450 * MS, Duration.ofMillis(650))).isEmpty();
    assertThat(d.pendingCount()).isZero();
  }

  @Test
  void theDeadlineNeverPassesTheProbeTimeout() {
    d.reply(1, 0, Duration.ofSeconds(5));
    assertThat(d.deadlineNanos(0)).isEqualTo(1000 * MS);
  }

  @Test
  void slowRepliesAgeOutOfTheWindow() {
    d.reply(1, 0, Duration.ofMillis(800));
    d.reply(2, 60_000 * MS, Duration.ofMillis(20));
    assertThat(d.deadlineNanos(60_000 * MS)).isEqualTo(1000 * MS);
    assertThat(d.deadlineNanos(601_000 * MS)).isEqualTo(200 * MS);
  }

  @Test
  void aReplyToANewerProbeCountsOlderPendingMissesAtOnce() {
    d.reply(1, 0, Duration.ofMillis(700));
    d.miss(2, 1000 * MS, "x");
    d.miss(3, 1200 * MS, null);
    assertThat(d.reply(4, 1300 * MS, Duration.ofMillis(100)))
        .extracting(MissDeadline.Pending::seq)
        .containsExactly(2L, 3L);
    assertThat(d.pendingCount()).isZero();
  }

  @Test
  void drainHandsOverEverythingPending() {
    d.reply(1, 0, Duration.ofMillis(900));
    d.miss(2, 1000 * MS, null);
    d.miss(3, 1200 * MS, null);
    assertThat(d.drain()).hasSize(2);
    assertThat(d.due(10_000 * MS)).isEmpty();
  }
}
