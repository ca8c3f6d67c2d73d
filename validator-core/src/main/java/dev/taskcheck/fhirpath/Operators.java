package dev.taskcheck.fhirpath;

import org.jspecify.annotations.Nullable;

/** The compiled binary operators. */
final class Operators {

  private Operators() {}

  /** An operator with two operands; {@code label} quotes its symbol for messages. */
  abstract static class Binary extends Expr {
    final String op;
    final String label;
    final Expr left;
    final Expr right;

    Binary(String op, Expr left, Expr right) {
      this.op = op;
      this.label = "'" + op + "'";
      this.left = left;
      this.right = right;
    }
  }

  /**
   * A binary operator whose result is a Boolean: it answers {@link #truth}, and its collection
   * follows.
   */
  abstract static class Predicate extends Binary {

    Predicate(String op, Expr left, Expr right) {
      super(op, left, right);
    }

    @Override
    final Coll eval(Frame f) {
      return Coll.ofTruth(truth(f));
    }

    @Override
    abstract int truth(Frame f);
  }

  /**
   * {@code and}, {@code or}, {@code xor}, {@code implies}: three-valued logic with short circuits.
   */
  static final class Logic extends Predicate {
    enum Op {
      AND,
      OR,
      XOR,
      IMPLIES
    }

    private final Op logic;

    Logic(Op logic, Expr left, Expr right) {
      super(logic.name().toLowerCase(java.util.Locale.ROOT), left, right);
      this.logic = logic;
    }

    @Override
    int truth(Frame f) {
      int a = left.truth(f);
      switch (logic) {
        case AND -> {
          if (a == 0) {
            return 0;
          }
          int b = right.truth(f);
          return b == 0 ? 0 : (a == 1 && b == 1) ? 1 : -1;
        }
        case OR -> {
          if (a == 1) {
            return 1;
          }
          int b = right.truth(f);
          return b == 1 ? 1 : (a == 0 && b == 0) ? 0 : -1;
        }
        case XOR -> {
          if (a < 0) {
            return -1;
          }
          int b = right.truth(f);
          return b < 0 ? -1 : (a != b ? 1 : 0);
        }
        default -> {
          if (a == 0) {
            return 1;
          }
          int b = right.truth(f);
          return b == 1 ? 1 : (a == 1 && b == 0) ? 0 : -1;
        }
      }
    }
  }

  /** {@code =}, {@code !=} (equality), {@code ~}, {@code !~} (equivalence). */
  static final class Equality extends Predicate {
    private final boolean equivalence;
    private final boolean negate;

    Equality(Expr left, Expr right, boolean equivalence, boolean negate) {
      super(equivalence ? (negate ? "!~" : "~") : (negate ? "!=" : "="), left, right);
      this.equivalence = equivalence;
      this.negate = negate;
    }

    @Override
    int truth(Frame f) {
      Coll a = left.eval(f);
      Coll b = right.eval(f);
      if (equivalence) {
        return equivalent(a, b, f.run) != negate ? 1 : 0;
      }
      int r = equal(a, b, f.run);
      return r < 0 ? r : negate ? 1 - r : r;
    }

    /** Collection equality: item by item, in order; empty when either is empty. */
    static int equal(Coll a, Coll b, Run run) {
      if (a.isEmpty() || b.isEmpty()) {
        return -1;
      }
      if (a.size() != b.size()) {
        return 0;
      }
      int result = 1;
      for (int i = 0; i < a.size(); i++) {
        int r = Values.equal(a.get(i), b.get(i), run);
        if (r == 0) {
          return 0;
        }
        if (r < 0) {
          result = -1;
        }
      }
      return result;
    }

    /** Collection equivalence: the same items in any order. */
    static boolean equivalent(Coll a, Coll b, Run run) {
      if (a.size() != b.size()) {
        return false;
      }
      boolean[] used = new boolean[b.size()];
      outer:
      for (int i = 0; i < a.size(); i++) {
        for (int j = 0; j < b.size(); j++) {
          if (!used[j] && Values.equivalent(a.get(i), b.get(j), run)) {
            used[j] = true;
            continue outer;
          }
        }
        return false;
      }
      return true;
    }
  }

  /** {@code <}, {@code <=}, {@code >}, {@code >=}. */
  static final class Comparison extends Predicate {

    /** -1 for {@code <}, -2 for {@code <=}, 1 for {@code >}, 2 for {@code >=}. */
    private final int kind;

    Comparison(String op, Expr left, Expr right) {
      super(op, left, right);
      kind =
          switch (op) {
            case "<" -> -1;
            case "<=" -> -2;
            case ">" -> 1;
            default -> 2;
          };
    }

    @Override
    int truth(Frame f) {
      Object a = left.single(f, label);
      Object b = right.single(f, label);
      if (a == null || b == null) {
        return -1;
      }
      Integer c = Values.compare(a, b, f.run);
      if (c == null) {
        return -1;
      }
      boolean r =
          switch (kind) {
            case -1 -> c < 0;
            case -2 -> c <= 0;
            case 1 -> c > 0;
            default -> c >= 0;
          };
      return r ? 1 : 0;
    }
  }

  /** {@code item in collection}; {@code contains} is compiled with its operands swapped. */
  static final class Membership extends Predicate {

    Membership(Expr item, Expr collection) {
      super("in", item, collection);
    }

    @Override
    int truth(Frame f) {
      Coll i = left.eval(f);
      if (i.isEmpty()) {
        return -1;
      }
      if (i.size() > 1) {
        throw FhirPathException.execution(
            "'in' and 'contains' test a single item, not " + i.size());
      }
      return CollectionOps.contains(right.eval(f), i.get(0), f.run) ? 1 : 0;
    }
  }

  /** {@code |}. */
  static final class Union extends Binary {

    Union(Expr left, Expr right) {
      super("|", left, right);
    }

    @Override
    Coll eval(Frame f) {
      return CollectionOps.union(left.eval(f), right.eval(f), f.run);
    }
  }

  /** {@code +}, {@code -}, {@code *}, {@code /}, {@code div}, {@code mod}, {@code &}. */
  static final class Arith extends Binary {

    Arith(String op, Expr left, Expr right) {
      super(op, left, right);
    }

    @Override
    Coll eval(Frame f) {
      if (op.equals("&")) {
        Object a = left.single(f, "'&'");
        Object b = right.single(f, "'&'");
        return Coll.of(text(a) + text(b));
      }
      Object a = left.single(f, label);
      Object b = right.single(f, label);
      if (a == null || b == null) {
        return Coll.EMPTY;
      }
      Object r = Arithmetic.apply(op, a, b, f.run);
      return r == null ? Coll.EMPTY : Coll.of(r);
    }

    private static String text(@Nullable Object v) {
      if (v == null) {
        return "";
      }
      if (v instanceof String s) {
        return s;
      }
      throw FhirPathException.execution("'&' concatenates strings, not " + Values.describe(v));
    }
  }

  /**
   * {@code is} (operator and function): whether the single item is of the type; {@code as}
   * (operator and function) and {@code ofType()}: the items of the type (on several items, a
   * filter).
   */
  static final class TypeOperator extends Functions.Unary {
    private final TypeSpec type;
    private final boolean test;

    TypeOperator(@Nullable Expr input, TypeSpec type, boolean test) {
      super(input);
      this.type = type;
      this.test = test;
    }

    @Override
    Coll eval(Frame f) {
      return test ? Coll.ofTruth(truth(f)) : CollectionOps.ofType(in(f), type, f.run.model);
    }

    @Override
    int truth(Frame f) {
      if (!test) {
        return super.truth(f);
      }
      Coll in = in(f);
      if (in.isEmpty()) {
        return -1;
      }
      if (in.size() > 1) {
        throw FhirPathException.execution("'is' tests a single item, not " + in.size());
      }
      return type.matches(in.get(0), f.run.model) ? 1 : 0;
    }
  }
}
