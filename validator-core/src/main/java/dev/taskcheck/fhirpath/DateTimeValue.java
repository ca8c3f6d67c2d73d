package dev.taskcheck.fhirpath;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A FHIRPath Date, DateTime or Time value with partial precision: a Date to the year, month or day;
 * a DateTime to the year ... second (with any number of fraction digits) and an optional timezone
 * offset; a Time to the hour ... second. Immutable.
 */
public final class DateTimeValue {

  /** Which system type the value is. */
  public enum Kind {
    DATE("Date"),
    DATE_TIME("DateTime"),
    TIME("Time");

    private final String typeName;

    Kind(String typeName) {
      this.typeName = typeName;
    }

    /** The System type name ({@code Date}, {@code DateTime}, {@code Time}). */
    public String typeName() {
      return typeName;
    }
  }

  /** The finest component present; seconds include their fraction, if any. */
  public enum Precision {
    YEAR,
    MONTH,
    DAY,
    HOUR,
    MINUTE,
    SECOND
  }

  /**
   * Results of {@link #compare}: the first is before, equal, after, or the order cannot be known.
   */
  static final int LESS = -1;

  static final int EQUAL = 0;
  static final int GREATER = 1;

  /**
   * Equal as far as both go, but one has components the other lacks (or only one has an offset).
   */
  static final int UNCERTAIN = 2;

  /** A Time against a Date or DateTime. */
  static final int INCOMPARABLE = 3;

  private final Kind kind;
  private final Precision precision;
  private final int year;
  private final int month;
  private final int day;
  private final int hour;
  private final int minute;
  private final int second;

  /** Digits after the decimal point of the seconds ("" when none). */
  private final String fraction;

  /** The offset in minutes, or null when the value has none. */
  private final @Nullable Integer offsetMinutes;

  /** The offset as written ({@code Z}, {@code +10:00}), or "". */
  private final String offsetText;

  DateTimeValue(
      Kind kind,
      Precision precision,
      int year,
      int month,
      int day,
      int hour,
      int minute,
      int second,
      String fraction,
      @Nullable Integer offsetMinutes,
      String offsetText) {
    this.kind = kind;
    this.precision = precision;
    this.year = year;
    this.month = month;
    this.day = day;
    this.hour = hour;
    this.minute = minute;
    this.second = second;
    this.fraction = fraction;
    this.offsetMinutes = offsetMinutes;
    this.offsetText = offsetText;
  }

  public Kind kind() {
    return kind;
  }

  public Precision precision() {
    return precision;
  }

  public int year() {
    return year;
  }

  public int month() {
    return month;
  }

  public int day() {
    return day;
  }

  public int hour() {
    return hour;
  }

  public int minute() {
    return minute;
  }

  public int second() {
    return second;
  }

  /** The digits after the decimal point of the seconds, or "" when there are none. */
  public String fraction() {
    return fraction;
  }

  /** The timezone offset in minutes, or null when the value has none. */
  public @Nullable Integer offsetMinutes() {
    return offsetMinutes;
  }

  boolean has(Precision p) {
    return precision.compareTo(p) >= 0;
  }

  // ---------------------------------------------------------------- parsing

  /** A literal's text without the {@code @}: {@code 2014-01-25}, {@code 2014T}, {@code T10:30}. */
  static @Nullable DateTimeValue parseLiteral(String text, Lexer.Type type) {
    return switch (type) {
      case TIME -> parse(text, 1, Kind.TIME);
      case DATE -> parse(text, 0, Kind.DATE);
      default -> parse(text, 0, Kind.DATE_TIME);
    };
  }

  /**
   * A FHIR {@code date}, {@code dateTime}/{@code instant} or {@code time} lexical value, or a
   * string to convert.
   */
  static @Nullable DateTimeValue parse(String text, Kind kind) {
    return parse(text, 0, kind);
  }

  private static @Nullable DateTimeValue parse(String s, int start, Kind kind) {
    try {
      return new Reader(s, start).read(kind);
    } catch (DateTimeException | NumberFormatException e) {
      return null;
    }
  }

  /** Reads the components of a date, dateTime or time. */
  private static final class Reader {
    private final String s;
    private int pos;

    Reader(String s, int pos) {
      this.s = s;
      this.pos = pos;
    }

    @Nullable DateTimeValue read(Kind kind) {
      int year = 0;
      int month = 1;
      int day = 1;
      Precision precision = Precision.YEAR;
      if (kind != Kind.TIME) {
        year = digits(4);
        if (year < 0) {
          return null;
        }
        if (accept('-')) {
          month = digits(2);
          precision = Precision.MONTH;
          if (month < 1 || month > 12) {
            return null;
          }
          if (accept('-')) {
            day = digits(2);
            precision = Precision.DAY;
            if (day < 1 || day > YearMonth.of(year, month).lengthOfMonth()) {
              return null;
            }
          }
        }
        if (kind == Kind.DATE) {
          return pos == s.length()
              ? new DateTimeValue(kind, precision, year, month, day, 0, 0, 0, "", null, "")
              : null;
        }
        if (pos == s.length()) {
          return new DateTimeValue(kind, precision, year, month, day, 0, 0, 0, "", null, "");
        }
        if (!accept('T')) {
          return null;
        }
        if (pos == s.length()) {
          return new DateTimeValue(kind, precision, year, month, day, 0, 0, 0, "", null, "");
        }
        if (precision != Precision.DAY) {
          return null;
        }
      }
      int hour = digits(2);
      if (hour < 0 || hour > 23) {
        return null;
      }
      precision = Precision.HOUR;
      int minute = 0;
      int second = 0;
      String fraction = "";
      if (accept(':')) {
        minute = digits(2);
        precision = Precision.MINUTE;
        if (minute < 0 || minute > 59) {
          return null;
        }
        if (accept(':')) {
          second = digits(2);
          precision = Precision.SECOND;
          if (second < 0 || second > 59) {
            return null;
          }
          if (accept('.')) {
            int from = pos;
            while (pos < s.length() && Character.isDigit(s.charAt(pos))) {
              pos++;
            }
            if (pos == from) {
              return null;
            }
            fraction = s.substring(from, pos);
          }
        }
      }
      Integer offset = null;
      String offsetText = "";
      if (kind == Kind.DATE_TIME && pos < s.length()) {
        int from = pos;
        if (accept('Z')) {
          offset = 0;
        } else if (s.charAt(pos) == '+' || s.charAt(pos) == '-') {
          int sign = s.charAt(pos) == '-' ? -1 : 1;
          pos++;
          int oh = digits(2);
          if (oh < 0 || oh > 14 || !accept(':')) {
            return null;
          }
          int om = digits(2);
          if (om < 0 || om > 59) {
            return null;
          }
          offset = sign * (oh * 60 + om);
        } else {
          return null;
        }
        offsetText = s.substring(from, pos);
      }
      if (pos != s.length()) {
        return null;
      }
      return new DateTimeValue(
          kind, precision, year, month, day, hour, minute, second, fraction, offset, offsetText);
    }

    private boolean accept(char c) {
      if (pos < s.length() && s.charAt(pos) == c) {
        pos++;
        return true;
      }
      return false;
    }

    private int digits(int n) {
      if (pos + n > s.length()) {
        return -1;
      }
      int v = 0;
      for (int i = 0; i < n; i++) {
        char c = s.charAt(pos + i);
        if (c < '0' || c > '9') {
          return -1;
        }
        v = v * 10 + (c - '0');
      }
      pos += n;
      return v;
    }
  }

  // ---------------------------------------------------------------- conversions

  /** This Date as a DateTime (the same components, no offset); this value for a DateTime. */
  DateTimeValue toDateTime() {
    if (kind != Kind.DATE) {
      return this;
    }
    return new DateTimeValue(Kind.DATE_TIME, precision, year, month, day, 0, 0, 0, "", null, "");
  }

  /** The date part of a Date or DateTime. */
  DateTimeValue toDate() {
    Precision p = precision.compareTo(Precision.DAY) > 0 ? Precision.DAY : precision;
    return new DateTimeValue(Kind.DATE, p, year, month, day, 0, 0, 0, "", null, "");
  }

  /** The same instant at offset zero (only meaningful with an offset and at least the hour). */
  private DateTimeValue toUtc() {
    if (offsetMinutes == null || offsetMinutes == 0 || !has(Precision.HOUR)) {
      return this;
    }
    LocalDateTime t =
        LocalDateTime.of(year, month, day, hour, minute, second).minusMinutes(offsetMinutes);
    return new DateTimeValue(
        kind,
        precision,
        t.getYear(),
        t.getMonthValue(),
        t.getDayOfMonth(),
        t.getHour(),
        t.getMinute(),
        t.getSecond(),
        fraction,
        0,
        "Z");
  }

  /** The seconds with their fraction. */
  BigDecimal seconds() {
    return fraction.isEmpty()
        ? BigDecimal.valueOf(second)
        : new BigDecimal(second + "." + fraction);
  }

  // ---------------------------------------------------------------- comparison

  /**
   * Compares two values component by component (after bringing both to offset zero when both have
   * an offset): {@link #LESS}, {@link #EQUAL}, {@link #GREATER}, {@link #UNCERTAIN} when they agree
   * as far as both go but one is more precise (or the time of day is reached and only one has an
   * offset), and {@link #INCOMPARABLE} for a Time against a date.
   */
  static int compare(DateTimeValue a, DateTimeValue b) {
    if ((a.kind == Kind.TIME) != (b.kind == Kind.TIME)) {
      return INCOMPARABLE;
    }
    DateTimeValue x = a;
    DateTimeValue y = b;
    boolean offsetMismatch = false;
    if (a.kind != Kind.TIME) {
      boolean ha = a.offsetMinutes != null && a.has(Precision.HOUR);
      boolean hb = b.offsetMinutes != null && b.has(Precision.HOUR);
      if (ha && hb) {
        x = a.toUtc();
        y = b.toUtc();
      } else if (ha != hb) {
        offsetMismatch = true;
      }
      int c = Integer.compare(x.year, y.year);
      if (c != 0) {
        return Integer.signum(c);
      }
      for (Precision p : new Precision[] {Precision.MONTH, Precision.DAY}) {
        int r = step(x, y, p);
        if (r != EQUAL) {
          return r;
        }
        if (!x.has(p)) {
          return EQUAL;
        }
      }
      if (x.has(Precision.HOUR) != y.has(Precision.HOUR)) {
        return UNCERTAIN;
      }
      if (!x.has(Precision.HOUR)) {
        return EQUAL;
      }
      if (offsetMismatch) {
        return UNCERTAIN;
      }
    }
    int c = Integer.compare(x.hour, y.hour);
    if (c != 0) {
      return Integer.signum(c);
    }
    int r = step(x, y, Precision.MINUTE);
    if (r != EQUAL || !x.has(Precision.MINUTE)) {
      return r;
    }
    r = step(x, y, Precision.SECOND);
    if (r != EQUAL || !x.has(Precision.SECOND)) {
      return r;
    }
    return Integer.signum(x.seconds().compareTo(y.seconds()));
  }

  /**
   * Compares one component: UNCERTAIN when only one has it, EQUAL when neither has it or they
   * agree.
   */
  private static int step(DateTimeValue x, DateTimeValue y, Precision p) {
    boolean hx = x.has(p);
    boolean hy = y.has(p);
    if (hx != hy) {
      return UNCERTAIN;
    }
    if (!hx) {
      return EQUAL;
    }
    int c =
        switch (p) {
          case MONTH -> Integer.compare(x.month, y.month);
          case DAY -> Integer.compare(x.day, y.day);
          case MINUTE -> Integer.compare(x.minute, y.minute);
          default -> Integer.compare(x.second, y.second);
        };
    return Integer.signum(c);
  }

  // ---------------------------------------------------------------- precision and boundaries

  /**
   * The number of digits of precision: 4, 6, 8 (date), 10, 12, 14, 17 (dateTime); 2, 4, 6, 9
   * (time).
   */
  int precisionDigits() {
    int base = kind == Kind.TIME ? -8 : 0;
    return base
        + switch (precision) {
          case YEAR -> 4;
          case MONTH -> 6;
          case DAY -> 8;
          case HOUR -> 10;
          case MINUTE -> 12;
          case SECOND -> fraction.isEmpty() ? 14 : 17;
        };
  }

  /**
   * The least (low) or greatest (high) value this partial value may stand for, to {@code digits} of
   * precision (see {@link #precisionDigits()}); null for a precision the type does not have. A
   * dateTime without an offset is read at +14:00 for its low and -12:00 for its high boundary once
   * the time of day is reached; an hour-only dateTime (not valid FHIR) is read as that hour's first
   * minute.
   */
  @Nullable DateTimeValue boundary(boolean high, int digits) {
    Precision target;
    boolean millis = false;
    int d = kind == Kind.TIME ? digits + 8 : digits;
    switch (d) {
      case 4 -> target = Precision.YEAR;
      case 6 -> target = Precision.MONTH;
      case 8 -> target = Precision.DAY;
      case 10 -> target = Precision.HOUR;
      case 12 -> target = Precision.MINUTE;
      case 14 -> target = Precision.SECOND;
      case 17 -> {
        target = Precision.SECOND;
        millis = true;
      }
      default -> {
        return null;
      }
    }
    if ((kind == Kind.DATE && target.compareTo(Precision.DAY) > 0)
        || (kind == Kind.TIME && target.compareTo(Precision.HOUR) < 0)) {
      return null;
    }
    Precision own = precision;
    int ownMinute = minute;
    if (kind == Kind.DATE_TIME && own == Precision.HOUR) {
      own = Precision.MINUTE;
      ownMinute = 0;
    }
    int m = own.compareTo(Precision.MONTH) >= 0 ? month : high ? 12 : 1;
    int dd =
        own.compareTo(Precision.DAY) >= 0 ? day : high ? YearMonth.of(year, m).lengthOfMonth() : 1;
    int h = own.compareTo(Precision.HOUR) >= 0 ? hour : high ? 23 : 0;
    int mi = own.compareTo(Precision.MINUTE) >= 0 ? ownMinute : high ? 59 : 0;
    int s = own.compareTo(Precision.SECOND) >= 0 ? second : high ? 59 : 0;
    String f;
    if (own == Precision.SECOND && !fraction.isEmpty()) {
      f = fraction.length() >= 3 ? fraction : (fraction + (high ? "99" : "00")).substring(0, 3);
    } else {
      f = high ? "999" : "000";
    }
    if (!millis) {
      f = "";
    }
    Integer offset = offsetMinutes;
    String offsetText = this.offsetText;
    if (kind == Kind.DATE_TIME && target.compareTo(Precision.HOUR) >= 0 && offset == null) {
      offset = high ? -12 * 60 : 14 * 60;
      offsetText = high ? "-12:00" : "+14:00";
    }
    if (kind != Kind.DATE_TIME || target.compareTo(Precision.HOUR) < 0) {
      offset = kind == Kind.DATE_TIME ? null : offset;
      offsetText = kind == Kind.DATE_TIME ? "" : offsetText;
    }
    // a Date's boundaries are given as DateTimes, as the official test cases expect
    Kind resultKind = kind == Kind.DATE ? Kind.DATE_TIME : kind;
    return new DateTimeValue(resultKind, target, year, m, dd, h, mi, s, f, offset, offsetText);
  }

  // ---------------------------------------------------------------- formatting

  /**
   * The FHIR lexical form: {@code 2014-01-25}, {@code 2014-01-25T10:30:00.000+01:00}, {@code
   * 10:30}.
   */
  @Override
  public String toString() {
    StringBuilder b = new StringBuilder();
    if (kind != Kind.TIME) {
      b.append(pad(year, 4));
      if (has(Precision.MONTH)) {
        b.append('-').append(pad(month, 2));
      }
      if (has(Precision.DAY)) {
        b.append('-').append(pad(day, 2));
      }
      if (!has(Precision.HOUR)) {
        return b.toString();
      }
      b.append('T');
    }
    b.append(pad(hour, 2));
    if (has(Precision.MINUTE)) {
      b.append(':').append(pad(minute, 2));
    }
    if (has(Precision.SECOND)) {
      b.append(':').append(pad(second, 2));
      if (!fraction.isEmpty()) {
        b.append('.').append(fraction);
      }
    }
    b.append(offsetText);
    return b.toString();
  }

  /** The FHIRPath literal form: {@code @2014-01-25}, {@code @2014-01-25T10:30}, {@code @T10:30}. */
  public String toLiteral() {
    return (kind == Kind.TIME ? "@T" : "@") + this;
  }

  private static String pad(int v, int width) {
    String s = Integer.toString(v);
    return s.length() >= width ? s : "0".repeat(width - s.length()) + s;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof DateTimeValue v && v.kind == kind && v.toString().equals(toString());
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, toString());
  }

  // ---------------------------------------------------------------- arithmetic support

  /**
   * A value of the same kind and precision from a local date-time (fraction and offset as given).
   */
  DateTimeValue with(LocalDateTime t, String newFraction) {
    return new DateTimeValue(
        kind,
        precision,
        t.getYear(),
        t.getMonthValue(),
        t.getDayOfMonth(),
        t.getHour(),
        t.getMinute(),
        t.getSecond(),
        newFraction,
        offsetMinutes,
        offsetText);
  }

  /**
   * The components as a local date-time (missing ones at their least value; a Time on 2000-01-01).
   */
  LocalDateTime toLocal() {
    if (kind == Kind.TIME) {
      return LocalDateTime.of(2000, 1, 1, hour, minute, second);
    }
    return LocalDateTime.of(year, month, day, hour, minute, second);
  }
}
