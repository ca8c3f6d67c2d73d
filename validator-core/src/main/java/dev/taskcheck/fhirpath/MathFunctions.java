package dev.taskcheck.fhirpath;

import static dev.taskcheck.fhirpath.Functions.fn;
import static dev.taskcheck.fhirpath.Functions.input;

import dev.taskcheck.fhirpath.Functions.Def;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * The math functions, and the precision functions of FHIRPath 2.1 / FHIR R5 ({@code precision()},
 * {@code lowBoundary()}, {@code highBoundary()}, {@code comparable()}).
 */
final class MathFunctions {

  private MathFunctions() {}

  /** The greatest decimal precision lowBoundary() and highBoundary() produce. */
  static final int MAX_DECIMAL_PRECISION = 28;

  /** Their default decimal precision. */
  static final int DEFAULT_DECIMAL_PRECISION = 8;

  static void register(Map<String, Def> m) {
    fn(
        m,
        "abs",
        0,
        0,
        (f, in, a) -> {
          Object v = number(f, in, "abs", true);
          if (v == null) {
            return Coll.EMPTY;
          }
          if (v instanceof Integer i) {
            return i == Integer.MIN_VALUE ? Coll.EMPTY : Coll.of(Integer.valueOf(Math.abs(i)));
          }
          if (v instanceof Long l) {
            return l == Long.MIN_VALUE ? Coll.EMPTY : Coll.of(Long.valueOf(Math.abs(l)));
          }
          if (v instanceof QuantityValue q) {
            return Coll.of(q.withValue(q.value().abs()));
          }
          return Coll.of(((BigDecimal) v).abs());
        });
    fn(m, "ceiling", 0, 0, (f, in, a) -> rounded(f, in, "ceiling", RoundingMode.CEILING));
    fn(m, "floor", 0, 0, (f, in, a) -> rounded(f, in, "floor", RoundingMode.FLOOR));
    fn(m, "truncate", 0, 0, (f, in, a) -> rounded(f, in, "truncate", RoundingMode.DOWN));
    fn(
        m,
        "round",
        0,
        1,
        (f, in, a) -> {
          Object v = number(f, in, "round", true);
          Integer digits =
              a.length > 0 ? Functions.integerArg(f, a[0], "round") : Integer.valueOf(0);
          if (v == null || digits == null) {
            return Coll.EMPTY;
          }
          if (digits < 0) {
            throw FhirPathException.execution("round() needs a precision of 0 or more");
          }
          if (v instanceof QuantityValue q) {
            return Coll.of(q.withValue(q.value().setScale(digits, RoundingMode.HALF_UP)));
          }
          BigDecimal d = Values.decimal(v);
          return d == null ? Coll.EMPTY : Coll.of(d.setScale(digits, RoundingMode.HALF_UP));
        });
    fn(m, "exp", 0, 0, (f, in, a) -> real(f, in, "exp", Math::exp));
    fn(m, "ln", 0, 0, (f, in, a) -> real(f, in, "ln", Math::log));
    fn(m, "sqrt", 0, 0, (f, in, a) -> real(f, in, "sqrt", Math::sqrt));
    fn(
        m,
        "log",
        1,
        1,
        (f, in, a) -> {
          Object base = Functions.arg(f, a[0], "log");
          if (base == null) {
            return Coll.EMPTY;
          }
          BigDecimal b = Values.decimal(base);
          if (b == null) {
            throw FhirPathException.execution(
                "log() needs a number base, not " + Values.describe(base));
          }
          double lb = Math.log(b.doubleValue());
          return real(f, in, "log", x -> Math.log(x) / lb);
        });
    fn(
        m,
        "power",
        1,
        1,
        (f, in, a) -> {
          Object v = number(f, in, "power", false);
          Object e = Functions.arg(f, a[0], "power");
          if (v == null || e == null) {
            return Coll.EMPTY;
          }
          if (!Values.isNumber(e)) {
            throw FhirPathException.execution(
                "power() needs a number exponent, not " + Values.describe(e));
          }
          return power(v, e);
        });
    fn(
        m,
        "precision",
        0,
        0,
        (f, in, a) -> {
          Object v = input(f, in, "precision");
          if (v == null) {
            return Coll.EMPTY;
          }
          if (v instanceof DateTimeValue d) {
            return Coll.of(Integer.valueOf(d.precisionDigits()));
          }
          BigDecimal d = Values.decimal(v);
          if (d == null) {
            throw FhirPathException.execution(
                "precision() applies to decimals, dates and times, not " + Values.describe(v));
          }
          return Coll.of(Integer.valueOf(Math.max(0, d.scale())));
        });
    fn(m, "lowBoundary", 0, 1, (f, in, a) -> boundary(f, in, a, false));
    fn(m, "highBoundary", 0, 1, (f, in, a) -> boundary(f, in, a, true));
    fn(
        m,
        "comparable",
        1,
        1,
        (f, in, a) -> {
          Object v = input(f, in, "comparable");
          Object o = Functions.arg(f, a[0], "comparable");
          if (v == null || o == null) {
            return Coll.EMPTY;
          }
          QuantityValue q = Values.asQuantity(quantity(v, f));
          QuantityValue p = Values.asQuantity(quantity(o, f));
          if (q == null || p == null) {
            return Coll.EMPTY;
          }
          return Coll.of(Values.comparable(q, p, f.run));
        });
  }

  private static Object quantity(Object v, Frame f) {
    if (v instanceof FhirNode n && Values.isQuantityNode(n, f.run.model)) {
      QuantityValue q = Values.quantity(n);
      return q == null ? v : q;
    }
    return v;
  }

  /** The single input as a number (or a Quantity when allowed); null when empty. */
  private static @Nullable Object number(Frame f, Coll in, String fn, boolean quantity) {
    Object v = input(f, in, fn);
    if (v == null) {
      return null;
    }
    v = quantity(v, f);
    if (Values.isNumber(v) || (quantity && v instanceof QuantityValue)) {
      return v;
    }
    throw FhirPathException.execution(fn + "() applies to numbers, not " + Values.describe(v));
  }

  /** ceiling(), floor(), truncate(): an Integer (a Quantity keeps its unit). */
  private static Coll rounded(Frame f, Coll in, String fn, RoundingMode mode) {
    Object v = number(f, in, fn, true);
    if (v == null) {
      return Coll.EMPTY;
    }
    if (v instanceof Integer || v instanceof Long) {
      return Coll.of(v);
    }
    if (v instanceof QuantityValue q) {
      return Coll.of(q.withValue(q.value().setScale(0, mode)));
    }
    BigDecimal r = ((BigDecimal) v).setScale(0, mode);
    try {
      return Coll.of(Integer.valueOf(r.intValueExact()));
    } catch (ArithmeticException e) {
      return Coll.EMPTY;
    }
  }

  /** exp(), ln(), sqrt(), log(): a Decimal by double arithmetic; empty when undefined. */
  private static Coll real(Frame f, Coll in, String fn, DoubleUnaryOperator op) {
    Object v = number(f, in, fn, false);
    if (v == null) {
      return Coll.EMPTY;
    }
    BigDecimal d = Values.decimal(v);
    if (d == null) {
      return Coll.EMPTY;
    }
    double r = op.applyAsDouble(d.doubleValue());
    if (Double.isNaN(r) || Double.isInfinite(r)) {
      return Coll.EMPTY;
    }
    return Coll.of(BigDecimal.valueOf(r));
  }

  private static Coll power(Object base, Object exponent) {
    if (exponent instanceof Integer e && e >= 0 && e <= 1000) {
      if (base instanceof Integer b) {
        BigInteger r = BigInteger.valueOf(b).pow(e);
        return r.bitLength() < 32 ? Coll.of(Integer.valueOf(r.intValue())) : Coll.EMPTY;
      }
      if (base instanceof Long b) {
        BigInteger r = BigInteger.valueOf(b).pow(e);
        return r.bitLength() < 64 ? Coll.of(Long.valueOf(r.longValue())) : Coll.EMPTY;
      }
      BigDecimal d = Values.decimal(base);
      return d == null ? Coll.EMPTY : Coll.of(d.pow(e));
    }
    BigDecimal b = Values.decimal(base);
    BigDecimal x = Values.decimal(exponent);
    if (b == null || x == null) {
      return Coll.EMPTY;
    }
    double r = Math.pow(b.doubleValue(), x.doubleValue());
    if (Double.isNaN(r) || Double.isInfinite(r)) {
      return Coll.EMPTY;
    }
    return Coll.of(BigDecimal.valueOf(r));
  }

  private static Coll boundary(Frame f, Coll in, Expr[] a, boolean high) {
    String fn = high ? "highBoundary" : "lowBoundary";
    Object v = input(f, in, fn);
    if (v == null) {
      return Coll.EMPTY;
    }
    v = quantity(v, f);
    Integer digits = a.length > 0 ? Functions.integerArg(f, a[0], fn) : null;
    if (a.length > 0 && digits == null) {
      return Coll.EMPTY;
    }
    if (v instanceof DateTimeValue d) {
      int p =
          digits != null
              ? digits
              : switch (d.kind()) {
                case DATE -> 8;
                case DATE_TIME -> 17;
                case TIME -> 9;
              };
      DateTimeValue r = d.boundary(high, p);
      return r == null ? Coll.EMPTY : Coll.of(r);
    }
    if (v instanceof QuantityValue q) {
      BigDecimal r = decimalBoundary(q.value(), digits, high);
      return r == null ? Coll.EMPTY : Coll.of(q.withValue(r));
    }
    BigDecimal d = Values.decimal(v);
    if (d == null) {
      throw FhirPathException.execution(
          fn + "() applies to decimals, quantities, dates and times, not " + Values.describe(v));
    }
    BigDecimal r = decimalBoundary(d, digits, high);
    return r == null ? Coll.EMPTY : Coll.of(r);
  }

  /**
   * The least (greatest) value a decimal written with its digits may stand for (half a unit of its
   * last digit below or above), to {@code digits} places: rounded down (up) when fewer places are
   * asked for.
   */
  static @Nullable BigDecimal decimalBoundary(
      BigDecimal v, @Nullable Integer digits, boolean high) {
    int p = digits == null ? DEFAULT_DECIMAL_PRECISION : digits;
    if (p < 0 || p > MAX_DECIMAL_PRECISION) {
      return null;
    }
    int scale = Math.max(0, v.scale());
    BigDecimal half = BigDecimal.valueOf(5, scale + 1);
    BigDecimal bound = high ? v.add(half) : v.subtract(half);
    return bound.setScale(p, high ? RoundingMode.CEILING : RoundingMode.FLOOR);
  }
}
