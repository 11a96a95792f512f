package io.bondwatch.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class UnitsTest {

  @Nested
  class Rates {
    @ParameterizedTest
    @CsvSource({
      "5Mbit, 5000000",
      "5.0Mbit, 5000000",
      "800kbit, 800000",
      "1.024Mbit, 1024000",
      "1.5MB/s, 12000000",
      "100kB, 800000",
      "2 Gbit/s, 2000000000",
      "1B, 8",
      "7bit, 7",
      "1GB, 8000000000"
    })
    void acceptsDocumentedUnitsWithSiFactors(String text, long bits) {
      assertThat(Rate.parse(text).bitsPerSecond()).isEqualTo(bits);
    }

    @Test
    void givesBytesPerSecond() {
      assertThat(Rate.parse("800kbit").bytesPerSecond()).isEqualTo(100_000.0);
    }

    @Test
    void rejectsWrongCaseWithTheRightSpelling() {
      assertThatThrownBy(() -> Rate.parse("5mbit")).hasMessageContaining("did you mean 'Mbit'?");
      assertThatThrownBy(() -> Rate.parse("5KB")).hasMessageContaining("did you mean 'kB'?");
      assertThatThrownBy(() -> Rate.parse("5MBps")).hasMessageContaining("did you mean 'MB'?");
    }

    @ParameterizedTest
    @ValueSource(strings = {"5Mb", "5mb", "5Kb", "5Mbps", "5kbps", "5b", "5bps"})
    void rejectsBitOrByteAmbiguityNamingBoth(String text) {
      assertThatThrownBy(() -> Rate.parse(text))
          .hasMessageContaining("ambiguous")
          .hasMessageContaining("(bits) or")
          .hasMessageContaining("(bytes)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"5", "fast", "-5Mbit", "5Tbit", "0Mbit", "0.5bit", "1e3kbit", ""})
    void rejectsNonRates(String text) {
      assertThatThrownBy(() -> Rate.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void printsShortestExactSpelling() {
      assertThat(Rate.parse("1024kbit")).hasToString("1.024Mbit");
      assertThat(Rate.parse("10.0Mbit")).hasToString("10Mbit");
      assertThat(Rate.parse("12B")).hasToString("96bit");
    }
  }

  @Nested
  class Durations_ {
    @ParameterizedTest
    @CsvSource({
      "200ms, 200",
      "1.5s, 1500",
      "2m, 120000",
      "1h, 3600000",
      "0.5ms, 0.5",
      "10 s, 10000"
    })
    void acceptsMsSecondsMinutesHours(String text, double millis) {
      assertThat(Durations.parse(text).toNanos()).isEqualTo((long) (millis * 1_000_000));
    }

    @Test
    void rejectsBareNumberInsteadOfGuessingTheUnit() {
      assertThatThrownBy(() -> Durations.parse("200")).hasMessageStartingWith("has no unit");
    }

    @Test
    void rejectsUnknownAndWrongCaseUnits() {
      assertThatThrownBy(() -> Durations.parse("2d")).hasMessageContaining("unknown unit 'd'");
      assertThatThrownBy(() -> Durations.parse("2S")).hasMessageContaining("case-sensitive");
      assertThatThrownBy(() -> Durations.parse("-1s")).hasMessageStartingWith("is not a duration");
    }

    @Test
    void formatsBackToConfigSpelling() {
      assertThat(Durations.format(Duration.ofMinutes(2))).isEqualTo("2m");
      assertThat(Durations.format(Duration.ofMillis(1500))).isEqualTo("1.5s");
      assertThat(Durations.format(Duration.ofMillis(200))).isEqualTo("200ms");
      assertThat(Durations.format(Duration.ZERO)).isEqualTo("0ms");
    }
  }

  @Nested
  class Ratios {
    @ParameterizedTest
    @CsvSource({"10%, 0.1", "0.1, 0.1", "100%, 1", "0, 0", "12.5 %, 0.125", "1, 1"})
    void acceptsPercentOrFraction(String text, double value) {
      assertThat(Ratio.parse(text).value()).isEqualTo(value);
    }

    @Test
    void rejectsNumberAboveOneSuggestingPercent() {
      assertThatThrownBy(() -> Ratio.parse("50")).hasMessageContaining("did you mean '50%'?");
      assertThatThrownBy(() -> Ratio.parse("101%")).hasMessageContaining("above 100%");
      assertThatThrownBy(() -> Ratio.parse("-1%")).hasMessageStartingWith("is not a ratio");
    }
  }

  @Nested
  class HostNames {
    @ParameterizedTest
    @ValueSource(
        strings = {"192.0.2.1", "2001:db8::1", "::1", "fe80::1", "example.com", "dsl-gw", "a.b.c."})
    void acceptsAddressesAndNames(String text) {
      assertThat(Hosts.isIpOrHostName(text)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "300.1.2.3",
          "1.2.3",
          "01.2.3.4",
          "-bad.com",
          "a..b",
          "2001:db8::zz",
          "zz::1",
          "x y",
          ""
        })
    void rejectsMalformed(String text) {
      assertThat(Hosts.isIpOrHostName(text)).isFalse();
    }

    @Test
    void routeDestinationsAreDefaultOrPrefixes() {
      assertThat(Hosts.isRouteDestination("default")).isTrue();
      assertThat(Hosts.isRouteDestination("10.0.0.0/8")).isTrue();
      assertThat(Hosts.isRouteDestination("2001:db8::/32")).isTrue();
      assertThat(Hosts.isRouteDestination("10.0.0.0/33")).isFalse();
      assertThat(Hosts.isRouteDestination("example.com")).isFalse();
    }
  }

  @Nested
  class Suggestions {
    @Test
    void suggestsCloseKeysIncludingSwappedLetters() {
      assertThat(DidYouMean.suggest("intrval", java.util.List.of("interval", "timeout")))
          .isEqualTo("; did you mean 'interval'?");
      assertThat(DidYouMean.suggest("dya", java.util.List.of("day", "week"))).contains("'day'");
    }

    @Test
    void staysQuietWhenNothingIsClose() {
      assertThat(DidYouMean.suggest("colour", java.util.List.of("interval", "timeout"))).isEmpty();
    }
  }
}
