package dev.taskcheck.fhirpath;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * An expression that is a boolean combination of tests on paths, such as {@code status.where($this
 * in ('failed' | 'rejected')).exists() implies statusReason.exists()} or {@code
 * start.hasValue().not() or end.hasValue().not() or (start <= end)}: the shape of most invariants.
 * A caller that can read such paths off its own tree (the fast engine, off the parsed JSON) decides
 * the common cases without the evaluator; {@link #of} gives null for any other expression.
 *
 * <p>{@code exists()}, {@code empty()}, {@code hasValue()} and the common values of {@link Common}
 * are true or false; a {@link Compare} is empty when an operand is, or when the order of two dates
 * of different precisions is unknown ({@link #order}), and the logic is FHIRPath's three-valued
 * one.
 */
public sealed interface PresenceTest {

  /** {@code path.hasValue()} on a path of single primitives. */
  record HasValue(List<Step> path) implements PresenceTest {
    public HasValue {
      path = List.copyOf(path);
    }
  }

  /**
   * {@code left op right} for {@code <}, {@code <=}, {@code >} and {@code >=}: {@code right} is a
   * path, or null when {@code integer} is the right operand.
   */
  record Compare(String op, List<Step> left, @Nullable List<Step> right, int integer)
      implements PresenceTest {
    public Compare {
      left = List.copyOf(left);
      right = right == null ? null : List.copyOf(right);
    }
  }

  /** {@code left.intersect(right).exists()}: whether the two paths share a primitive value. */
  record Common(List<Step> left, List<Step> right) implements PresenceTest {
    public Common {
      left = List.copyOf(left);
      right = List.copyOf(right);
    }
  }

  /**
   * The order of two values is not known ({@code @2020 < @2020-01-01}): the comparison is empty.
   */
  int UNKNOWN_ORDER = 2;

  /** The values are none that {@link #order} compares. */
  int NOT_COMPARED = 3;

  /**
   * The order of two primitive values of FHIR types ({@code dateTime}, {@code decimal}, ...) as the
   * evaluator's comparison operators see them: -1, 0 or 1, {@link #UNKNOWN_ORDER}, or {@link
   * #NOT_COMPARED} for anything but two numbers or two dates and times (a value that does not
   * parse, strings, quantities).
   */
  static int order(FhirModel model, String leftType, String left, String rightType, String right) {
    Object x = Values.system(leftType, left, model);
    Object y = Values.system(rightType, right, model);
    return order(x, y);
  }

  /** {@link #order} of a primitive value and an integer. */
  static int order(FhirModel model, String leftType, String left, int right) {
    return order(Values.system(leftType, left, model), right);
  }

  private static int order(@Nullable Object x, @Nullable Object y) {
    if (x == null || y == null) {
      return NOT_COMPARED;
    }
    if (Values.isNumber(x) && Values.isNumber(y)) {
      BigDecimal dx = Values.decimal(x);
      BigDecimal dy = Values.decimal(y);
      return dx == null || dy == null ? NOT_COMPARED : Integer.signum(dx.compareTo(dy));
    }
    if (x instanceof DateTimeValue dx && y instanceof DateTimeValue dy) {
      int c = DateTimeValue.compare(dx, dy);
      return c == DateTimeValue.INCOMPARABLE
          ? NOT_COMPARED
          : c == DateTimeValue.UNCERTAIN ? UNKNOWN_ORDER : c;
    }
    return NOT_COMPARED;
  }

  /** {@code path.exists()}; {@code path.empty()} is its {@link Not}. */
  record Exists(List<Step> path) implements PresenceTest {
    public Exists {
      path = List.copyOf(path);
    }
  }

  /** {@code test.not()}. */
  record Not(PresenceTest test) implements PresenceTest {}

  /** {@code left op right} for {@code and}, {@code or}, {@code xor} and {@code implies}. */
  record Logic(String op, PresenceTest left, PresenceTest right) implements PresenceTest {}

  /**
   * One step of a path: the children {@code name}, of the choice type {@code type} when the path
   * says {@code .ofType(type)}, restricted by {@code filter}.
   */
  record Step(String name, @Nullable String type, Filter filter) {}

  /** What a step keeps of the children it names. */
  sealed interface Filter {}

  /** All of them. */
  enum All implements Filter {
    ALL
  }

  /**
   * The primitive values equal to one of {@code strings} ({@code where($this = 'a')}, {@code
   * where($this in ('a' | 'b'))}).
   */
  record OneOf(Set<String> strings) implements Filter {
    public OneOf {
      strings = Set.copyOf(strings);
    }
  }

  /** Those with a primitive value ({@code where(hasValue())}). */
  enum HasValues implements Filter {
    HAS_VALUE
  }

  /**
   * A part of them that only the evaluator can tell ({@code where(...)} with any other criteria,
   * {@code intersect(...)}): the result is known only when there are none to begin with.
   */
  enum Some implements Filter {
    SOME
  }

  /**
   * The test an expression is, or null when it is anything else (or not FHIRPath). Paths start at
   * the focus; a path whose first name starts with a capital letter (a type name) is not read.
   */
  static @Nullable PresenceTest of(String expression) {
    try {
      return test(Parser.parse(expression));
    } catch (FhirPathException e) {
      return null;
    }
  }

  private static @Nullable PresenceTest test(Ast ast) {
    if (ast instanceof Ast.Parenthesized p) {
      return test(p.inner());
    }
    if (ast instanceof Ast.Binary b
        && (b.op().equals("<")
            || b.op().equals("<=")
            || b.op().equals(">")
            || b.op().equals(">="))) {
      List<Step> left = single(b.left());
      if (left == null) {
        return null;
      }
      if (b.right() instanceof Ast.IntegerLiteral i) {
        return new Compare(b.op(), left, null, i.value());
      }
      List<Step> right = single(b.right());
      return right == null ? null : new Compare(b.op(), left, right, 0);
    }
    if (ast instanceof Ast.Binary b
        && (b.op().equals("and")
            || b.op().equals("or")
            || b.op().equals("xor")
            || b.op().equals("implies"))) {
      PresenceTest l = test(b.left());
      PresenceTest r = test(b.right());
      return l == null || r == null ? null : new Logic(b.op(), l, r);
    }
    if (ast instanceof Ast.Call c && c.input() != null && c.args().isEmpty()) {
      switch (c.name()) {
        case "not" -> {
          PresenceTest t = test(c.input());
          return t == null ? null : new Not(t);
        }
        case "hasValue" -> {
          List<Step> path = single(c.input());
          return path == null ? null : new HasValue(path);
        }
        case "exists", "empty" -> {
          if (c.input() instanceof Ast.Call i
              && i.name().equals("intersect")
              && i.input() != null
              && i.args().size() == 1) {
            List<Step> left = path(i.input());
            List<Step> right = path(i.args().get(0));
            if (left == null || right == null) {
              return null;
            }
            Common common = new Common(left, right);
            return c.name().equals("exists") ? common : new Not(common);
          }
          List<Step> path = path(c.input());
          if (path == null) {
            return null;
          }
          Exists e = new Exists(path);
          return c.name().equals("exists") ? e : new Not(e);
        }
        default -> {
          return null;
        }
      }
    }
    return null;
  }

  /** A path without filters (the caller checks that each step is single), or null. */
  private static @Nullable List<Step> single(Ast ast) {
    List<Step> path = path(ast instanceof Ast.Parenthesized p ? p.inner() : ast);
    if (path == null) {
      return null;
    }
    for (Step s : path) {
      if (s.filter() != All.ALL) {
        return null;
      }
    }
    return path;
  }

  /** The steps of a path, or null when {@code ast} is not one. */
  private static @Nullable List<Step> path(Ast ast) {
    if (ast instanceof Ast.Identifier id) {
      if (id.name().isEmpty() || Character.isUpperCase(id.name().charAt(0))) {
        return null;
      }
      List<Step> steps = new ArrayList<>();
      steps.add(new Step(id.name(), null, All.ALL));
      return steps;
    }
    if (ast instanceof Ast.Member m) {
      List<Step> steps = path(m.input());
      if (steps != null) {
        steps.add(new Step(m.name(), null, All.ALL));
      }
      return steps;
    }
    if (!(ast instanceof Ast.Call c) || c.input() == null) {
      return null;
    }
    List<Step> steps = path(c.input());
    if (steps == null) {
      return null;
    }
    Step last = steps.get(steps.size() - 1);
    switch (c.name()) {
      case "ofType" -> {
        if (c.args().size() != 1
            || !(c.args().get(0) instanceof Ast.Identifier t)
            || last.type() != null
            || last.filter() != All.ALL) {
          return null;
        }
        steps.set(steps.size() - 1, new Step(last.name(), t.name(), All.ALL));
        return steps;
      }
      case "where", "intersect" -> {
        // intersect's argument is evaluated even on an empty input: only a path, which cannot
        // fail, is taken
        if (c.args().size() != 1
            || (c.name().equals("intersect") && path(c.args().get(0)) == null)) {
          return null;
        }
        boolean where = c.name().equals("where") && last.filter() == All.ALL;
        Set<String> values = where ? values(c.args().get(0)) : null;
        Filter filter =
            values != null
                ? new OneOf(values)
                : where && isHasValue(c.args().get(0)) ? HasValues.HAS_VALUE : Some.SOME;
        steps.set(steps.size() - 1, new Step(last.name(), last.type(), filter));
        return steps;
      }
      default -> {
        return null;
      }
    }
  }

  /**
   * The strings of {@code $this = 'a'} or {@code $this in ('a' | 'b' ...)}, or null for any other
   * criteria.
   */
  private static @Nullable Set<String> values(Ast criteria) {
    if (!(criteria instanceof Ast.Binary b)
        || !(b.left() instanceof Ast.Special s)
        || !s.name().equals("this")) {
      return null;
    }
    Set<String> out = new LinkedHashSet<>();
    if (b.op().equals("=") && b.right() instanceof Ast.StringLiteral lit) {
      out.add(lit.value());
      return out;
    }
    if (b.op().equals("in") && union(b.right(), out)) {
      return out;
    }
    return null;
  }

  private static boolean isHasValue(Ast criteria) {
    return criteria instanceof Ast.Call c
        && c.input() == null
        && c.name().equals("hasValue")
        && c.args().isEmpty();
  }

  private static boolean union(Ast ast, Set<String> out) {
    if (ast instanceof Ast.Parenthesized p) {
      return union(p.inner(), out);
    }
    if (ast instanceof Ast.StringLiteral lit) {
      out.add(lit.value());
      return true;
    }
    return ast instanceof Ast.Binary b
        && b.op().equals("|")
        && union(b.left(), out)
        && union(b.right(), out);
  }
}
