package io.bondwatch.domain.member;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.LongRange;

/**
 * What the totals promise (docs/traffic.md): a device's real counter, read once per tick, with bad
 * readings and absences mixed in. A bad reading followed by a good one adds nothing; a real byte is
 * counted at most two good readings late; whatever the readings, the total never decreases and
 * never grows faster than the ceiling allows.
 */
class CounterTrackerPropertyTest {
  private static final long SEC = 1_000_000_000L;
  private static final long TOP = 1L << 32;

  enum Kind {
    REAL,
    RESTART,
    BAD,
    ABSENT
  }

  /**
   * One tick of a script.
   *
   * @param share of what the line could carry since the last real reading, for real traffic and
   *     restarts
   * @param bad which kind of bad value, see {@link Run#badValue}
   * @param noise the random part of the bad value
   */
  record Tick(Kind kind, long gapMillis, double share, int bad, long noise) {}

  /** Plays a script against a tracker and checks the promise after every tick. */
  private static final class Run {
    final double ceiling;
    final boolean thirtyTwoBit;
    final CounterTracker tracker;
    long raw;
    long realBytes;
    long now;
    long lastRealNanos;

    /** Real bytes as of the good reading before the last one, and the one before that. */
    long realOneBack;

    long realTwoBack;
    long previousTotal;

    Run(double ceiling, boolean thirtyTwoBit, long start) {
      this.ceiling = ceiling;
      this.thirtyTwoBit = thirtyTwoBit;
      this.tracker = new CounterTracker(ceiling);
      this.raw = thirtyTwoBit ? start % TOP : start;
      tracker.observe(raw, 0);
    }

    void play(Tick t) {
      now += t.gapMillis() * 1_000_000;
      long canCarry = (long) (ceiling * (now - lastRealNanos) / 1e9);
      if (t.kind() == Kind.REAL || t.kind() == Kind.RESTART) {
        realTwoBack = realOneBack;
        realOneBack = realBytes;
      }
      switch (t.kind()) {
        case REAL -> {
          // a 32-bit counter that grows by 2^32 in one read cannot be told from one standing still
          long growth = (long) (t.share() * Math.min(canCarry, thirtyTwoBit ? TOP / 2 : canCarry));
          realBytes += growth;
          raw = thirtyTwoBit ? (raw + growth) % TOP : raw + growth;
          real();
        }
        case RESTART -> {
          raw = (long) (t.share() * canCarry);
          realBytes += raw;
          real();
        }
        case BAD -> tracker.observe(badValue(t), now);
        case ABSENT -> {}
      }
      assertThat(tracker.total()).as("never decreases").isGreaterThanOrEqualTo(previousTotal);
      previousTotal = tracker.total();
      assertThat(tracker.total()).as("never more than real").isLessThanOrEqualTo(realBytes);
    }

    private void real() {
      tracker.observe(raw, now);
      lastRealNanos = now;
    }

    /** Garbage of the kinds seen in the field, and values just beside the truth. */
    long badValue(Tick t) {
      long near = (long) (ceiling * 2 * (now - lastRealNanos + SEC) / 1e9);
      return switch (t.bad()) {
        case 0 -> t.noise();
        case 1 -> Math.max(0, raw + t.noise() % (near + 1) * (t.noise() % 2 == 0 ? 1 : -1));
        case 2 -> 0;
        case 3 -> TOP - 1;
        case 4 -> Long.MAX_VALUE;
        case 5 -> raw / 10;
        default -> raw > Long.MAX_VALUE / 10 ? raw : raw * 10 + t.noise() % 10;
      };
    }
  }

  @Property(tries = 2000)
  void aBadReadingFollowedByAGoodOneAddsNothingAndDelaysNoByteBeyondTwoGoodReadings(
      @ForAll("isolated") List<Tick> ticks,
      @ForAll @DoubleRange(min = 1e3, max = 3.125e8) double ceiling,
      @ForAll boolean thirtyTwoBit,
      @ForAll @LongRange(min = 0, max = 1L << 62) long start) {
    Run run = new Run(ceiling, thirtyTwoBit, start);
    for (Tick t : ticks) {
      run.play(t);
      // with 32-bit counters a bad reading just before a wrap can cost the step across it
      if (t.kind() == Kind.REAL && !thirtyTwoBit) {
        assertThat(run.tracker.total())
            .as("counted up to two good readings back")
            .isGreaterThanOrEqualTo(run.realTwoBack);
      }
    }
  }

  @Property(tries = 2000)
  void restartsAndBadReadingsFollowedByGoodOnesAddNothing(
      @ForAll("withRestarts") List<Tick> ticks,
      @ForAll @DoubleRange(min = 1e3, max = 3.125e8) double ceiling,
      @ForAll @LongRange(min = TOP, max = 1L << 62) long start) {
    // a 64-bit counter: a 32-bit one restarting close to 2^32 looks exactly like a wrap
    Run run = new Run(ceiling, false, start);
    ticks.forEach(run::play);
  }

  @Property(tries = 2000)
  void anyReadingsAtAllNeverOutrunTheCeiling(
      @ForAll("anything") List<Tick> ticks,
      @ForAll @DoubleRange(min = 1e3, max = 3.125e8) double ceiling) {
    // runs of bad readings that agree with each other cannot be told from a live counter: the
    // promise left is that the total never decreases and never grows faster than the line could
    // carry (plus the second of slack each reading is allowed)
    CounterTracker c = new CounterTracker(ceiling);
    long now = 0;
    long previous = 0;
    c.observe(ticks.get(0).noise(), 0);
    for (int i = 1; i < ticks.size(); i++) {
      now += ticks.get(i).gapMillis() * 1_000_000;
      c.observe(ticks.get(i).noise(), now);
      assertThat(c.total()).isGreaterThanOrEqualTo(previous);
      assertThat((double) c.total()).isLessThanOrEqualTo(ceiling * (now + i * SEC) / 1e9);
      previous = c.total();
    }
  }

  @Provide
  Arbitrary<List<Tick>> isolated() {
    return scripts(Kind.REAL, Kind.BAD, Kind.ABSENT);
  }

  @Provide
  Arbitrary<List<Tick>> withRestarts() {
    return scripts(Kind.REAL, Kind.RESTART, Kind.BAD, Kind.ABSENT);
  }

  @Provide
  Arbitrary<List<Tick>> anything() {
    Arbitrary<Long> values =
        Arbitraries.oneOf(
            Arbitraries.longs().between(0, Long.MAX_VALUE),
            Arbitraries.longs().between(0, 1_000_000_000L),
            Arbitraries.of(0L, TOP - 1, TOP, Long.MAX_VALUE));
    return Combinators.combine(values, Arbitraries.longs().between(0, 3000))
        .as((v, gap) -> new Tick(Kind.BAD, gap, 0, 0, v))
        .list()
        .ofMinSize(1)
        .ofMaxSize(80);
  }

  /** Scripts of the given kinds in which two good readings follow every bad one. */
  private static Arbitrary<List<Tick>> scripts(Kind... kinds) {
    Arbitrary<Tick> tick =
        Combinators.combine(
                Arbitraries.of(kinds),
                Arbitraries.longs().between(100, 3000),
                Arbitraries.doubles().between(0, 1),
                Arbitraries.integers().between(0, 6),
                Arbitraries.longs().between(0, Long.MAX_VALUE))
            .as(Tick::new);
    return tick.list().ofMaxSize(120).map(CounterTrackerPropertyTest::isolate);
  }

  /**
   * Turns every bad reading with fewer than two good readings since the last bad one (absences
   * between do not count) into a good one.
   */
  private static List<Tick> isolate(List<Tick> ticks) {
    List<Tick> out = new ArrayList<>();
    int goodSinceBad = 2;
    for (Tick t : ticks) {
      Tick u = t;
      if (t.kind() == Kind.BAD && goodSinceBad < 2) {
        u = new Tick(Kind.REAL, t.gapMillis(), t.share(), t.bad(), t.noise());
      }
      if (u.kind() == Kind.BAD) {
        goodSinceBad = 0;
      } else if (u.kind() != Kind.ABSENT) {
        goodSinceBad++;
      }
      out.add(u);
    }
    return out;
  }
}
