package dev.taskcheck.fhirpath;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDateTime;
import java.time.temporal.ChronoField;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The math operators on numbers, strings and quantities, and date/time arithmetic with time-valued
 * quantities. Results that overflow, divisions by zero and units that do not combine give null
 * (empty); operands of the wrong type are evaluation errors.
 */
final class Arithmetic {

  private Arithmetic() {}

  /**
   * UCUM time units to the calendar unit date arithmetic applies them as ({@code a} and {@code mo}
   * are not).
   */
  private static final Map<String, String> UCUM_DURATIONS =
      Map.of(
          "wk",
          "week",
          "d",
          "day",
          "h",
          "hour",
          "min",
          "minute",
          "s",
          "second",
          "ms",
          "millisecond");

  private static final String[] UNIT_ORDER = {
    "year", "month", "week", "day", "hour", "minute", "second", "millisecond"
  };

  private static final Map<String, BigDecimal> SECONDS =
      Map.of(
          "week",
          BigDecimal.valueOf(604800),
          "day",
          BigDecimal.valueOf(86400),
          "hour",
          BigDecimal.valueOf(3600),
          "minute",
          BigDecimal.valueOf(60),
          "second",
          BigDecimal.ONE,
          "millisecond",
          new BigDecimal("0.001"));

  static @Nullable Object apply(String op, Object left, Object right, Run run) {
    Object a = quantityNode(left, run);
    Object b = quantityNode(right, run);
    if (a instanceof DateTimeValue d) {
      if ((op.equals("+") || op.equals("-")) && b instanceof QuantityValue q) {
        return addDuration(d, q, op.equals("-"));
      }
      throw mismatch(op, a, b);
    }
    if (a instanceof String sa && b instanceof String sb && op.equals("+")) {
      return sa + sb;
    }
    if (a instanceof QuantityValue || b instanceof QuantityValue) {
      QuantityValue qa = Values.asQuantity(a);
      QuantityValue qb = Values.asQuantity(b);
      if (qa == null || qb == null) {
        throw mismatch(op, a, b);
      }
      return quantity(op, qa, qb, run);
    }
    if (!Values.isNumber(a) || !Values.isNumber(b)) {
      throw mismatch(op, a, b);
    }
    if (!(a instanceof BigDecimal) && !(b instanceof BigDecimal)) {
      return whole(
          op,
          ((Number) a).longValue(),
          ((Number) b).longValue(),
          a instanceof Integer && b instanceof Integer);
    }
    BigDecimal x = Values.decimal(a);
    BigDecimal y = Values.decimal(b);
    return x == null || y == null ? null : decimal(op, x, y);
  }

  private static Object quantityNode(Object v, Run run) {
    if (v instanceof FhirNode n && Values.isQuantityNode(n, run.model)) {
      QuantityValue q = Values.quantity(n);
      if (q != null) {
        return q;
      }
    }
    return v;
  }

  private static FhirPathException mismatch(String op, Object a, Object b) {
    return FhirPathException.execution(
        "'" + op + "' cannot be applied to " + Values.describe(a) + " and " + Values.describe(b));
  }

  /** Integer (both Integer) or Long arithmetic; overflow and division by zero give null. */
  private static @Nullable Object whole(String op, long x, long y, boolean integers) {
    if (op.equals("/")) {
      return y == 0 ? null : divide(BigDecimal.valueOf(x), BigDecimal.valueOf(y));
    }
    if (y == 0 && (op.equals("div") || op.equals("mod"))) {
      return null;
    }
    long r;
    try {
      r =
          switch (op) {
            case "+" -> Math.addExact(x, y);
            case "-" -> Math.subtractExact(x, y);
            case "*" -> Math.multiplyExact(x, y);
            case "div" -> x / y;
            default -> x % y;
          };
    } catch (ArithmeticException e) {
      return null;
    }
    if (!integers) {
      return r;
    }
    return r < Integer.MIN_VALUE || r > Integer.MAX_VALUE ? null : Integer.valueOf((int) r);
  }

  private static @Nullable BigDecimal decimal(String op, BigDecimal x, BigDecimal y) {
    return switch (op) {
      case "+" -> x.add(y);
      case "-" -> x.subtract(y);
      case "*" -> x.multiply(y);
      case "/" -> y.signum() == 0 ? null : divide(x, y);
      case "div" ->
          y.signum() == 0 ? null : x.divideToIntegralValue(y).setScale(0, RoundingMode.DOWN);
      default -> y.signum() == 0 ? null : x.remainder(y);
    };
  }

  /** x / y, exact when it terminates, else to 34 significant digits. */
  static BigDecimal divide(BigDecimal x, BigDecimal y) {
    return x.divide(y, MathContext.DECIMAL128);
  }

  private static @Nullable QuantityValue quantity(
      String op, QuantityValue a, QuantityValue b, Run run) {
    switch (op) {
      case "+", "-" -> {
        QuantityValue[] q = Values.inCommonUnit(a, b, run, false, true);
        if (q == null) {
          return null;
        }
        BigDecimal v =
            op.equals("+") ? q[0].value().add(q[1].value()) : q[0].value().subtract(q[1].value());
        return q[0].withValue(v);
      }
      case "*" -> {
        if (calendarUnit(a) || calendarUnit(b)) {
          return null;
        }
        BigDecimal v = a.value().multiply(b.value());
        return new QuantityValue(v, product(a.unit(), b.unit()), false);
      }
      case "/" -> {
        if (calendarUnit(a) || calendarUnit(b) || b.value().signum() == 0) {
          return null;
        }
        return new QuantityValue(divide(a.value(), b.value()), quotient(a.unit(), b.unit()), false);
      }
      default -> throw FhirPathException.execution("'" + op + "' is not defined on quantities");
    }
  }

  private static boolean calendarUnit(QuantityValue q) {
    return q.isCalendar() && !q.unit().equals("1");
  }

  private static String product(String a, String b) {
    if (a.equals("1")) {
      return b;
    }
    if (b.equals("1")) {
      return a;
    }
    return group(a) + "." + group(b);
  }

  private static String quotient(String a, String b) {
    if (a.equals(b)) {
      return "1";
    }
    if (b.equals("1")) {
      return a;
    }
    return (a.equals("1") ? "" : group(a)) + "/" + group(b);
  }

  private static String group(String unit) {
    return unit.indexOf('.') >= 0 || unit.indexOf('/') >= 0 ? "(" + unit + ")" : unit;
  }

  // ---------------------------------------------------------------- date/time arithmetic

  /** A Date, DateTime or Time moved by a time-valued quantity, with calendar semantics. */
  static DateTimeValue addDuration(DateTimeValue d, QuantityValue q, boolean subtract) {
    String unit =
        q.isCalendar()
            ? q.calendarUnit()
            : QuantityValue.isCalendarKeyword(q.unit())
                ? new QuantityValue(q.value(), q.unit(), true).calendarUnit()
                : UCUM_DURATIONS.get(q.unit());
    if (unit == null) {
      throw FhirPathException.execution(
          "cannot add "
              + q
              + " to a "
              + d.kind().typeName()
              + " (use a calendar duration: years, months, weeks, days, hours, minutes, seconds, milliseconds)");
    }
    boolean time = d.kind() == DateTimeValue.Kind.TIME;
    if (time && rank(unit) < rank("hour")) {
      throw FhirPathException.execution("cannot add " + q + " to a Time");
    }
    BigDecimal amount = subtract ? q.value().negate() : q.value();
    String finest = finestUnit(d);
    if (rank(unit) > rank(finest)) {
      amount = convert(amount, unit, finest);
      unit = finest;
    }
    if (!unit.equals("second") && !unit.equals("millisecond")) {
      amount = amount.setScale(0, RoundingMode.DOWN);
    }
    LocalDateTime t = d.toLocal();
    int digits = d.fraction().length();
    long nanos = digits == 0 ? 0 : Long.parseLong((d.fraction() + "000000000").substring(0, 9));
    t = t.withNano((int) nanos);
    long whole = amount.longValue();
    switch (unit) {
      case "year" -> t = t.plusYears(whole);
      case "month" -> t = t.plusMonths(whole);
      case "week" -> t = t.plusWeeks(whole);
      case "day" -> t = t.plusDays(whole);
      case "hour" -> t = t.plusHours(whole);
      case "minute" -> t = t.plusMinutes(whole);
      default -> {
        BigDecimal seconds = unit.equals("second") ? amount : amount.movePointLeft(3);
        BigDecimal n = seconds.movePointRight(9).setScale(0, RoundingMode.DOWN);
        t = t.plusNanos(n.longValueExact());
      }
    }
    if (!time && (t.getYear() < 1 || t.getYear() > 9999)) {
      throw FhirPathException.execution("the result of the date arithmetic is out of range");
    }
    String fraction = "";
    if (d.has(DateTimeValue.Precision.SECOND)) {
      int nano = t.get(ChronoField.NANO_OF_SECOND);
      int keep = digits;
      if (keep < 9 && nano % (int) Math.pow(10, 9 - keep) != 0) {
        keep = Math.max(keep, 3);
        while (keep < 9 && nano % (int) Math.pow(10, 9 - keep) != 0) {
          keep++;
        }
      }
      fraction = keep == 0 ? "" : String.format("%09d", nano).substring(0, keep);
    }
    return d.with(t.withNano(0), fraction);
  }

  private static int rank(String unit) {
    for (int i = 0; i < UNIT_ORDER.length; i++) {
      if (UNIT_ORDER[i].equals(unit)) {
        return i;
      }
    }
    return -1;
  }

  /** The finest calendar unit a value can be moved by without converting the amount. */
  private static String finestUnit(DateTimeValue d) {
    return switch (d.precision()) {
      case YEAR -> "year";
      case MONTH -> "month";
      case DAY -> "day";
      case HOUR -> "hour";
      case MINUTE -> "minute";
      case SECOND -> "millisecond";
    };
  }

  /**
   * An amount in a finer unit as an amount of a coarser one (a year of 12 months or 365 days, a
   * month of 30).
   */
  private static BigDecimal convert(BigDecimal amount, String from, String to) {
    if (to.equals("year") && from.equals("month")) {
      return amount.divide(BigDecimal.valueOf(12), 0, RoundingMode.DOWN);
    }
    BigDecimal seconds = amount.multiply(SECONDS.get(from));
    BigDecimal per =
        switch (to) {
          case "year" -> BigDecimal.valueOf(365L * 86400);
          case "month" -> BigDecimal.valueOf(30L * 86400);
          default -> SECONDS.get(to);
        };
    return seconds.divide(per, 0, RoundingMode.DOWN);
  }
}
