package dev.taskcheck.fhirpath;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The function table: every function this evaluator implements, with its number of arguments and
 * how a call compiles. This file holds the existence, filtering, subsetting, combining, tree,
 * utility, aggregate and FHIR functions; {@link StringFunctions}, {@link MathFunctions} and {@link
 * ConversionFunctions} add theirs. {@code is}, {@code as}, {@code ofType}, {@code defineVariable}
 * and {@code sort} are compiled by the {@link Compiler} itself.
 */
final class Functions {

  private Functions() {}

  /**
   * A function body: the input collection, the frame (its {@code $this} is the caller's) and the
   * arguments.
   */
  @FunctionalInterface
  interface Impl {
    Coll apply(Frame f, Coll input, Expr[] args);
  }

  /**
   * How a call compiles: from its input (null at the head of a path) and its compiled arguments.
   */
  @FunctionalInterface
  interface Factory {
    Expr create(@Nullable Expr input, Expr[] args);
  }

  /** One function: its name, the number of arguments it takes, how it compiles. */
  record Def(String name, int minArgs, int maxArgs, Factory factory) {}

  /**
   * The functions the compiler handles itself (their arguments are type names, sort keys, variable
   * names).
   */
  static final Set<String> COMPILED_SPECIALLY =
      Set.of("is", "as", "ofType", "defineVariable", "sort");

  private static final Map<String, Def> TABLE = table();

  static @Nullable Def lookup(String name) {
    return TABLE.get(name);
  }

  /** Every function name the evaluator implements. */
  static Set<String> names() {
    Set<String> all = new java.util.TreeSet<>(TABLE.keySet());
    all.addAll(COMPILED_SPECIALLY);
    return all;
  }

  private static Map<String, Def> table() {
    Map<String, Def> m = new HashMap<>();
    // existence
    m.put("empty", new Def("empty", 0, 0, (in, a) -> new Exists(in, true)));
    m.put(
        "exists",
        new Def(
            "exists",
            0,
            1,
            (in, a) ->
                a.length == 0 ? new Exists(in, false) : call(in, a, Functions::existsWhere)));
    m.put("count", new Def("count", 0, 0, (in, a) -> new Count(in)));
    fn(m, "all", 1, 1, Functions::all);
    fn(m, "allTrue", 0, 0, (f, in, a) -> booleans(f, in, "allTrue", true, true));
    fn(m, "anyTrue", 0, 0, (f, in, a) -> booleans(f, in, "anyTrue", false, true));
    fn(m, "allFalse", 0, 0, (f, in, a) -> booleans(f, in, "allFalse", true, false));
    fn(m, "anyFalse", 0, 0, (f, in, a) -> booleans(f, in, "anyFalse", false, false));
    fn(m, "subsetOf", 1, 1, (f, in, a) -> Coll.of(CollectionOps.subsetOf(in, a[0].eval(f), f.run)));
    fn(
        m,
        "supersetOf",
        1,
        1,
        (f, in, a) -> Coll.of(CollectionOps.subsetOf(a[0].eval(f), in, f.run)));
    fn(m, "distinct", 0, 0, (f, in, a) -> CollectionOps.distinct(in, f.run));
    fn(m, "isDistinct", 0, 0, (f, in, a) -> Coll.of(CollectionOps.isDistinct(in, f.run)));
    // filtering and projection
    fn(m, "where", 1, 1, Functions::where);
    fn(m, "select", 1, 1, Functions::select);
    fn(m, "repeat", 1, 1, (f, in, a) -> repeat(f, in, a[0], true));
    fn(m, "repeatAll", 1, 1, (f, in, a) -> repeat(f, in, a[0], false));
    fn(m, "coalesce", 1, Integer.MAX_VALUE, Functions::coalesce);
    // subsetting
    fn(
        m,
        "single",
        0,
        0,
        (f, in, a) -> {
          if (in.size() > 1) {
            throw FhirPathException.execution(
                "single() on a collection of " + in.size() + " items");
          }
          return in;
        });
    fn(m, "first", 0, 0, (f, in, a) -> in.slice(0, 1));
    fn(m, "last", 0, 0, (f, in, a) -> in.slice(in.size() - 1, in.size()));
    fn(m, "tail", 0, 0, (f, in, a) -> in.slice(1, in.size()));
    fn(
        m,
        "skip",
        1,
        1,
        (f, in, a) -> {
          Integer n = integerArg(f, a[0], "skip");
          return n == null ? Coll.EMPTY : in.slice(Math.max(0, n), in.size());
        });
    fn(
        m,
        "take",
        1,
        1,
        (f, in, a) -> {
          Integer n = integerArg(f, a[0], "take");
          return n == null || n <= 0 ? Coll.EMPTY : in.slice(0, n);
        });
    fn(m, "intersect", 1, 1, (f, in, a) -> CollectionOps.intersect(in, a[0].eval(f), f.run));
    fn(m, "exclude", 1, 1, (f, in, a) -> CollectionOps.exclude(in, a[0].eval(f), f.run));
    // combining
    fn(m, "union", 1, 1, (f, in, a) -> CollectionOps.union(in, a[0].eval(f), f.run));
    fn(m, "combine", 1, 2, (f, in, a) -> CollectionOps.combine(in, a[0].eval(f)));
    // boolean, conditional
    m.put("not", new Def("not", 0, 0, (in, a) -> new Not(in)));
    fn(m, "iif", 2, 3, Functions::iif);
    // tree navigation
    m.put("children", new Def("children", 0, 0, (in, a) -> new Children(in)));
    fn(m, "descendants", 0, 0, (f, in, a) -> descendants(in));
    // utility
    fn(m, "trace", 1, 2, Functions::trace);
    fn(m, "now", 0, 0, (f, in, a) -> Coll.of(now(f.run, DateTimeValue.Kind.DATE_TIME)));
    fn(m, "today", 0, 0, (f, in, a) -> Coll.of(now(f.run, DateTimeValue.Kind.DATE)));
    fn(m, "timeOfDay", 0, 0, (f, in, a) -> Coll.of(now(f.run, DateTimeValue.Kind.TIME)));
    fn(
        m,
        "type",
        0,
        0,
        (f, in, a) -> {
          Coll.Builder out = new Coll.Builder(in.size());
          for (int i = 0; i < in.size(); i++) {
            out.add(Values.typeOf(in.get(i)));
          }
          return out.build();
        });
    // aggregates
    fn(m, "aggregate", 1, 2, Functions::aggregate);
    // FHIR
    fn(m, "extension", 1, 1, Functions::extension);
    m.put("hasValue", new Def("hasValue", 0, 0, (in, a) -> new HasValue(in)));
    fn(
        m,
        "getValue",
        0,
        0,
        (f, in, a) -> {
          if (in.size() == 1 && in.get(0) instanceof FhirNode n && n.primitiveValue() != null) {
            Object v = Values.system(n, f.run.model);
            return v instanceof FhirNode ? Coll.EMPTY : Coll.of(v);
          }
          return Coll.EMPTY;
        });
    fn(m, "resolve", 0, 0, Functions::resolve);
    fn(m, "memberOf", 1, 1, Functions::memberOf);
    fn(m, "conformsTo", 1, 1, Functions::conformsTo);
    fn(m, "htmlChecks", 0, 0, Functions::htmlChecks);
    StringFunctions.register(m);
    MathFunctions.register(m);
    ConversionFunctions.register(m);
    return Map.copyOf(m);
  }

  static void fn(Map<String, Def> m, String name, int min, int max, Impl impl) {
    m.put(name, new Def(name, min, max, (in, a) -> call(in, a, impl)));
  }

  static Expr call(@Nullable Expr input, Expr[] args, Impl impl) {
    return new Call(input, args, impl);
  }

  /** A call of a function from the table: its input, then the body. */
  static final class Call extends Expr {
    private final @Nullable Expr input;
    private final Expr[] args;
    private final Impl impl;

    Call(@Nullable Expr input, Expr[] args, Impl impl) {
      this.input = input;
      this.args = args;
      this.impl = impl;
    }

    @Override
    boolean definesVariables() {
      return input != null && input.definesVariables();
    }

    @Override
    Coll eval(Frame f) {
      return impl.apply(f, input == null ? f.focus : input.eval(f), args);
    }
  }

  /** A call whose input is evaluated by the default of its subclass. */
  abstract static class Unary extends Expr {
    final @Nullable Expr input;

    Unary(@Nullable Expr input) {
      this.input = input;
    }

    @Override
    boolean definesVariables() {
      return input != null && input.definesVariables();
    }

    Coll in(Frame f) {
      return input == null ? f.focus : input.eval(f);
    }

    boolean inputExists(Frame f) {
      return input == null ? Values.anyContent(f.focus) : input.exists(f);
    }

    int inputCount(Frame f) {
      return input == null ? f.focus.size() : input.count(f);
    }
  }

  // ---------------------------------------------------------------- argument helpers

  /** A single argument's value (a FHIR primitive as its system value), null when empty. */
  static @Nullable Object arg(Frame f, Expr e, String fn) {
    return e.single(f, fn);
  }

  static @Nullable String stringArg(Frame f, Expr e, String fn) {
    Object v = arg(f, e, fn);
    if (v == null || v instanceof String) {
      return (String) v;
    }
    throw FhirPathException.execution(
        fn + "() expects a String argument, not " + Values.describe(v));
  }

  static @Nullable Integer integerArg(Frame f, Expr e, String fn) {
    Object v = arg(f, e, fn);
    if (v == null || v instanceof Integer) {
      return (Integer) v;
    }
    throw FhirPathException.execution(
        fn + "() expects an Integer argument, not " + Values.describe(v));
  }

  /** The single input item as a system value, null when empty; an error for several. */
  static @Nullable Object input(Frame f, Coll in, String fn) {
    return Values.single(in, f.run.model, fn);
  }

  static @Nullable String stringInput(Frame f, Coll in, String fn) {
    Object v = input(f, in, fn);
    if (v == null || v instanceof String) {
      return (String) v;
    }
    throw FhirPathException.execution(fn + "() applies to a String, not " + Values.describe(v));
  }

  // ---------------------------------------------------------------- existence

  /** {@code exists()} without criteria, and {@code empty()}. */
  static final class Exists extends Unary {
    private final boolean empty;

    Exists(@Nullable Expr input, boolean empty) {
      super(input);
      this.empty = empty;
    }

    @Override
    Coll eval(Frame f) {
      return Coll.of(inputExists(f) != empty);
    }

    @Override
    int truth(Frame f) {
      return inputExists(f) != empty ? 1 : 0;
    }
  }

  /** {@code count()}. */
  static final class Count extends Unary {
    Count(@Nullable Expr input) {
      super(input);
    }

    @Override
    Coll eval(Frame f) {
      return Coll.of(Integer.valueOf(inputCount(f)));
    }

    @Override
    @Nullable Object single(Frame f, String what) {
      return Integer.valueOf(inputCount(f));
    }
  }

  /** {@code not()}. */
  static final class Not extends Unary {
    Not(@Nullable Expr input) {
      super(input);
    }

    @Override
    Coll eval(Frame f) {
      return Coll.ofTruth(truth(f));
    }

    @Override
    int truth(Frame f) {
      int t = input == null ? Values.truth(f.focus, f.run.model) : input.truth(f);
      return t < 0 ? -1 : 1 - t;
    }
  }

  /** {@code hasValue()}: a single FHIR primitive with a value (or a single system value). */
  static final class HasValue extends Unary {
    HasValue(@Nullable Expr input) {
      super(input);
    }

    @Override
    Coll eval(Frame f) {
      return Coll.of(truth(f) == 1);
    }

    @Override
    int truth(Frame f) {
      Coll in = in(f);
      if (in.size() != 1) {
        return 0;
      }
      Object item = in.get(0);
      return !(item instanceof FhirNode n) || n.primitiveValue() != null ? 1 : 0;
    }
  }

  /** {@code children()}. */
  static final class Children extends Unary {
    Children(@Nullable Expr input) {
      super(input);
    }

    @Override
    Coll eval(Frame f) {
      Coll in = in(f);
      if (in.size() == 1 && in.get(0) instanceof FhirNode n) {
        return Coll.of(n.children());
      }
      Coll.Builder out = new Coll.Builder();
      for (int i = 0; i < in.size(); i++) {
        if (in.get(i) instanceof FhirNode n) {
          out.addAll(n.children());
        }
      }
      return out.build();
    }

    @Override
    int count(Frame f) {
      Coll in = in(f);
      int total = 0;
      for (int i = 0; i < in.size(); i++) {
        if (in.get(i) instanceof FhirNode n) {
          total += n.children().size();
        }
      }
      return total;
    }
  }

  private static Coll existsWhere(Frame f, Coll in, Expr[] a) {
    Frame c = f.child(Coll.EMPTY);
    for (int i = 0; i < in.size(); i++) {
      c.focus = Coll.of(in.get(i));
      c.index = i;
      c.vars = f.vars;
      if (a[0].truth(c) == 1) {
        return Coll.TRUE;
      }
    }
    return Coll.FALSE;
  }

  private static Coll all(Frame f, Coll in, Expr[] a) {
    Frame c = f.child(Coll.EMPTY);
    for (int i = 0; i < in.size(); i++) {
      c.focus = Coll.of(in.get(i));
      c.index = i;
      c.vars = f.vars;
      if (a[0].truth(c) != 1) {
        return Coll.FALSE;
      }
    }
    return Coll.TRUE;
  }

  private static Coll booleans(Frame f, Coll in, String fn, boolean all, boolean value) {
    for (int i = 0; i < in.size(); i++) {
      Object v = Values.system(in.get(i), f.run.model);
      if (!(v instanceof Boolean b)) {
        throw FhirPathException.execution(fn + "() applies to Booleans, not " + Values.describe(v));
      }
      if (all && b != value) {
        return Coll.FALSE;
      }
      if (!all && b == value) {
        return Coll.TRUE;
      }
    }
    return Coll.of(all);
  }

  // ---------------------------------------------------------------- filtering

  private static Coll where(Frame f, Coll in, Expr[] a) {
    Frame c = f.child(Coll.EMPTY);
    Coll.Builder out = null;
    for (int i = 0; i < in.size(); i++) {
      Object item = in.get(i);
      c.focus = Coll.of(item);
      c.index = i;
      c.vars = f.vars;
      if (a[0].truth(c) == 1) {
        if (out == null) {
          out = new Coll.Builder(in.size());
        }
        out.add(item);
      }
    }
    return out == null ? Coll.EMPTY : out.size() == in.size() ? in : out.build();
  }

  private static Coll select(Frame f, Coll in, Expr[] a) {
    Frame c = f.child(Coll.EMPTY);
    Coll.Builder out = new Coll.Builder(in.size());
    for (int i = 0; i < in.size(); i++) {
      c.focus = Coll.of(in.get(i));
      c.index = i;
      c.vars = f.vars;
      out.addAll(a[0].eval(c));
    }
    return out.build();
  }

  /**
   * {@code repeat()} (unique items: nodes by identity, system values by equality) and {@code
   * repeatAll()} (every item; bounded to a million items against projections that never end).
   */
  private static Coll repeat(Frame f, Coll in, Expr projection, boolean unique) {
    Coll.Builder out = new Coll.Builder();
    IdentityHashMap<Object, Boolean> seen = new IdentityHashMap<>();
    List<Object> systemSeen = new ArrayList<>();
    Frame c = f.child(Coll.EMPTY);
    Coll current = in;
    while (!current.isEmpty()) {
      Coll.Builder next = new Coll.Builder();
      for (int i = 0; i < current.size(); i++) {
        c.focus = Coll.of(current.get(i));
        c.index = i;
        c.vars = f.vars;
        Coll r = projection.eval(c);
        for (int j = 0; j < r.size(); j++) {
          Object item = r.get(j);
          if (unique && !firstTime(item, seen, systemSeen, f.run)) {
            continue;
          }
          out.add(item);
          next.add(item);
          if (out.size() > 1_000_000) {
            throw FhirPathException.execution("repeat() produced more than a million items");
          }
        }
      }
      current = next.build();
    }
    return out.build();
  }

  private static boolean firstTime(
      Object item, Map<Object, Boolean> seen, List<Object> systemSeen, Run run) {
    if (item instanceof FhirNode) {
      return seen.put(item, Boolean.TRUE) == null;
    }
    for (Object s : systemSeen) {
      if (Values.equal(s, item, run) == 1) {
        return false;
      }
    }
    systemSeen.add(item);
    return true;
  }

  private static Coll coalesce(Frame f, Coll in, Expr[] a) {
    for (Expr e : a) {
      Coll c = e.eval(f);
      if (!c.isEmpty()) {
        return c;
      }
    }
    return Coll.EMPTY;
  }

  /**
   * {@code sort()}: by the keys in order (each ascending or descending), or by the items
   * themselves.
   */
  static final class Sort extends Unary {
    private final Expr[] keys;
    private final boolean[] descending;

    Sort(@Nullable Expr input, Expr[] keys, boolean[] descending) {
      super(input);
      this.keys = keys;
      this.descending = descending;
    }

    @Override
    Coll eval(Frame f) {
      Coll in = in(f);
      int n = in.size();
      int k = Math.max(1, keys.length);
      Object[][] values = new Object[n][k];
      Frame c = f.child(Coll.EMPTY);
      for (int i = 0; i < n; i++) {
        if (keys.length == 0) {
          values[i][0] = Values.system(in.get(i), f.run.model);
          continue;
        }
        c.focus = Coll.of(in.get(i));
        c.vars = f.vars;
        for (int j = 0; j < keys.length; j++) {
          values[i][j] = keys[j].single(c, "a sort key");
        }
      }
      Integer[] order = new Integer[n];
      for (int i = 0; i < n; i++) {
        order[i] = i;
      }
      Comparator<Integer> byKeys =
          (x, y) -> {
            for (int j = 0; j < k; j++) {
              Object a = values[x][j];
              Object b = values[y][j];
              int r;
              if (a == null || b == null) {
                r = a == null ? (b == null ? 0 : -1) : 1;
                if (r != 0) {
                  return r;
                }
                continue;
              }
              Integer cmp = Values.compare(a, b, f.run);
              r = cmp == null ? 0 : cmp;
              if (j < descending.length && descending[j]) {
                r = -r;
              }
              if (r != 0) {
                return r;
              }
            }
            return 0;
          };
      java.util.Arrays.sort(order, byKeys);
      Coll.Builder out = new Coll.Builder(n);
      for (Integer i : order) {
        out.add(in.get(i));
      }
      return out.build();
    }
  }

  // ---------------------------------------------------------------- conditional, tree, utility

  private static Coll iif(Frame f, Coll in, Expr[] a) {
    Frame c = f;
    if (in != f.focus) {
      if (in.size() > 1) {
        throw FhirPathException.execution("iif() on a collection of " + in.size() + " items");
      }
      c = f.child(in);
    }
    if (a[0].truth(c) == 1) {
      return a[1].eval(c);
    }
    return a.length > 2 ? a[2].eval(c) : Coll.EMPTY;
  }

  static Coll descendants(Coll in) {
    Coll.Builder out = new Coll.Builder();
    for (int i = 0; i < in.size(); i++) {
      if (in.get(i) instanceof FhirNode n) {
        addDescendants(n, out, 0);
      }
    }
    return out.build();
  }

  private static void addDescendants(FhirNode n, Coll.Builder out, int depth) {
    if (depth > 1000) {
      throw FhirPathException.execution(
          "descendants(): the tree is more than a thousand levels deep");
    }
    List<? extends FhirNode> children = n.children();
    for (int i = 0, size = children.size(); i < size; i++) {
      FhirNode c = children.get(i);
      out.add(c);
      addDescendants(c, out, depth + 1);
    }
  }

  private static Coll trace(Frame f, Coll in, Expr[] a) {
    String name = stringArg(f, a[0], "trace");
    Coll traced = in;
    if (a.length > 1) {
      traced = select(f, in, new Expr[] {a[1]});
    }
    f.run.env.tracer().trace(name == null ? "" : name, traced.asList());
    return in;
  }

  static DateTimeValue now(Run run, DateTimeValue.Kind kind) {
    java.time.OffsetDateTime t = run.now();
    String text =
        switch (kind) {
          case DATE -> t.toLocalDate().toString();
          case TIME ->
              String.format(
                  "%02d:%02d:%02d.%03d",
                  t.getHour(), t.getMinute(), t.getSecond(), t.getNano() / 1_000_000);
          default ->
              String.format(
                  "%04d-%02d-%02dT%02d:%02d:%02d.%03d%s",
                  t.getYear(),
                  t.getMonthValue(),
                  t.getDayOfMonth(),
                  t.getHour(),
                  t.getMinute(),
                  t.getSecond(),
                  t.getNano() / 1_000_000,
                  t.getOffset().getTotalSeconds() == 0 ? "Z" : t.getOffset().getId());
        };
    DateTimeValue v = DateTimeValue.parse(text, kind);
    if (v == null) {
      throw new IllegalStateException("cannot read the clock's time " + text);
    }
    return v;
  }

  private static Coll aggregate(Frame f, Coll in, Expr[] a) {
    Coll total = a.length > 1 ? a[1].eval(f) : Coll.EMPTY;
    Frame c = f.child(Coll.EMPTY);
    for (int i = 0; i < in.size(); i++) {
      c.focus = Coll.of(in.get(i));
      c.index = i;
      c.total = total;
      c.vars = f.vars;
      total = a[0].eval(c);
    }
    return total;
  }

  // ---------------------------------------------------------------- FHIR functions

  private static Coll extension(Frame f, Coll in, Expr[] a) {
    String url = stringArg(f, a[0], "extension");
    if (url == null) {
      return Coll.EMPTY;
    }
    Coll.Builder out = new Coll.Builder();
    for (int i = 0; i < in.size(); i++) {
      if (in.get(i) instanceof FhirNode n) {
        for (FhirNode e : n.children("extension")) {
          List<? extends FhirNode> u = e.children("url");
          if (!u.isEmpty() && url.equals(u.get(0).primitiveValue())) {
            out.add(e);
          }
        }
      }
    }
    return out.build();
  }

  private static Coll resolve(Frame f, Coll in, Expr[] a) {
    Coll.Builder out = new Coll.Builder();
    for (int i = 0; i < in.size(); i++) {
      String ref = referenceText(in.get(i));
      if (ref == null) {
        continue;
      }
      FhirNode r = f.run.env.resolver().resolve(ref, f.run.resource, f.run.rootResource);
      if (r != null) {
        out.add(r);
      }
    }
    return out.build();
  }

  private static @Nullable String referenceText(Object item) {
    if (item instanceof String s) {
      return s;
    }
    if (item instanceof FhirNode n) {
      if (n.primitiveValue() != null) {
        return n.primitiveValue();
      }
      List<? extends FhirNode> r = n.children("reference");
      return r.isEmpty() ? null : r.get(0).primitiveValue();
    }
    return null;
  }

  private static Coll memberOf(Frame f, Coll in, Expr[] a) {
    if (in.isEmpty()) {
      return Coll.EMPTY;
    }
    if (in.size() > 1) {
      throw FhirPathException.execution("memberOf() on a collection of " + in.size() + " items");
    }
    String vs = stringArg(f, a[0], "memberOf");
    if (vs == null) {
      return Coll.EMPTY;
    }
    Boolean r = f.run.env.terminology().memberOf(in.get(0), vs);
    return r == null ? Coll.EMPTY : Coll.of(r.booleanValue());
  }

  private static Coll conformsTo(Frame f, Coll in, Expr[] a) {
    if (in.isEmpty()) {
      return Coll.EMPTY;
    }
    if (in.size() > 1) {
      throw FhirPathException.execution("conformsTo() on a collection of " + in.size() + " items");
    }
    String profile = stringArg(f, a[0], "conformsTo");
    if (profile == null || !(in.get(0) instanceof FhirNode n)) {
      return Coll.EMPTY;
    }
    Boolean r = f.run.env.profiles().conformsTo(n, profile, f.run.model);
    if (r == null) {
      throw FhirPathException.execution("conformsTo(): unknown profile " + profile);
    }
    return Coll.of(r.booleanValue());
  }

  private static Coll htmlChecks(Frame f, Coll in, Expr[] a) {
    if (in.size() != 1 || !(in.get(0) instanceof FhirNode n)) {
      if (in.size() > 1) {
        throw FhirPathException.execution(
            "htmlChecks() on a collection of " + in.size() + " items");
      }
      return Coll.EMPTY;
    }
    Boolean r = f.run.env.html().check(n);
    return r == null ? Coll.EMPTY : Coll.of(r.booleanValue());
  }

  // ---------------------------------------------------------------- defineVariable

  /**
   * {@code defineVariable(name [, value])}: adds a variable for the rest of its chain; passes its
   * input on.
   */
  static final class DefineVariable extends Unary {
    private final Expr name;
    private final @Nullable Expr value;

    DefineVariable(@Nullable Expr input, Expr name, @Nullable Expr value) {
      super(input);
      this.name = name;
      this.value = value;
    }

    @Override
    boolean definesVariables() {
      return true;
    }

    @Override
    Coll eval(Frame f) {
      Coll in = in(f);
      String n = stringArg(f, name, "defineVariable");
      if (n == null) {
        throw FhirPathException.execution("defineVariable() needs a name");
      }
      if (Nodes.ConstantRef.isSystemName(n)
          || f.variable(n) != null
          || f.run.env.constant(n) != null) {
        throw FhirPathException.execution("%" + n + " is already defined");
      }
      Coll v = in;
      if (value != null) {
        Frame c = f.child(in);
        v = value.eval(c);
      }
      f.vars = new Frame.Vars(n, v, f.vars);
      return in;
    }
  }
}
