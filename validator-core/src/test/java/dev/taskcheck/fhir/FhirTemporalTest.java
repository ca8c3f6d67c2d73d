package dev.taskcheck.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.taskcheck.fhir.FhirTemporal.Precision;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * FHIR date, dateTime and instant values read as spans, and the certain comparisons between them.
 */
class FhirTemporalTest {

  @Test
  void epochDaysAreLocalDatesForEveryDayOfEveryYearALexicalValueHas() {
    // years 0000-9999 and the one after (a year's or December's end), every day number of every
    // month; and months and days out of range in years of each leap rule
    java.util.Set<Integer> edgeYears = java.util.Set.of(-1, 0, 1, 4, 100, 400, 1900, 2000, 10_000);
    for (int year = -1; year <= 10_000; year++) {
      boolean edge = edgeYears.contains(year);
      for (int month = edge ? 0 : 1; month <= (edge ? 13 : 12); month++) {
        for (int day = edge ? 0 : 1; day <= (edge ? 32 : 31); day++) {
          LocalDate expected;
          try {
            expected = LocalDate.of(year, month, day);
          } catch (DateTimeException e) {
            expected = null;
          }
          Long actual;
          try {
            actual = FhirTemporal.epochDay(year, month, day);
          } catch (DateTimeException e) {
            actual = null;
          }
          Long wanted = expected == null ? null : expected.toEpochDay();
          if (!java.util.Objects.equals(actual, wanted)) {
            assertThat(actual).as("%d-%d-%d", year, month, day).isEqualTo(wanted);
          }
        }
      }
    }
  }

  private static FhirTemporal of(String text) {
    return FhirTemporal.parse(text).orElseThrow(() -> new AssertionError("not parsed: " + text));
  }

  private static Instant at(String instant) {
    return Instant.parse(instant);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      # without an offset: local start read at +14:00, local end read at -12:00
      2024                          | YEAR   | 2023-12-31T10:00:00Z           | 2025-01-01T12:00:00Z           | false
      2024-02                       | MONTH  | 2024-01-31T10:00:00Z           | 2024-03-01T12:00:00Z           | false
      2023-02                       | MONTH  | 2023-01-31T10:00:00Z           | 2023-03-01T12:00:00Z           | false
      2024-02-29                    | DAY    | 2024-02-28T10:00:00Z           | 2024-03-01T12:00:00Z           | false
      2024-12-31                    | DAY    | 2024-12-30T10:00:00Z           | 2025-01-01T12:00:00Z           | false
      2024-01-10T09:00:00           | SECOND | 2024-01-09T19:00:00Z           | 2024-01-10T21:00:01Z           | false
      2024-01-10T09:00:00.25        | MILLI  | 2024-01-09T19:00:00.25Z        | 2024-01-10T21:00:00.26Z        | false
      # with an offset: exactly that span
      2024-01-10T09:00:00Z          | SECOND | 2024-01-10T09:00:00Z           | 2024-01-10T09:00:01Z           | true
      2024-01-10T09:00:00+00:00     | SECOND | 2024-01-10T09:00:00Z           | 2024-01-10T09:00:01Z           | true
      2024-01-10T09:00:00-00:00     | SECOND | 2024-01-10T09:00:00Z           | 2024-01-10T09:00:01Z           | true
      2024-01-10T09:00:00+02:00     | SECOND | 2024-01-10T07:00:00Z           | 2024-01-10T07:00:01Z           | true
      2024-01-10T09:00:00-05:30     | SECOND | 2024-01-10T14:30:00Z           | 2024-01-10T14:30:01Z           | true
      2024-01-10T09:00:00+14:00     | SECOND | 2024-01-09T19:00:00Z           | 2024-01-09T19:00:01Z           | true
      2024-01-10T09:00:00-14:00     | SECOND | 2024-01-10T23:00:00Z           | 2024-01-10T23:00:01Z           | true
      2024-01-10T23:59:59+13:59     | SECOND | 2024-01-10T10:00:59Z           | 2024-01-10T10:01:00Z           | true
      2024-01-01T00:00:00-01:00     | SECOND | 2024-01-01T01:00:00Z           | 2024-01-01T01:00:01Z           | true
      # fractions: one unit of the last digit
      2024-01-10T09:00:00.5Z        | MILLI  | 2024-01-10T09:00:00.5Z         | 2024-01-10T09:00:00.6Z         | true
      2024-01-10T09:00:00.50Z       | MILLI  | 2024-01-10T09:00:00.5Z         | 2024-01-10T09:00:00.51Z        | true
      2024-01-10T09:00:00.123Z      | MILLI  | 2024-01-10T09:00:00.123Z       | 2024-01-10T09:00:00.124Z       | true
      2024-01-10T09:00:00.000Z      | MILLI  | 2024-01-10T09:00:00Z           | 2024-01-10T09:00:00.001Z       | true
      2024-01-10T09:00:00.050Z      | MILLI  | 2024-01-10T09:00:00.05Z        | 2024-01-10T09:00:00.051Z       | true
      2024-01-10T09:00:00.123456Z   | MILLI  | 2024-01-10T09:00:00.123456Z    | 2024-01-10T09:00:00.123457Z    | true
      2024-01-10T09:00:00.123456789Z| MILLI  | 2024-01-10T09:00:00.123456789Z | 2024-01-10T09:00:00.12345679Z  | true
      2024-01-10T09:00:00.999999999Z| MILLI  | 2024-01-10T09:00:00.999999999Z | 2024-01-10T09:00:01Z           | true
      2024-12-31T23:59:59.9Z        | MILLI  | 2024-12-31T23:59:59.9Z         | 2025-01-01T00:00:00Z           | true
      # leap second: second 59, its span ending at the next minute
      2016-12-31T23:59:60Z          | SECOND | 2016-12-31T23:59:59Z           | 2017-01-01T00:00:00Z           | true
      2016-12-31T23:59:60.5Z        | MILLI  | 2016-12-31T23:59:59.5Z         | 2017-01-01T00:00:00Z           | true
      2017-01-01T00:59:60+01:00     | SECOND | 2016-12-31T23:59:59Z           | 2017-01-01T00:00:00Z           | true
      2016-12-31T23:59:60           | SECOND | 2016-12-31T09:59:59Z           | 2017-01-01T12:00:00Z           | false
      # the ends of the calendar
      0001                          | YEAR   | 0000-12-31T10:00:00Z           | 0002-01-01T12:00:00Z           | false
      9999-12-31                    | DAY    | 9999-12-30T10:00:00Z           | +10000-01-01T12:00:00Z         | false
      """)
  void readsTheSpanOfEachPrecision(
      String text, Precision precision, String low, String high, boolean zoned) {
    FhirTemporal t = of(text);
    assertThat(t.text()).isEqualTo(text);
    assertThat(t.precision()).isEqualTo(precision);
    assertThat(t.low()).isEqualTo(at(low));
    assertThat(t.high()).isEqualTo(at(high));
    assertThat(t.zoned()).isEqualTo(zoned);
  }

  @ParameterizedTest(name = "{0} and {1}: same instant {2}")
  @CsvSource({
    "2025-01-01T10:00:00Z, 2025-01-01T10:00:00Z, true",
    "2025-01-01T10:00:00Z, 2025-01-01T11:00:00+01:00, true",
    "2025-01-01T10:00:00Z, 2025-01-01T10:00:00.000Z, true",
    "2025-01-01T10:00:00.5Z, 2025-01-01T10:00:00.500000Z, true",
    "2025-01-01T10:00:00, 2025-01-01T10:00:00.000, true",
    "2025-01-01T10:00:00Z, 2025-01-01T10:00:00.500Z, false",
    "2025-01-01T10:00:00Z, 2025-01-01T10:00:01Z, false",
    "2025-01-01T10:00:00Z, 2025-01-01T10:00:00, false",
    "2025-01-01, 2025-01-01, true",
    "2025-01-01, 2025-01-01T00:00:00Z, false",
    "2025-01, 2025-01-01, false"
  })
  void sameInstantReadsTheInstantWrittenWhateverTheOffsetAndDigits(
      String a, String b, boolean same) {
    assertThat(of(a).sameInstant(of(b))).isEqualTo(same);
    assertThat(of(b).sameInstant(of(a))).isEqualTo(same);
  }

  @Test
  void fractionalSpansAreOneUnitOfTheLastDigit() {
    String prefix = "2024-01-10T09:00:00.";
    String digits = "123456789";
    for (int n = 1; n <= 9; n++) {
      FhirTemporal t = of(prefix + digits.substring(0, n) + "Z");
      assertThat(Duration.between(t.low(), t.high()))
          .as("%d digits", n)
          .isEqualTo(Duration.ofNanos((long) Math.pow(10, 9 - n)));
      assertThat(t.precision()).isEqualTo(Precision.MILLI);
    }
  }

  @Test
  void spansWithoutAnOffsetWidenByTwentySixHours() {
    assertThat(Duration.between(of("2024-01-10").low(), of("2024-01-10").high()))
        .isEqualTo(Duration.ofHours(24 + 26));
    assertThat(Duration.between(of("2024-01-10T09:00:00").low(), of("2024-01-10T09:00:00").high()))
        .isEqualTo(Duration.ofHours(26).plusSeconds(1));
    assertThat(Duration.between(of("2024").low(), of("2024").high()))
        .isEqualTo(Duration.ofDays(366).plusHours(26));
  }

  @ParameterizedTest(name = "[{index}] \"{0}\"")
  @NullAndEmptySource
  @ValueSource(
      strings = {
        "abc",
        "2024-13-01", // no month 13
        "2024-00",
        "2024-02-30", // no such day
        "2023-02-29", // not a leap year
        "2100-02-29", // not a leap year either
        "2024-04-31",
        "2024-01-00",
        "2024-01-32",
        "0000", // FHIR has no year zero
        "10000",
        "-2024",
        "+2024",
        "24",
        "2024-1-10",
        "2024-01-1",
        "20240110",
        " 2024",
        "2024 ",
        "2024-01-10 ",
        "2024-01-10T25:00:00Z",
        "2024-01-10T24:00:00Z",
        "2024-01-10T09:60:00Z",
        "2024-01-10T09:00:61Z",
        "2024-01-10T09:00Z", // minutes without seconds are not FHIR
        "2024-01-10T09:00",
        "2024-01-10T09Z",
        "2024-01-10T",
        "2024-01-10T9:00:00Z",
        "2024-01-10 09:00:00Z",
        "2024-01-10t09:00:00z",
        "2024-01-10T09:00:00z",
        "2024-01-10T09:00:00.Z",
        "2024-01-10T09:00:00.1234567890Z", // more than nine fraction digits
        "2024-01-10T09:00:00,5Z",
        "2024-01-10T09:00:00+5:00",
        "2024-01-10T09:00:00+0500",
        "2024-01-10T09:00:00+05",
        "2024-01-10T09:00:00+14:01",
        "2024-01-10T09:00:00+15:00",
        "2024-01-10T09:00:00+05:60",
        "2024-01-10T09:00:00ZZ",
        "2024-01-10T09:00:00Z[UTC]",
        "2024-01-10Z", // an offset without a time is not FHIR
        "2024-01Z",
        "2024-01-10+01:00",
        "２０２４", // full-width digits
        "٢٠٢٤-٠١-١٠", // Arabic-Indic digits
        "2024-01-10T09:00:00Z\n",
        "2024-01-10\u0000",
      })
  void isEmptyForWhatIsNotADateOrDateTime(String text) {
    assertThat(FhirTemporal.parse(text)).isEmpty();
  }

  @Test
  void turnsAwayHugeInputAtOnce() {
    assertThat(FhirTemporal.parse("2024".repeat(1_000_000))).isEmpty();
    assertThat(FhirTemporal.parse("2024-01-10T09:00:00." + "1".repeat(100_000) + "Z")).isEmpty();
  }

  @Test
  void aDayAndATimeWithinItAreIndeterminateEitherWay() {
    FhirTemporal authoredOn = of("2024-01-10");
    FhirTemporal lastModified = of("2024-01-10T09:00:00Z");
    assertThat(authoredOn.certainlyBefore(lastModified)).isFalse();
    assertThat(lastModified.certainlyBefore(authoredOn)).isFalse();
    assertThat(authoredOn.certainlyNotBefore(lastModified)).isFalse();
    assertThat(lastModified.certainlyNotBefore(authoredOn)).isFalse();
  }

  @Test
  void twoUnzonedValuesShareTheirZoneSoTheyCompareOnTheLocalTimeline() {
    FhirTemporal tenth = of("2024-01-10");
    FhirTemporal eleventh = of("2024-01-11");
    assertThat(tenth.certainlyBefore(eleventh)).isTrue();
    assertThat(eleventh.certainlyNotBefore(tenth)).isTrue();
    assertThat(eleventh.certainlyBefore(tenth)).isFalse();
    assertThat(tenth.certainlyBefore(tenth)).isFalse();
    assertThat(of("2024-01").certainlyBefore(of("2024-01-31"))).isFalse();
    assertThat(of("2024-01").certainlyBefore(of("2024-02-01"))).isTrue();
  }

  @Test
  void aZonedAndAnUnzonedValueOneOrTwoDaysApartAreIndeterminate() {
    FhirTemporal tenth = of("2024-01-10");
    FhirTemporal twelfthZoned = of("2024-01-11T10:00:00Z");
    FhirTemporal thirteenth = of("2024-01-13");
    assertThat(tenth.high()).isEqualTo(at("2024-01-11T12:00:00Z"));
    assertThat(tenth.certainlyBefore(twelfthZoned)).isFalse();
    assertThat(twelfthZoned.certainlyNotBefore(tenth)).isFalse();
    assertThat(tenth.certainlyBefore(of("2024-01-11T12:00:00Z"))).isTrue();

    assertThat(thirteenth.low()).isEqualTo(at("2024-01-12T10:00:00Z"));
    assertThat(tenth.certainlyBefore(thirteenth)).isTrue();
    assertThat(thirteenth.certainlyNotBefore(tenth)).isTrue();
    assertThat(thirteenth.certainlyBefore(tenth)).isFalse();
    assertThat(tenth.certainlyNotBefore(thirteenth)).isFalse();
  }

  @Test
  void secondsCompareByTheirSpans() {
    FhirTemporal nine = of("2024-01-10T09:00:00Z");
    FhirTemporal nineAndOne = of("2024-01-10T09:00:01Z");
    // adjacent spans: the first ends where the second begins
    assertThat(nine.certainlyBefore(nineAndOne)).isTrue();
    assertThat(nineAndOne.certainlyNotBefore(nine)).isTrue();
    assertThat(nineAndOne.certainlyBefore(nine)).isFalse();
    // a value and itself: neither is certain
    assertThat(nine.certainlyBefore(nine)).isFalse();
    assertThat(nine.certainlyNotBefore(nine)).isFalse();
    // the same instant written in two zones
    FhirTemporal tenInParis = of("2024-01-10T10:00:00+01:00");
    assertThat(tenInParis.low()).isEqualTo(nine.low());
    assertThat(tenInParis.certainlyBefore(nine)).isFalse();
    assertThat(nine.certainlyBefore(tenInParis)).isFalse();
    // earlier in local time but later in fact
    FhirTemporal eightInNewYork = of("2024-01-10T08:00:00-05:00");
    assertThat(nine.certainlyBefore(eightInNewYork)).isTrue();
    assertThat(eightInNewYork.certainlyNotBefore(nine)).isTrue();
  }

  @Test
  void fractionsCompareByTheirSpans() {
    assertThat(of("2024-01-10T09:00:00.5Z").certainlyBefore(of("2024-01-10T09:00:00.6Z"))).isTrue();
    assertThat(of("2024-01-10T09:00:00.5Z").certainlyBefore(of("2024-01-10T09:00:00.55Z")))
        .isFalse();
    assertThat(of("2024-01-10T09:00:00.55Z").certainlyBefore(of("2024-01-10T09:00:00.6Z")))
        .isTrue();
    assertThat(of("2024-01-10T09:00:00.999Z").certainlyBefore(of("2024-01-10T09:00:01Z"))).isTrue();
    // a whole second holds its fractions
    assertThat(of("2024-01-10T09:00:00Z").certainlyBefore(of("2024-01-10T09:00:00.999Z")))
        .isFalse();
    assertThat(of("2024-01-10T09:00:00.999Z").certainlyNotBefore(of("2024-01-10T09:00:00Z")))
        .isFalse();
  }

  @Test
  void aLeapSecondEndsItsMinute() {
    FhirTemporal leap = of("2016-12-31T23:59:60Z");
    assertThat(of("2016-12-31T23:59:58Z").certainlyBefore(leap)).isTrue();
    assertThat(leap.certainlyBefore(of("2017-01-01T00:00:00Z"))).isTrue();
    assertThat(of("2016-12-31T23:59:59Z").certainlyBefore(leap)).isFalse();
  }

  @Test
  void coarseValuesHoldFinerOnes() {
    FhirTemporal year = of("2024");
    assertThat(year.certainlyBefore(of("2024-06-01T00:00:00Z"))).isFalse();
    assertThat(of("2024-06-01T00:00:00Z").certainlyBefore(year)).isFalse();
    // unzoned against unzoned: the same zone, so the local calendar decides
    assertThat(year.certainlyBefore(of("2025-01-01"))).isTrue();
    assertThat(year.certainlyBefore(of("2024-12-31"))).isFalse();
    assertThat(of("2023-12").certainlyBefore(of("2024-01"))).isTrue();
    // against a zoned instant, the unzoned year may end as late as 2025-01-01T12:00Z
    assertThat(year.certainlyBefore(of("2025-01-01T11:59:59Z"))).isFalse();
    assertThat(year.certainlyBefore(of("2025-01-01T12:00:00Z"))).isTrue();
    // without an offset, a dateTime spans 26 hours more than its second
    assertThat(of("2024-01-10T09:00:00").certainlyBefore(of("2024-01-10T09:00:01Z"))).isFalse();
    assertThat(of("2024-01-10T09:00:00").certainlyBefore(of("2024-01-10T21:00:00Z"))).isFalse();
    assertThat(of("2024-01-10T09:00:00").certainlyBefore(of("2024-01-10T21:00:01Z"))).isTrue();
  }

  @Test
  void certainlyAfterAnInstantNeedsTheWholeSpanAfterIt() {
    FhirTemporal tenth = of("2024-01-10"); // low 2024-01-09T10:00:00Z
    assertThat(tenth.certainlyAfter(at("2024-01-09T09:59:59Z"))).isTrue();
    assertThat(tenth.certainlyAfter(at("2024-01-09T10:00:00Z"))).isFalse();
    assertThat(tenth.certainlyAfter(at("2024-01-10T12:00:00Z"))).isFalse();
    FhirTemporal nine = of("2024-01-10T09:00:00Z");
    assertThat(nine.certainlyAfter(at("2024-01-10T08:59:59.999999999Z"))).isTrue();
    assertThat(nine.certainlyAfter(at("2024-01-10T09:00:00Z"))).isFalse();
    assertThat(nine.certainlyAfter(at("2024-01-10T09:00:00.5Z"))).isFalse();
  }

  @Test
  void theConstructorRefusesAnEmptySpan() {
    Instant t = at("2024-01-10T09:00:00Z");
    assertThatThrownBy(() -> new FhirTemporal("x", Precision.SECOND, t, t, true))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new FhirTemporal("x", Precision.SECOND, t.plusSeconds(1), t, true))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(new FhirTemporal("x", Precision.SECOND, t, t.plusSeconds(1), true).high())
        .isAfter(t);
  }

  /** The lexical form as a regular expression: the reading by position must agree with it. */
  private static final Pattern LEXICAL =
      Pattern.compile(
          "(?<year>[0-9]([0-9]([0-9][1-9]|[1-9]0)|[1-9]00)|[1-9]000)"
              + "(?:-(?<month>0[1-9]|1[0-2])"
              + "(?:-(?<day>0[1-9]|[12][0-9]|3[01])"
              + "(?:T(?<hour>[01][0-9]|2[0-3]):(?<minute>[0-5][0-9]):(?<second>[0-5][0-9]|60)"
              + "(?:\\.(?<fraction>[0-9]{1,9}))?"
              + "(?<offset>Z|[+-](?:(?:0[0-9]|1[0-3]):[0-5][0-9]|14:00))?"
              + ")?)?)?");

  @Test
  void readsExactlyTheLexicalForm() {
    Random random = new Random(7);
    String alphabet = "0123456789012345678901234567890-:T.Z+ ";
    String[] seeds = {
      "2024",
      "2024-02",
      "2024-02-29",
      "2023-02-29",
      "2024-02-29T23:59:60",
      "0000-01-01",
      "2024-01-10T09:00:00.123456789+14:00",
      "2024-01-10T09:00:00-13:59",
      "2024-01-10T09:00:00Z",
      "1000-10-31T00:00:00.1-00:00"
    };
    int parsed = 0;
    for (int k = 0; k < 200_000; k++) {
      StringBuilder b = new StringBuilder(seeds[random.nextInt(seeds.length)]);
      for (int e = random.nextInt(3); e > 0; e--) {
        int at = random.nextInt(b.length() + 1);
        char c = alphabet.charAt(random.nextInt(alphabet.length()));
        switch (random.nextInt(3)) {
          case 0 -> b.insert(at, c);
          case 1 -> b.setCharAt(Math.min(at, b.length() - 1), c);
          default -> b.setLength(at);
        }
        if (b.length() == 0) {
          b.append('2');
        }
      }
      String text = b.toString();
      Matcher m = LEXICAL.matcher(text);
      boolean expected = m.matches() && dayExists(m);
      var actual = FhirTemporal.parse(text);
      assertThat(actual.isPresent()).as(text).isEqualTo(expected);
      if (expected) {
        parsed++;
        assertThat(actual.get().zoned()).as(text).isEqualTo(m.group("offset") != null);
        Instant[] span = span(m);
        assertThat(actual.get().low()).as(text).isEqualTo(span[0]);
        assertThat(actual.get().high()).as(text).isEqualTo(span[1]);
      }
    }
    assertThat(parsed).isGreaterThan(10_000);
  }

  /** The span of a matched value, computed with java.time's LocalDateTime and ZoneOffset. */
  private static Instant[] span(Matcher m) {
    int year = Integer.parseInt(m.group("year"));
    LocalDateTime start;
    LocalDateTime end;
    if (m.group("month") == null) {
      start = LocalDate.of(year, 1, 1).atStartOfDay();
      end = start.plusYears(1);
    } else if (m.group("day") == null) {
      start = LocalDate.of(year, Integer.parseInt(m.group("month")), 1).atStartOfDay();
      end = start.plusMonths(1);
    } else {
      LocalDate date =
          LocalDate.of(year, Integer.parseInt(m.group("month")), Integer.parseInt(m.group("day")));
      if (m.group("hour") == null) {
        start = date.atStartOfDay();
        end = start.plusDays(1);
      } else {
        LocalDateTime minute =
            date.atTime(Integer.parseInt(m.group("hour")), Integer.parseInt(m.group("minute")));
        int second = Integer.parseInt(m.group("second"));
        String fraction = m.group("fraction");
        Duration unit =
            fraction == null
                ? Duration.ofSeconds(1)
                : Duration.ofNanos((long) Math.pow(10, 9 - fraction.length()));
        long nanos = fraction == null ? 0 : Long.parseLong(fraction) * unit.toNanos();
        start = minute.plusSeconds(second == 60 ? 59 : second).plusNanos(nanos);
        end = second == 60 ? minute.plusMinutes(1) : start.plus(unit);
      }
    }
    String offset = m.group("offset");
    if (offset == null) {
      return new Instant[] {
        start.toInstant(ZoneOffset.ofHours(14)), end.toInstant(ZoneOffset.ofHours(-12))
      };
    }
    ZoneOffset zone = ZoneOffset.of(offset);
    return new Instant[] {start.toInstant(zone), end.toInstant(zone)};
  }

  private static boolean dayExists(Matcher m) {
    if (m.group("day") == null) {
      return true;
    }
    try {
      LocalDate.of(
          Integer.parseInt(m.group("year")),
          Integer.parseInt(m.group("month")),
          Integer.parseInt(m.group("day")));
      return true;
    } catch (DateTimeException e) {
      return false;
    }
  }
}
