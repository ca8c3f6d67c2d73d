package dev.taskcheck.fhirpath;

import org.jspecify.annotations.Nullable;

/** The compiled binary operators. */
final class Operators {

  private Operators() {}

  /** {@code and}, {@code or}, {@code xor}, {@code implies}: three-valued logic with short circuits. */
  static final class Logic extends Expr {
    enum Op { AND, OR, XOR, IMPLIES }

    private final Op op;
    private final Expr left;
    private final Expr right;

    Logic(Op op, Expr left, Expr right) {
      this.op = op;
      this.left = left;
      this.right = right;
    }

    @Override
    Coll eval(Frame f) {
      return Coll.ofTruth(truth(f));
    }

    @Override
    int truth(Frame f) {
      int a = left.truth(f);
      switch (op) {
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

  /** {@code =} and {@code !=}. */
  static final class Equality extends Expr {
    private final Expr left;
    private final Expr right;
    private final boolean negate;

    Equality(Expr left, Expr right, boolean negate) {
      this.left = left;
      this.right = right;
      this.negate = negate;
    }

    @Override
    Coll eval(Frame f) {
      return Coll.ofTruth(truth(f));
    }

    @Override
    int truth(Frame f) {
      int r = equal(left.eval(f), right.eval(f), f.run);
      return r < 0 ? r : negate ? 1 - r : r;
    }

    /** Collection equality: item by item, in order. */
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
  }

  /** {@code ~} and {@code !~}. */
  static final class Equivalence extends Expr {
    private final Expr left;
    private final Expr right;
    private final boolean negate;

    Equivalence(Expr left, Expr right, boolean negate) {
      this.left = left;
      this.right = right;
      this.negate = negate;
    }

    @Override
    Coll eval(Frame f) {
      return Coll.ofTruth(truth(f));
    }

    @Override
    int truth(Frame f) {
      boolean r = equivalent(left.eval(f), right.eval(f), f.run);
      return r != negate ? 1 : 0;
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
  static final class Comparison extends Expr {
    private final String op;
    private final String label;
    private final Expr left;
    private final Expr right;

    Comparison(String op, Expr left, Expr right) {
      this.op = op;
      this.label = "'" + op + "'";
      this.left = left;
      this.right = right;
    }

    @Override
    Coll eval(Frame f) {
      return Coll.ofTruth(truth(f));
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
      boolean r = switch (op) {
        case "<" -> c < 0;
        case "<=" -> c <= 0;
        case ">" -> c > 0;
        default -> c >= 0;
      };
      return r ? 1 : 0;
    }
  }

  /** {@code in} and {@code contains}. */
  static final class Membership extends Expr {
    private final Expr item;
    private final Expr collection;

    /** {@code item in collection} (contains is compiled with its operands swapped). */
    Membership(Expr item, Expr collection) {
      this.item = item;
      this.collection = collection;
    }

    @Override
    Coll eval(Frame f) {
      return Coll.ofTruth(truth(f));
    }

    @Override
    int truth(Frame f) {
      Coll i = item.eval(f);
      if (i.isEmpty()) {
        return -1;
      }
      if (i.size() > 1) {
        throw FhirPathException.execution("'in' and 'contains' test a single item, not " + i.size());
      }
      return CollectionOps.contains(collection.eval(f), i.get(0), f.run) ? 1 : 0;
    }
  }

  /** {@code |}. */
  static final class Union extends Expr {
    private final Expr left;
    private final Expr right;

    Union(Expr left, Expr right) {
      this.left = left;
      this.right = right;
    }

    @Override
    Coll eval(Frame f) {
      return CollectionOps.union(left.eval(f), right.eval(f), f.run);
    }
  }

  /** {@code +}, {@code -}, {@code *}, {@code /}, {@code div}, {@code mod}, {@code &}. */
  static final class Arith extends Expr {
    private final String op;
    private final String label;
    private final Expr left;
    private final Expr right;

    Arith(String op, Expr left, Expr right) {
      this.op = op;
      this.label = "'" + op + "'";
      this.left = left;
      this.right = right;
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

  /** {@code is} (operator and function). */
  static final class Is extends Expr {
    private final @Nullable Expr input;
    private final TypeSpec type;

    Is(@Nullable Expr input, TypeSpec type) {
      this.input = input;
      this.type = type;
    }

    @Override
    Coll eval(Frame f) {
      return Coll.ofTruth(truth(f));
    }

    @Override
    int truth(Frame f) {
      Coll in = input == null ? f.focus : input.eval(f);
      if (in.isEmpty()) {
        return -1;
      }
      if (in.size() > 1) {
        throw FhirPathException.execution("'is' tests a single item, not " + in.size());
      }
      return type.matches(in.get(0), f.run.model) ? 1 : 0;
    }
  }

  /** {@code as} (operator and function): the items of the type; on several items, a filter like ofType(). */
  static final class As extends Expr {
    private final @Nullable Expr input;
    private final TypeSpec type;

    As(@Nullable Expr input, TypeSpec type) {
      this.input = input;
      this.type = type;
    }

    @Override
    boolean definesVariables() {
      return input != null && input.definesVariables();
    }

    @Override
    Coll eval(Frame f) {
      Coll in = input == null ? f.focus : input.eval(f);
      return CollectionOps.ofType(in, type, f.run.model);
    }
  }
}
