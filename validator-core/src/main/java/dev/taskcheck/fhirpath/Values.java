package dev.taskcheck.fhirpath;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The value semantics of FHIRPath items: FHIR primitives read as system values, singleton
 * evaluation to a Boolean, equality ({@code =}), equivalence ({@code ~}) and ordering ({@code <})
 * with their implicit conversions, and the names of types.
 */
final class Values {

  private Values() {}

  /** The kinds of system value a FHIR primitive type carries. */
  enum Prim {
    BOOLEAN,
    INTEGER,
    LONG,
    DECIMAL,
    STRING,
    DATE,
    DATETIME,
    TIME
  }

  private static final Map<String, Prim> PRIMITIVES =
      Map.ofEntries(
          Map.entry("boolean", Prim.BOOLEAN),
          Map.entry("integer", Prim.INTEGER),
          Map.entry("positiveInt", Prim.INTEGER),
          Map.entry("unsignedInt", Prim.INTEGER),
          Map.entry("integer64", Prim.LONG),
          Map.entry("decimal", Prim.DECIMAL),
          Map.entry("string", Prim.STRING),
          Map.entry("code", Prim.STRING),
          Map.entry("id", Prim.STRING),
          Map.entry("markdown", Prim.STRING),
          Map.entry("uri", Prim.STRING),
          Map.entry("url", Prim.STRING),
          Map.entry("canonical", Prim.STRING),
          Map.entry("oid", Prim.STRING),
          Map.entry("uuid", Prim.STRING),
          Map.entry("base64Binary", Prim.STRING),
          Map.entry("xhtml", Prim.STRING),
          Map.entry("date", Prim.DATE),
          Map.entry("dateTime", Prim.DATETIME),
          Map.entry("instant", Prim.DATETIME),
          Map.entry("time", Prim.TIME));

  /** UCUM time units: seconds per unit (used without loading UCUM). */
  private static final Map<String, BigDecimal> UCUM_TIME =
      Map.of(
          "a",
          new BigDecimal("31557600"),
          "mo",
          new BigDecimal("2629800"),
          "wk",
          new BigDecimal("604800"),
          "d",
          new BigDecimal("86400"),
          "h",
          new BigDecimal("3600"),
          "min",
          new BigDecimal("60"),
          "s",
          BigDecimal.ONE,
          "ms",
          new BigDecimal("0.001"));

  /** Calendar units: seconds per unit (a year of 365 days, a month of 30). */
  private static final Map<String, BigDecimal> CALENDAR_SECONDS =
      Map.of(
          "year",
          new BigDecimal("31536000"),
          "month",
          new BigDecimal("2592000"),
          "week",
          new BigDecimal("604800"),
          "day",
          new BigDecimal("86400"),
          "hour",
          new BigDecimal("3600"),
          "minute",
          new BigDecimal("60"),
          "second",
          BigDecimal.ONE,
          "millisecond",
          new BigDecimal("0.001"));

  /** The UCUM unit each calendar unit is equal (or, for year and month, only equivalent) to. */
  private static final Map<String, String> CALENDAR_TO_UCUM =
      Map.of(
          "year",
          "a",
          "month",
          "mo",
          "week",
          "wk",
          "day",
          "d",
          "hour",
          "h",
          "minute",
          "min",
          "second",
          "s",
          "millisecond",
          "ms");

  static final String UCUM_SYSTEM = "http://unitsofmeasure.org";
  static final String CALENDAR_SYSTEM = "http://hl7.org/fhirpath/CodeSystem/calendar-units";

  // ---------------------------------------------------------------- items

  /** Rejects what cannot be an item (constants given to an Environment). */
  static void checkItem(Object item) {
    if (!(item instanceof FhirNode
        || item instanceof Boolean
        || item instanceof Integer
        || item instanceof Long
        || item instanceof BigDecimal
        || item instanceof String
        || item instanceof DateTimeValue
        || item instanceof QuantityValue
        || item instanceof TypeInfo)) {
      throw new IllegalArgumentException("not a FHIRPath item: " + item.getClass().getName());
    }
  }

  /**
   * The system value kind of a FHIR primitive type (or of its base), or null for a complex type.
   */
  static @Nullable Prim primitive(String type, FhirModel model) {
    Prim p = PRIMITIVES.get(type);
    if (p != null) {
      return p;
    }
    String t = model.baseType(type);
    for (int depth = 0; t != null && depth < 16; depth++) {
      p = PRIMITIVES.get(t);
      if (p != null) {
        return p;
      }
      t = model.baseType(t);
    }
    return null;
  }

  /**
   * The system value of an item: a FHIR primitive with a value becomes its Boolean, Integer, Long,
   * BigDecimal, String or {@link DateTimeValue} (a value that does not parse stays a String);
   * anything else is returned as it is.
   */
  static Object system(Object item, FhirModel model) {
    if (!(item instanceof FhirNode n)) {
      return item;
    }
    String v = n.primitiveValue();
    if (v == null) {
      return n;
    }
    Prim p = primitive(n.typeName(), model);
    if (p == null) {
      return n;
    }
    Object parsed = parse(v, p);
    return parsed != null ? parsed : v;
  }

  /**
   * The system value of a FHIR primitive of type {@code type} with value {@code v}, as {@link
   * #system(Object, FhirModel)} gives it for a node, or null when the type is no primitive.
   */
  static @Nullable Object system(String type, String v, FhirModel model) {
    Prim p = primitive(type, model);
    if (p == null) {
      return null;
    }
    Object parsed = parse(v, p);
    return parsed != null ? parsed : v;
  }

  private static @Nullable Object parse(String v, Prim p) {
    try {
      return switch (p) {
        case BOOLEAN -> v.equals("true") ? Boolean.TRUE : v.equals("false") ? Boolean.FALSE : null;
        case INTEGER -> Integer.valueOf(v);
        case LONG -> Long.valueOf(v);
        case DECIMAL -> new BigDecimal(v);
        case STRING -> v;
        case DATE -> DateTimeValue.parse(v, DateTimeValue.Kind.DATE);
        case DATETIME -> DateTimeValue.parse(v, DateTimeValue.Kind.DATE_TIME);
        case TIME -> DateTimeValue.parse(v, DateTimeValue.Kind.TIME);
      };
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /**
   * Whether the node is a FHIR Quantity (or a type derived from it: Age, Duration, SimpleQuantity,
   * ...).
   */
  static boolean isQuantityNode(FhirNode n, FhirModel model) {
    return n.primitiveValue() == null && model.isSubtype(n.typeName(), "Quantity");
  }

  /**
   * A FHIR Quantity as a system Quantity (its code when UCUM, else its unit), or null without a
   * value.
   */
  static @Nullable QuantityValue quantity(FhirNode n) {
    String value = child(n, "value");
    if (value == null) {
      return null;
    }
    BigDecimal v;
    try {
      v = new BigDecimal(value);
    } catch (NumberFormatException e) {
      return null;
    }
    String system = child(n, "system");
    String code = child(n, "code");
    String unit = child(n, "unit");
    if (CALENDAR_SYSTEM.equals(system) && code != null && QuantityValue.isCalendarKeyword(code)) {
      return new QuantityValue(v, code, true);
    }
    if (code != null && (system == null || UCUM_SYSTEM.equals(system))) {
      return new QuantityValue(v, code, false);
    }
    if (unit != null) {
      return new QuantityValue(v, unit, false);
    }
    return code != null ? new QuantityValue(v, code, false) : QuantityValue.ofNumber(v);
  }

  private static @Nullable String child(FhirNode n, String name) {
    List<? extends FhirNode> c = n.children(name);
    return c.isEmpty() ? null : c.get(0).primitiveValue();
  }

  // ---------------------------------------------------------------- singleton evaluation

  /** A collection as a Boolean: 1 true, 0 false, -1 empty; an error for several items. */
  static int truth(Coll c, FhirModel model) {
    int n = c.size();
    if (n == 0) {
      return -1;
    }
    if (n > 1) {
      throw FhirPathException.execution(
          "a collection of " + n + " items where a single Boolean is expected");
    }
    Object item = c.get(0);
    if (item instanceof Boolean b) {
      return b ? 1 : 0;
    }
    if (item instanceof FhirNode node
        && node.primitiveValue() != null
        && primitive(node.typeName(), model) == Prim.BOOLEAN) {
      return "true".equals(node.primitiveValue()) ? 1 : 0;
    }
    return 1;
  }

  /** The single item of a collection (as a system value), null when empty; an error for several. */
  /**
   * Whether a collection has an item with content: a system value, or a node for which {@link
   * FhirNode#hasContent()} holds.
   */
  static boolean anyContent(Coll c) {
    for (int i = 0, n = c.size(); i < n; i++) {
      if (!(c.get(i) instanceof FhirNode node) || node.hasContent()) {
        return true;
      }
    }
    return false;
  }

  static @Nullable Object single(Coll c, FhirModel model, String what) {
    if (c.isEmpty()) {
      return null;
    }
    if (c.size() > 1) {
      throw FhirPathException.execution(what + ": a single item is expected here, not " + c.size());
    }
    return system(c.get(0), model);
  }

  // ---------------------------------------------------------------- type names

  /** The type of an item: FHIR.type for nodes, System.type for system values. */
  static TypeInfo typeOf(Object item) {
    if (item instanceof FhirNode n) {
      return new TypeInfo(TypeInfo.FHIR, n.typeName());
    }
    return new TypeInfo(TypeInfo.SYSTEM, systemTypeName(item));
  }

  static String systemTypeName(Object item) {
    if (item instanceof Boolean) {
      return "Boolean";
    }
    if (item instanceof Integer) {
      return "Integer";
    }
    if (item instanceof Long) {
      return "Long";
    }
    if (item instanceof BigDecimal) {
      return "Decimal";
    }
    if (item instanceof String) {
      return "String";
    }
    if (item instanceof DateTimeValue d) {
      return d.kind().typeName();
    }
    if (item instanceof QuantityValue) {
      return "Quantity";
    }
    return "TypeInfo";
  }

  // ---------------------------------------------------------------- numbers

  static @Nullable BigDecimal decimal(Object v) {
    if (v instanceof BigDecimal d) {
      return d;
    }
    if (v instanceof Integer i) {
      return BigDecimal.valueOf(i.longValue());
    }
    if (v instanceof Long l) {
      return BigDecimal.valueOf(l);
    }
    return null;
  }

  static boolean isNumber(Object v) {
    return v instanceof Integer || v instanceof Long || v instanceof BigDecimal;
  }

  // ---------------------------------------------------------------- equality

  /**
   * {@code a = b} on two items: 1 true, 0 false, -1 empty (a date precision or unit that cannot
   * decide).
   */
  static int equal(Object a, Object b, Run run) {
    return same(a, b, run, false);
  }

  /** {@code a ~ b} on two items. */
  static boolean equivalent(Object a, Object b, Run run) {
    return same(a, b, run, true) == 1;
  }

  /**
   * Equality or equivalence of two items: FHIR primitives by value, Quantities by unit, elements by
   * content.
   */
  private static int same(Object a, Object b, Run run, boolean equivalence) {
    if (a == b) {
      return 1;
    }
    Object x = system(a, run.model);
    Object y = system(b, run.model);
    if (x instanceof FhirNode nx) {
      if (y instanceof FhirNode ny) {
        if (isQuantityNode(nx, run.model) && isQuantityNode(ny, run.model)) {
          QuantityValue qx = quantity(nx);
          QuantityValue qy = quantity(ny);
          if (qx != null && qy != null) {
            return quantityEqual(qx, qy, run, equivalence);
          }
        }
        return deepEqual(nx, ny, run, equivalence) ? 1 : 0;
      }
      return y instanceof QuantityValue qy && isQuantityNode(nx, run.model)
          ? nodeQuantityEqual(nx, qy, run, equivalence)
          : 0;
    }
    if (y instanceof FhirNode ny) {
      return x instanceof QuantityValue qx && isQuantityNode(ny, run.model)
          ? nodeQuantityEqual(ny, qx, run, equivalence)
          : 0;
    }
    return systemEqual(x, y, run, equivalence);
  }

  private static int nodeQuantityEqual(FhirNode n, QuantityValue q, Run run, boolean equivalence) {
    QuantityValue qn = quantity(n);
    return qn == null ? 0 : quantityEqual(qn, q, run, equivalence);
  }

  /** Equality (or equivalence) of two system values. */
  private static int systemEqual(Object x, Object y, Run run, boolean equivalence) {
    if (x instanceof String sx && y instanceof String sy) {
      return (equivalence ? normalize(sx).equals(normalize(sy)) : sx.equals(sy)) ? 1 : 0;
    }
    if (x instanceof Boolean && y instanceof Boolean) {
      return x.equals(y) ? 1 : 0;
    }
    if (isNumber(x) && isNumber(y)) {
      BigDecimal dx = decimal(x);
      BigDecimal dy = decimal(y);
      if (dx == null || dy == null) {
        return 0;
      }
      if (equivalence) {
        return decimalEquivalent(dx, dy) ? 1 : 0;
      }
      return dx.compareTo(dy) == 0 ? 1 : 0;
    }
    if (x instanceof DateTimeValue dx && y instanceof DateTimeValue dy) {
      int c = DateTimeValue.compare(dx, dy);
      if (c == DateTimeValue.EQUAL) {
        return 1;
      }
      if (c == DateTimeValue.UNCERTAIN) {
        return equivalence ? 0 : -1;
      }
      return 0;
    }
    if (x instanceof QuantityValue || y instanceof QuantityValue) {
      QuantityValue qx = asQuantity(x);
      QuantityValue qy = asQuantity(y);
      if (qx == null || qy == null) {
        return 0;
      }
      return quantityEqual(qx, qy, run, equivalence);
    }
    if (x instanceof TypeInfo && y instanceof TypeInfo) {
      return x.equals(y) ? 1 : 0;
    }
    return 0;
  }

  /** A number as a Quantity with unit '1'; a Quantity as itself; otherwise null. */
  static @Nullable QuantityValue asQuantity(Object v) {
    if (v instanceof QuantityValue q) {
      return q;
    }
    BigDecimal d = decimal(v);
    return d == null ? null : QuantityValue.ofNumber(d);
  }

  static String normalize(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      b.append(Character.isWhitespace(c) || Character.isSpaceChar(c) ? ' ' : c);
    }
    return b.toString().toLowerCase(Locale.ROOT);
  }

  /** Decimal equivalence: equal once both are rounded to the scale of the less precise one. */
  static boolean decimalEquivalent(BigDecimal a, BigDecimal b) {
    BigDecimal x = a.stripTrailingZeros();
    BigDecimal y = b.stripTrailingZeros();
    int scale = Math.max(0, Math.min(x.scale(), y.scale()));
    return x.setScale(scale, RoundingMode.HALF_UP)
            .compareTo(y.setScale(scale, RoundingMode.HALF_UP))
        == 0;
  }

  /**
   * Structural equality (or equivalence) of two FHIR elements: the same children, in order,
   * recursively.
   */
  static boolean deepEqual(FhirNode a, FhirNode b, Run run, boolean equivalence) {
    if (a == b) {
      return true;
    }
    String va = a.primitiveValue();
    String vb = b.primitiveValue();
    if ((va == null) != (vb == null)) {
      return false;
    }
    if (va != null && vb != null) {
      Object x = system(a, run.model);
      Object y = system(b, run.model);
      int r = systemEqual(x, y, run, equivalence);
      if (r != 1) {
        return false;
      }
    }
    List<? extends FhirNode> ca = a.children();
    List<? extends FhirNode> cb = b.children();
    if (ca.size() != cb.size()) {
      return false;
    }
    for (int i = 0; i < ca.size(); i++) {
      FhirNode x = ca.get(i);
      FhirNode y = cb.get(i);
      if (!x.name().equals(y.name()) || !deepEqual(x, y, run, equivalence)) {
        return false;
      }
    }
    return true;
  }

  // ---------------------------------------------------------------- quantities

  /**
   * Equality or equivalence of two quantities: 1, 0, or -1 when the units cannot be compared (not
   * commensurable, or a calendar year or month against UCUM {@code a} or {@code mo} for equality).
   */
  static int quantityEqual(QuantityValue a, QuantityValue b, Run run, boolean equivalence) {
    BigDecimal[] common = common(a, b, run, equivalence, !equivalence);
    if (common == null) {
      return -1;
    }
    if (equivalence) {
      return decimalEquivalent(common[0], common[1]) ? 1 : 0;
    }
    return common[0].compareTo(common[1]) == 0 ? 1 : 0;
  }

  /** The order of two quantities, or null when their units cannot be compared. */
  static @Nullable Integer quantityCompare(QuantityValue a, QuantityValue b, Run run) {
    BigDecimal[] common = common(a, b, run, false, true);
    return common == null ? null : Integer.signum(common[0].compareTo(common[1]));
  }

  /**
   * The two values in a common unit (the less granular one when {@code leastGranular}, so that
   * equivalence rounding is not made finer by the conversion; else the more granular one), or null
   * when the units cannot be compared. {@code strictCalendar}: calendar years and months are not
   * comparable with UCUM {@code a} and {@code mo}.
   */
  static BigDecimal @Nullable [] common(
      QuantityValue a, QuantityValue b, Run run, boolean leastGranular, boolean strictCalendar) {
    QuantityValue[] q = inCommonUnit(a, b, run, leastGranular, strictCalendar);
    return q == null ? null : new BigDecimal[] {q[0].value(), q[1].value()};
  }

  /** Both quantities in the unit of one of them (see {@link #common}), or null. */
  static QuantityValue @Nullable [] inCommonUnit(
      QuantityValue a, QuantityValue b, Run run, boolean leastGranular, boolean strictCalendar) {
    if (a.isCalendar() == b.isCalendar() && a.unit().equals(b.unit())) {
      return new QuantityValue[] {a, b};
    }
    BigDecimal fa;
    BigDecimal fb;
    String ca = a.calendarUnit();
    String cb = b.calendarUnit();
    if (ca != null && cb != null) {
      if (ca.equals(cb)) {
        return new QuantityValue[] {a, b};
      }
      if ((ca.equals("year") && cb.equals("month")) || (ca.equals("month") && cb.equals("year"))) {
        fa = ca.equals("year") ? BigDecimal.valueOf(12) : BigDecimal.ONE;
        fb = cb.equals("year") ? BigDecimal.valueOf(12) : BigDecimal.ONE;
      } else {
        fa = CALENDAR_SECONDS.get(ca);
        fb = CALENDAR_SECONDS.get(cb);
      }
    } else {
      String calendar = ca != null ? ca : cb;
      if (strictCalendar && ("year".equals(calendar) || "month".equals(calendar))) {
        return null;
      }
      String ua = ca != null ? CALENDAR_TO_UCUM.get(ca) : a.unit();
      String ub = cb != null ? CALENDAR_TO_UCUM.get(cb) : b.unit();
      if (ua == null || ub == null) {
        return null;
      }
      BigDecimal[] f = ucumFactors(ua, ub, run);
      if (f == null) {
        return null;
      }
      fa = f[0];
      fb = f[1];
    }
    if (fa == null || fb == null) {
      return null;
    }
    // fa, fb: the size of each unit in a common base
    boolean aCoarser = fa.compareTo(fb) >= 0;
    if (leastGranular == aCoarser) {
      return new QuantityValue[] {a, a.withValue(scale(b.value(), fb, fa))};
    }
    return new QuantityValue[] {b.withValue(scale(a.value(), fa, fb)), b};
  }

  /** value * from / to, exact when the division terminates, else to 34 significant digits. */
  static BigDecimal scale(BigDecimal value, BigDecimal from, BigDecimal to) {
    BigDecimal product = value.multiply(from);
    try {
      return product.divide(to);
    } catch (ArithmeticException e) {
      return product.divide(to, java.math.MathContext.DECIMAL128);
    }
  }

  /**
   * Factors of two UCUM units in a common base (time units without UCUM; others by {@link Units}).
   */
  private static BigDecimal @Nullable [] ucumFactors(String ua, String ub, Run run) {
    BigDecimal ta = UCUM_TIME.get(ua);
    BigDecimal tb = UCUM_TIME.get(ub);
    if (ta != null && tb != null) {
      return new BigDecimal[] {ta, tb};
    }
    BigDecimal f = run.units.factor(ua, ub); // 1 ua = f ub
    if (f == null || f.signum() == 0) {
      return null;
    }
    return new BigDecimal[] {f, BigDecimal.ONE};
  }

  /** Whether two quantities' units can be compared ({@code comparable()}). */
  static boolean comparable(QuantityValue a, QuantityValue b, Run run) {
    return common(a, b, run, false, true) != null;
  }

  // ---------------------------------------------------------------- ordering

  /**
   * {@code a < b} and friends: the sign of the comparison, or null when it cannot be decided (date
   * precision, units); an error when the items cannot be compared at all.
   */
  static @Nullable Integer compare(Object a, Object b, Run run) {
    if (a instanceof Integer i && b instanceof Integer j) {
      return Integer.compare(i, j);
    }
    Object x = system(a, run.model);
    Object y = system(b, run.model);
    if (x instanceof FhirNode nx && isQuantityNode(nx, run.model)) {
      x = quantity(nx);
      if (x == null) {
        return null;
      }
    }
    if (y instanceof FhirNode ny && isQuantityNode(ny, run.model)) {
      y = quantity(ny);
      if (y == null) {
        return null;
      }
    }
    if (isNumber(x) && isNumber(y)) {
      BigDecimal dx = decimal(x);
      BigDecimal dy = decimal(y);
      if (dx != null && dy != null) {
        return Integer.signum(dx.compareTo(dy));
      }
    }
    if (x instanceof String sx && y instanceof String sy) {
      return Integer.signum(sx.compareTo(sy));
    }
    if (x instanceof DateTimeValue dx && y instanceof DateTimeValue dy) {
      int c = DateTimeValue.compare(dx, dy);
      if (c == DateTimeValue.INCOMPARABLE) {
        throw incomparable(x, y);
      }
      return c == DateTimeValue.UNCERTAIN ? null : c;
    }
    if ((x instanceof QuantityValue || y instanceof QuantityValue)
        && asQuantity(x) != null
        && asQuantity(y) != null) {
      QuantityValue qx = asQuantity(x);
      QuantityValue qy = asQuantity(y);
      return qx == null || qy == null ? null : quantityCompare(qx, qy, run);
    }
    throw incomparable(x, y);
  }

  private static FhirPathException incomparable(Object x, Object y) {
    return FhirPathException.execution("cannot compare " + describe(x) + " with " + describe(y));
  }

  /** A short description of an item for messages. */
  static String describe(Object item) {
    if (item instanceof FhirNode n) {
      return n.typeName() + " " + n.name();
    }
    return systemTypeName(item) + " " + format(item);
  }

  // ---------------------------------------------------------------- text

  /** The FHIRPath string form of a system value ({@code toString()}); null for what has none. */
  static @Nullable String format(Object v) {
    if (v instanceof String s) {
      return s;
    }
    if (v instanceof Boolean || v instanceof Integer || v instanceof Long) {
      return v.toString();
    }
    if (v instanceof BigDecimal d) {
      return d.toPlainString();
    }
    if (v instanceof DateTimeValue || v instanceof QuantityValue) {
      return v.toString();
    }
    return null;
  }
}
