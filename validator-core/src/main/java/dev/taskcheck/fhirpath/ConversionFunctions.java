package dev.taskcheck.fhirpath;

import static dev.taskcheck.fhirpath.Functions.fn;
import static dev.taskcheck.fhirpath.Functions.input;

import dev.taskcheck.fhirpath.Functions.Def;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** {@code toX()} and {@code convertsToX()}: the explicit conversions of FHIRPath. */
final class ConversionFunctions {

  private ConversionFunctions() {}

  private static final Pattern INTEGER = Pattern.compile("[+-]?\\d+");
  private static final Pattern DECIMAL = Pattern.compile("[+-]?\\d+(\\.\\d+)?");
  private static final Pattern QUANTITY =
      Pattern.compile("([+-]?\\d+(?:\\.\\d+)?)\\s*(?:'([^']+)'|([a-zA-Z]+))?");

  /** A conversion: the converted system value, or null when the item does not convert. */
  private interface Conversion {
    @Nullable Object convert(Object value, Frame f, Expr[] args);
  }

  static void register(Map<String, Def> m) {
    pair(m, "Boolean", 0, (v, f, a) -> toBoolean(v));
    pair(m, "Integer", 0, (v, f, a) -> toInteger(v));
    pair(m, "Long", 0, (v, f, a) -> toLong(v));
    pair(m, "Decimal", 0, (v, f, a) -> toDecimal(v));
    pair(
        m,
        "String",
        0,
        (v, f, a) -> v instanceof FhirNode || v instanceof TypeInfo ? null : Values.format(v));
    pair(
        m,
        "Date",
        0,
        (v, f, a) ->
            v instanceof DateTimeValue d && d.kind() != DateTimeValue.Kind.TIME
                ? d.toDate()
                : v instanceof String s ? DateTimeValue.parse(s, DateTimeValue.Kind.DATE) : null);
    pair(
        m,
        "DateTime",
        0,
        (v, f, a) ->
            v instanceof DateTimeValue d && d.kind() != DateTimeValue.Kind.TIME
                ? d.toDateTime()
                : v instanceof String s
                    ? DateTimeValue.parse(s, DateTimeValue.Kind.DATE_TIME)
                    : null);
    pair(
        m,
        "Time",
        0,
        (v, f, a) ->
            v instanceof DateTimeValue d && d.kind() == DateTimeValue.Kind.TIME
                ? d
                : v instanceof String s ? DateTimeValue.parse(s, DateTimeValue.Kind.TIME) : null);
    pair(m, "Quantity", 1, ConversionFunctions::toQuantity);
  }

  /** Registers {@code toX} (the value or empty) and {@code convertsToX} (true or false). */
  private static void pair(Map<String, Def> m, String type, int maxArgs, Conversion c) {
    String to = "to" + type;
    String convertsTo = "convertsTo" + type;
    fn(
        m,
        to,
        0,
        maxArgs,
        (f, in, a) -> {
          Object v = input(f, in, to);
          Object r = v == null ? null : c.convert(v, f, a);
          return r == null ? Coll.EMPTY : Coll.of(r);
        });
    fn(
        m,
        convertsTo,
        0,
        maxArgs,
        (f, in, a) -> {
          Object v = input(f, in, convertsTo);
          return v == null ? Coll.EMPTY : Coll.of(c.convert(v, f, a) != null);
        });
  }

  static @Nullable Boolean toBoolean(Object v) {
    if (v instanceof Boolean b) {
      return b;
    }
    if (v instanceof Integer || v instanceof Long || v instanceof BigDecimal) {
      BigDecimal d = Values.decimal(v);
      if (d == null) {
        return null;
      }
      return d.compareTo(BigDecimal.ONE) == 0
          ? Boolean.TRUE
          : d.signum() == 0 ? Boolean.FALSE : null;
    }
    if (v instanceof String s) {
      return switch (s.toLowerCase(Locale.ROOT)) {
        case "true", "t", "yes", "y", "1", "1.0" -> Boolean.TRUE;
        case "false", "f", "no", "n", "0", "0.0" -> Boolean.FALSE;
        default -> null;
      };
    }
    return null;
  }

  static @Nullable Integer toInteger(Object v) {
    if (v instanceof Integer i) {
      return i;
    }
    if (v instanceof Long l) {
      return l >= Integer.MIN_VALUE && l <= Integer.MAX_VALUE
          ? Integer.valueOf(l.intValue())
          : null;
    }
    if (v instanceof Boolean b) {
      return b ? 1 : 0;
    }
    if (v instanceof String s && INTEGER.matcher(s).matches()) {
      try {
        return Integer.valueOf(s);
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }

  static @Nullable Long toLong(Object v) {
    if (v instanceof Long l) {
      return l;
    }
    if (v instanceof Integer i) {
      return i.longValue();
    }
    if (v instanceof Boolean b) {
      return b ? 1L : 0L;
    }
    if (v instanceof String s && INTEGER.matcher(s).matches()) {
      try {
        return Long.valueOf(s);
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }

  static @Nullable BigDecimal toDecimal(Object v) {
    if (Values.isNumber(v)) {
      return Values.decimal(v);
    }
    if (v instanceof Boolean b) {
      return b ? new BigDecimal("1.0") : new BigDecimal("0.0");
    }
    if (v instanceof String s && DECIMAL.matcher(s).matches()) {
      return new BigDecimal(s);
    }
    return null;
  }

  private static @Nullable Object toQuantity(Object value, Frame f, Expr[] a) {
    Object v = value;
    if (v instanceof FhirNode n && Values.isQuantityNode(n, f.run.model)) {
      QuantityValue q = Values.quantity(n);
      if (q == null) {
        return null;
      }
      v = q;
    }
    QuantityValue q = null;
    if (v instanceof QuantityValue qv) {
      q = qv;
    } else if (Values.isNumber(v)) {
      BigDecimal d = Values.decimal(v);
      q = d == null ? null : QuantityValue.ofNumber(d);
    } else if (v instanceof Boolean b) {
      q = QuantityValue.ofNumber(b ? new BigDecimal("1.0") : new BigDecimal("0.0"));
    } else if (v instanceof String s) {
      q = parseQuantity(s);
    }
    if (q == null || a.length == 0) {
      return q;
    }
    String unit = Functions.stringArg(f, a[0], "toQuantity");
    if (unit == null) {
      return null;
    }
    QuantityValue target =
        new QuantityValue(BigDecimal.ONE, unit, QuantityValue.isCalendarKeyword(unit));
    QuantityValue[] common = Values.inCommonUnit(target, q, f.run, false, false);
    if (common == null) {
      return null;
    }
    // the value of q expressed in the target unit: q / (one target unit), both in a common unit
    BigDecimal factorTarget = common[0].value();
    BigDecimal inCommon = common[1].value();
    if (factorTarget.signum() == 0) {
      return null;
    }
    return target.withValue(Arithmetic.divide(inCommon, factorTarget));
  }

  /** A quantity written as text: {@code 4 days}, {@code 10 'mg'}, {@code 1.5}. */
  static @Nullable QuantityValue parseQuantity(String s) {
    Matcher m = QUANTITY.matcher(s.strip());
    if (!m.matches()) {
      return null;
    }
    BigDecimal value = new BigDecimal(m.group(1));
    if (m.group(2) != null) {
      return new QuantityValue(value, m.group(2), false);
    }
    if (m.group(3) != null) {
      return QuantityValue.isCalendarKeyword(m.group(3))
          ? new QuantityValue(value, m.group(3), true)
          : null;
    }
    return QuantityValue.ofNumber(value);
  }
}
