package dev.taskcheck.fhir;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A FHIR {@code date}, {@code dateTime} or {@code instant} value read as the span of time it can
 * denote.
 *
 * <p>A value names a span, not a point: {@code 2024-01} is the whole of January, {@code
 * 2024-01-10T09:00:00Z} the whole of that second, {@code ...T09:00:00.5Z} a tenth of a second. A
 * value without a time-zone offset (every date and partial date, and a dateTime whose offset is
 * missing, which FHIR forbids but which is tolerated) could have been written in any zone from
 * {@code -12:00} to {@code +14:00}, so its span runs from its local start read at {@code +14:00} to
 * its local end read at {@code -12:00}. Comparisons are certain only when the spans do not overlap;
 * anything else is indeterminate.
 *
 * <p>A leap second ({@code ss} = {@code 60}) is read as second 59 whose span ends at the next
 * minute.
 *
 * @param text the lexical value as written
 * @param precision the finest component the value gives
 * @param low the earliest instant the value can denote (inclusive)
 * @param high the first instant after the latest one the value can denote (exclusive); after {@code
 *     low}
 * @param zoned whether the value carries a time-zone offset ({@code Z} or {@code ±hh:mm})
 */
public record FhirTemporal(
    String text, Precision precision, Instant low, Instant high, boolean zoned) {

  /** The finest component a value gives, and so the length of the span it denotes. */
  public enum Precision {
    /** {@code YYYY}: a calendar year. */
    YEAR,
    /** {@code YYYY-MM}: a calendar month. */
    MONTH,
    /** {@code YYYY-MM-DD}: a calendar day. */
    DAY,
    /** {@code YYYY-MM-DDThh:mm:ss}: one second. */
    SECOND,
    /**
     * Fractional seconds, of any number of digits from 1 to 9: the span is one unit of the last
     * digit ({@code .5} is 100 ms, {@code .123} is 1 ms, {@code .123456789} is 1 ns).
     */
    MILLI
  }

  /**
   * The easternmost zone a value without an offset may have been written in: its span starts
   * earliest.
   */
  private static final ZoneOffset EARLIEST_ZONE = ZoneOffset.ofHours(14);

  /**
   * The westernmost zone a value without an offset may have been written in: its span ends latest.
   */
  private static final ZoneOffset LATEST_ZONE = ZoneOffset.ofHours(-12);

  /**
   * Longer than any valid value (35 characters at most), so that huge strings are turned away at
   * once.
   */
  private static final int MAX_LENGTH = 64;

  /**
   * Reads the FHIR date and dateTime expressions (fractions of 1 to 9 digits), with the offset
   * optional also when a time is present, at their fixed positions: {@code
   * YYYY(-MM(-DD(Thh:mm:ss(.f{1,9})?(Z|(+|-)hh:mm)?)?)?)?}, the year not {@code 0000}, hours to 23,
   * seconds to 60 and offsets from -14:00 to +14:00 (minutes to 59 below 14 hours). An offset
   * without a time is not FHIR and does not match.
   */
  private static final class Lexical {
    int year;
    int month;
    int day;
    int hour = -1;
    int minute;
    int second;
    int fractionDigits;
    long fraction;

    /** Whether the value gives a time-zone offset, and the offset in seconds. */
    boolean zoned;

    int offsetSeconds;

    /** False when {@code t} is not of the form. */
    boolean read(String t) {
      int n = t.length();
      if (n < 4) {
        return false;
      }
      year = number(t, 0, 4);
      if (year <= 0) {
        return false; // not four digits, or 0000
      }
      if (n == 4) {
        return true;
      }
      if (n < 7 || t.charAt(4) != '-' || (month = number(t, 5, 7)) < 1 || month > 12) {
        return false;
      }
      if (n == 7) {
        return true;
      }
      if (n < 10 || t.charAt(7) != '-' || (day = number(t, 8, 10)) < 1 || day > 31) {
        return false;
      }
      if (n == 10) {
        return true;
      }
      if (n < 19
          || t.charAt(10) != 'T'
          || t.charAt(13) != ':'
          || t.charAt(16) != ':'
          || (hour = number(t, 11, 13)) < 0
          || hour > 23
          || (minute = number(t, 14, 16)) < 0
          || minute > 59
          || (second = number(t, 17, 19)) < 0
          || second > 60) {
        return false;
      }
      int i = 19;
      if (i < n && t.charAt(i) == '.') {
        int from = ++i;
        while (i < n && i - from < 10 && isDigit(t.charAt(i))) {
          i++;
        }
        fractionDigits = i - from;
        if (fractionDigits < 1 || fractionDigits > 9) {
          return false;
        }
        fraction = number(t, from, i);
      }
      if (i == n) {
        return true;
      }
      char z = t.charAt(i);
      if (z == 'Z') {
        zoned = true;
        return i + 1 == n;
      }
      if ((z != '+' && z != '-') || n != i + 6 || t.charAt(i + 3) != ':') {
        return false;
      }
      int hours = number(t, i + 1, i + 3);
      int minutes = number(t, i + 4, i + 6);
      if (hours < 0 || minutes < 0 || minutes > 59 || hours > 14 || (hours == 14 && minutes != 0)) {
        return false;
      }
      zoned = true;
      offsetSeconds = (z == '-' ? -1 : 1) * (hours * 3600 + minutes * 60);
      return true;
    }

    private static boolean isDigit(char c) {
      return c >= '0' && c <= '9';
    }

    /** The decimal number in {@code t[from, to)}, or -1 when a character is not a digit. */
    private static int number(String t, int from, int to) {
      int v = 0;
      for (int k = from; k < to; k++) {
        char c = t.charAt(k);
        if (!isDigit(c)) {
          return -1;
        }
        v = v * 10 + (c - '0');
      }
      return v;
    }
  }

  /**
   * A value with the given span.
   *
   * @throws IllegalArgumentException when {@code high} is not after {@code low}
   */
  public FhirTemporal {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(precision, "precision");
    Objects.requireNonNull(low, "low");
    Objects.requireNonNull(high, "high");
    if (!low.isBefore(high)) {
      throw new IllegalArgumentException("empty span: high " + high + " is not after low " + low);
    }
  }

  /**
   * Parses a FHIR date, dateTime or instant lexical value; empty when the text is not one (never
   * throws). Calendar dates that do not exist ({@code 2023-02-30}) and times without seconds are
   * not values.
   */
  public static Optional<FhirTemporal> parse(@Nullable String text) {
    if (text == null || text.length() > MAX_LENGTH) {
      return Optional.empty();
    }
    Lexical m = new Lexical();
    if (!m.read(text)) {
      return Optional.empty();
    }
    // local seconds since 1970-01-01T00:00 and nanoseconds of the span's start and end, counted
    // here rather than with LocalDateTime arithmetic, which showed in profiles
    long startSecond;
    long startNano = 0;
    long endSecond;
    long endNano = 0;
    Precision precision;
    try {
      if (m.month == 0) {
        startSecond = epochDay(m.year, 1, 1) * SECONDS_PER_DAY;
        endSecond = epochDay(m.year + 1, 1, 1) * SECONDS_PER_DAY;
        precision = Precision.YEAR;
      } else if (m.day == 0) {
        startSecond = epochDay(m.year, m.month, 1) * SECONDS_PER_DAY;
        endSecond =
            (m.month == 12 ? epochDay(m.year + 1, 1, 1) : epochDay(m.year, m.month + 1, 1))
                * SECONDS_PER_DAY;
        precision = Precision.MONTH;
      } else if (m.hour < 0) {
        startSecond = epochDay(m.year, m.month, m.day) * SECONDS_PER_DAY;
        endSecond = startSecond + SECONDS_PER_DAY;
        precision = Precision.DAY;
      } else {
        long minute =
            epochDay(m.year, m.month, m.day) * SECONDS_PER_DAY + m.hour * 3600L + m.minute * 60L;
        boolean leap = m.second == 60;
        long unitNanos = m.fractionDigits == 0 ? NANOS_PER_SECOND : tenToThe(9 - m.fractionDigits);
        // under a second: at most 9 fraction digits, each a unit of the last one
        startNano = m.fraction * unitNanos;
        startSecond = minute + (leap ? 59 : m.second);
        // Instant.ofEpochSecond carries a nanosecond count of a whole second or more over
        endSecond = leap ? minute + 60 : startSecond;
        endNano = leap ? 0 : startNano + unitNanos;
        precision = m.fractionDigits == 0 ? Precision.SECOND : Precision.MILLI;
      }
    } catch (DateTimeException e) {
      return Optional.empty(); // a day the month does not have
    }
    // a value without an offset spans from its local start at the easternmost zone to its local end
    // at the westernmost
    long lowOffset = m.zoned ? m.offsetSeconds : EARLIEST_ZONE.getTotalSeconds();
    long highOffset = m.zoned ? m.offsetSeconds : LATEST_ZONE.getTotalSeconds();
    return Optional.of(
        new FhirTemporal(
            text,
            precision,
            Instant.ofEpochSecond(startSecond - lowOffset, startNano),
            Instant.ofEpochSecond(endSecond - highOffset, endNano),
            m.zoned));
  }

  private static final long SECONDS_PER_DAY = 86_400;
  private static final long NANOS_PER_SECOND = 1_000_000_000;

  /**
   * Days since 1970-01-01 in the proleptic Gregorian calendar, as {@code LocalDate.toEpochDay}
   * counts them; a DateTimeException for a day the month does not have. Counted here: {@code
   * LocalDate.of} showed in profiles.
   */
  static long epochDay(int year, int month, int day) {
    if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
      throw new DateTimeException("no such day: " + year + "-" + month + "-" + day);
    }
    // years from March, so that a leap day ends its year; eras of 400 years, 146,097 days each
    long y = month <= 2 ? year - 1L : year;
    long era = Math.floorDiv(y, 400);
    long yearOfEra = y - era * 400;
    int monthFromMarch = month > 2 ? month - 3 : month + 9;
    long dayOfYear = (153L * monthFromMarch + 2) / 5 + day - 1;
    long dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
    return era * 146_097 + dayOfEra - 719_468; // 719,468 days from 0000-03-01 to 1970-01-01
  }

  private static int daysInMonth(int year, int month) {
    return switch (month) {
      case 2 -> (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
      case 4, 6, 9, 11 -> 30;
      default -> 31;
    };
  }

  /**
   * True when this value's whole span ends before other's span begins: {@code high <= other.low}.
   * Two values without a time zone, from one resource, were written in the same (unknown) zone, so
   * they are compared on their local timeline: {@code 2024-04-02} is certainly before {@code
   * 2024-04-03}, which an R5 base check ({@code per-1}) misses.
   */
  public boolean certainlyBefore(FhirTemporal other) {
    if (!zoned && !other.zoned) {
      return !localHigh().isAfter(other.localLow());
    }
    return !high.isAfter(other.low);
  }

  /** The local start of an unzoned value, as if read at UTC. */
  private Instant localLow() {
    return low.plusSeconds(EARLIEST_ZONE.getTotalSeconds());
  }

  /** The local end (exclusive) of an unzoned value, as if read at UTC. */
  private Instant localHigh() {
    return high.plusSeconds(LATEST_ZONE.getTotalSeconds());
  }

  /**
   * True when this value's span begins at or after other's span ends ({@code low >= other.high}):
   * this cannot be before other.
   */
  public boolean certainlyNotBefore(FhirTemporal other) {
    if (!zoned && !other.zoned) {
      return !localLow().isBefore(other.localHigh());
    }
    return !low.isBefore(other.high);
  }

  /**
   * True when the two values name the same instant, whatever the offset and the number of fraction
   * digits they are written with: both give a time (seconds or finer) and their spans start at the
   * same instant, so {@code 10:00:00Z}, {@code 11:00:00+01:00} and {@code 10:00:00.000Z} are one
   * instant and {@code 10:00:00.5Z} is another. A value with a time is read as the instant it
   * writes, its missing fraction digits as zeros. Two values without an offset are compared on
   * their local timeline (one resource, one zone: see {@link #certainlyBefore}); a value with an
   * offset and one without are never the same instant, nor are two values when either has no time
   * (a date, a month), unless they are written identically.
   */
  public boolean sameInstant(FhirTemporal other) {
    if (text.equals(other.text)) {
      return true;
    }
    return precision.compareTo(Precision.SECOND) >= 0
        && other.precision.compareTo(Precision.SECOND) >= 0
        && zoned == other.zoned
        && low.equals(other.low);
  }

  /** True when this value is certainly after {@code instant}: {@code low > instant}. */
  public boolean certainlyAfter(Instant instant) {
    return low.isAfter(instant);
  }

  private static long tenToThe(int exponent) {
    long result = 1;
    for (int i = 0; i < exponent; i++) {
      result *= 10;
    }
    return result;
  }
}
