package dev.taskcheck.fhirpath;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A FHIRPath Quantity: a decimal value with a UCUM unit ({@code 10 'mg'}) or a calendar duration
 * keyword ({@code 4 days}). Immutable.
 */
public final class QuantityValue {

  /** The calendar keywords, plural and singular, to their singular form. */
  private static final Map<String, String> CALENDAR =
      Map.ofEntries(
          Map.entry("year", "year"), Map.entry("years", "year"),
          Map.entry("month", "month"), Map.entry("months", "month"),
          Map.entry("week", "week"), Map.entry("weeks", "week"),
          Map.entry("day", "day"), Map.entry("days", "day"),
          Map.entry("hour", "hour"), Map.entry("hours", "hour"),
          Map.entry("minute", "minute"), Map.entry("minutes", "minute"),
          Map.entry("second", "second"), Map.entry("seconds", "second"),
          Map.entry("millisecond", "millisecond"), Map.entry("milliseconds", "millisecond"));

  private final BigDecimal value;
  private final String unit;
  private final boolean calendar;

  /**
   * @param unit a UCUM code or, when {@code calendar}, a calendar keyword (singular or plural)
   */
  public QuantityValue(BigDecimal value, String unit, boolean calendar) {
    this.value = value;
    this.unit = unit;
    this.calendar = calendar && CALENDAR.containsKey(unit);
  }

  static boolean isCalendarKeyword(String word) {
    return CALENDAR.containsKey(word);
  }

  /** A quantity with the UCUM default unit {@code '1'}. */
  static QuantityValue ofNumber(BigDecimal value) {
    return new QuantityValue(value, "1", false);
  }

  public BigDecimal value() {
    return value;
  }

  /** The unit as written: a UCUM code, or a calendar keyword. */
  public String unit() {
    return unit;
  }

  /** Whether the unit is a calendar duration keyword (not quoted). */
  public boolean isCalendar() {
    return calendar;
  }

  /** The singular calendar keyword ({@code day} for {@code days}), or null for a UCUM unit. */
  @Nullable String calendarUnit() {
    return calendar ? CALENDAR.get(unit) : null;
  }

  QuantityValue withValue(BigDecimal v) {
    return new QuantityValue(v, unit, calendar);
  }

  /** {@code 10 'mg'}, {@code 4 days}. */
  @Override
  public String toString() {
    String v = value.toPlainString();
    return calendar ? v + " " + unit : v + " '" + unit + "'";
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof QuantityValue q
        && q.calendar == calendar
        && q.unit.equals(unit)
        && q.value.compareTo(value) == 0;
  }

  @Override
  public int hashCode() {
    return Objects.hash(unit, calendar, value.stripTrailingZeros());
  }
}
