package dev.taskcheck.engine.fast;

import dev.taskcheck.fhirpath.FhirModel;
import dev.taskcheck.fhirpath.PresenceTest;
import dev.taskcheck.parse.Node;
import dev.taskcheck.plan.Constraint;
import dev.taskcheck.plan.ElementDef;
import dev.taskcheck.plan.TypeRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Invariants that only test whether paths exist ({@link PresenceTest}: {@code status.where($this in
 * ('failed' | 'rejected')).exists() implies statusReason.exists()}, {@code text.exists() or
 * coding.display.exists()}) decided off the parsed JSON, without the typed view and the FHIRPath
 * evaluator. The answer is given only where the JSON is plainly what the definitions describe: an
 * array or {@code _x} partner where none belongs, an empty object, a {@code null}, a value of
 * another JSON type, a string with outer whitespace, XML, or a filter that only the evaluator can
 * apply to elements that exist, and the answer is null: the evaluator decides. The test suite runs
 * with {@code -Dtaskcheck.fast.crossCheckInvariants=true}, which evaluates both and fails on any
 * difference ({@link Invariants}).
 */
final class Presences {

  /** How an element's JSON value must look to be read here. */
  private enum Shape {
    OBJECT,
    STRING,
    NUMBER,
    BOOLEAN
  }

  /**
   * A step resolved against the definitions: the JSON name, the element's type, and what its values
   * must be.
   */
  private record Step(
      String json,
      String partner,
      String type,
      boolean repeats,
      Shape shape,
      PresenceTest.Filter filter,
      Map<String, Leaf> leaves) {}

  /**
   * A primitive child of an object step: an object counts as present only when it has one of these
   * with a plain value and no {@code _x} partner (the typed view drops an object whose members are
   * all unknown or malformed, and a value whose partner is {@code null}).
   */
  private record Leaf(Shape shape, boolean repeats, Map<String, Leaf> inner) {}

  /**
   * How many levels of single complex children {@link #leaves} reads: an object is present when a
   * child object of it is, which has a plain primitive member ({@code output.type.text}).
   */
  private static final int LEAF_DEPTH = 2;

  /** A {@link PresenceTest} whose paths are resolved from one focus definition. */
  private sealed interface Test {}

  /** {@code exists()}, and {@code hasValue()} on single primitives (the same on plain JSON). */
  private record Exists(List<Step> steps) implements Test {}

  private record Compare(String op, List<Step> left, @Nullable List<Step> right, int integer)
      implements Test {}

  private record Common(List<Step> left, List<Step> right) implements Test {}

  private record Not(Test test) implements Test {}

  private record Logic(String op, Test left, Test right) implements Test {}

  /**
   * A constraint's compiled form for one focus definition (compared by identity) and type; its test
   * is null where the constraint is left to the evaluator. A caller may keep the last one it was
   * given ({@link #form}) and pass it to {@link #decide(Compiled, Node, Memo)} while the focus and
   * type are the same.
   */
  record Compiled(ElementDef focus, @Nullable String type, @Nullable Test test) {

    /** Whether this is the form for {@code focus} and {@code type}. */
    @SuppressWarnings("ReferenceEquality") // the plan's definitions, one object each
    boolean isFor(ElementDef otherFocus, @Nullable String otherType) {
      return focus == otherFocus && same(type, otherType);
    }
  }

  /**
   * A constraint's expression read once, and its compiled forms by focus definition: the same
   * constraint is on several definitions (a type and its profiles: Quantity, SimpleQuantity, Age).
   */
  private record Entry(@Nullable PresenceTest test, List<Compiled> byFocus) {}

  /** Compiled forms kept per constraint; more foci are compiled on each use. */
  private static final int MAX_FOCI = 16;

  // FHIRPath's three values, and the answer left to the evaluator
  private static final int TRUE = 1;
  private static final int FALSE = 0;
  private static final int EMPTY = -1;
  private static final int UNDECIDED = -2;

  private final Types types;
  private final FhirModel model;

  /**
   * By constraint, compared by identity (the plan's objects: hashing a record reads every field).
   */
  private final IdentityCache<Entry> compiled = new IdentityCache<>();

  /** One list per distinct path, so that a {@link Memo} finds a path by identity. */
  private final Map<List<Step>, List<Step>> paths = new ConcurrentHashMap<>();

  Presences(Types types, FhirModel model) {
    this.types = types;
    this.model = model;
  }

  /**
   * Whether the invariant holds on {@code node}, an element defined by {@code focus} of type {@code
   * type} (null for a resource or an element with its children inline), or null when it is left to
   * the evaluator.
   */
  // the definitions are compared by identity: the plan's, the same objects for every document
  @Nullable Boolean decide(
      Constraint c, Node node, ElementDef focus, @Nullable String type, @Nullable Memo memo) {
    return decide(form(c, focus, type), node, memo);
  }

  /**
   * Whether the invariant of the compiled form holds on {@code node}, or null when it is left to
   * the evaluator.
   */
  @Nullable Boolean decide(Compiled k, Node node, @Nullable Memo memo) {
    if (node.kind() != Node.Kind.OBJECT || k.test == null) {
      return null;
    }
    int v = value(k.test, node, memo != null && memo.focus == node ? memo : null);
    // an invariant holds when it is true; false and empty fail it
    return v == UNDECIDED ? null : v == TRUE;
  }

  /** The compiled form of {@code c} on an element defined by {@code focus} of type {@code type}. */
  Compiled form(Constraint c, ElementDef focus, @Nullable String type) {
    Entry e = compiled.get(c);
    if (e == null) {
      String expression = c.expression();
      e = new Entry(expression == null ? null : PresenceTest.of(expression), List.of());
      compiled.put(c, e);
    }
    PresenceTest t = e.test;
    if (t == null) {
      return new Compiled(focus, type, null);
    }
    List<Compiled> byFocus = e.byFocus;
    for (int i = 0; i < byFocus.size(); i++) {
      Compiled known = byFocus.get(i);
      if (known.isFor(focus, type)) {
        return known;
      }
    }
    Compiled k = new Compiled(focus, type, resolve(t, focus, type));
    if (byFocus.size() < MAX_FOCI) {
      List<Compiled> more = new ArrayList<>(byFocus);
      more.add(k);
      // a race may lose one of two new forms; it is compiled again on its next use
      compiled.put(c, new Entry(t, List.copyOf(more)));
    }
    return k;
  }

  private static boolean same(@Nullable String a, @Nullable String b) {
    return a == null ? b == null : a.equals(b);
  }

  private @Nullable Test resolve(PresenceTest t, ElementDef focus, @Nullable String type) {
    if (t instanceof PresenceTest.Not n) {
      Test inner = resolve(n.test(), focus, type);
      return inner == null ? null : new Not(inner);
    }
    if (t instanceof PresenceTest.Logic l) {
      Test left = resolve(l.left(), focus, type);
      Test right = resolve(l.right(), focus, type);
      return left == null || right == null ? null : new Logic(l.op(), left, right);
    }
    if (t instanceof PresenceTest.HasValue h) {
      List<Step> steps = steps(h.path(), focus, type);
      return steps == null || !single(steps) || steps.get(steps.size() - 1).shape == Shape.OBJECT
          ? null
          : new Exists(steps);
    }
    if (t instanceof PresenceTest.Compare c) {
      List<Step> left = steps(c.left(), focus, type);
      List<Step> right = c.right() == null ? null : steps(c.right(), focus, type);
      if (left == null
          || !single(left)
          || (c.right() != null && (right == null || !single(right)))) {
        return null;
      }
      return new Compare(c.op(), left, right, c.integer());
    }
    if (t instanceof PresenceTest.Common c) {
      List<Step> left = steps(c.left(), focus, type);
      List<Step> right = steps(c.right(), focus, type);
      return left == null || right == null || !strings(left) || !strings(right)
          ? null
          : new Common(left, right);
    }
    List<Step> steps = steps(((PresenceTest.Exists) t).path(), focus, type);
    return steps == null ? null : new Exists(steps);
  }

  /** Whether no step repeats and the last is a primitive: a path of at most one value. */
  private static boolean single(List<Step> steps) {
    for (Step s : steps) {
      if (s.repeats) {
        return false;
      }
    }
    return steps.get(steps.size() - 1).shape != Shape.OBJECT;
  }

  /** Whether a path ends in string values and keeps all of them (or those with a value). */
  private static boolean strings(List<Step> steps) {
    for (int i = 0; i < steps.size() - 1; i++) {
      if (steps.get(i).filter != PresenceTest.All.ALL) {
        return false;
      }
    }
    Step last = steps.get(steps.size() - 1);
    return last.shape == Shape.STRING
        && (last.filter == PresenceTest.All.ALL || last.filter == PresenceTest.HasValues.HAS_VALUE);
  }

  private @Nullable List<Step> steps(
      List<PresenceTest.Step> path, ElementDef focus, @Nullable String type) {
    List<Step> steps = new ArrayList<>();
    ElementDef at = focus;
    String atType = type;
    for (PresenceTest.Step s : path) {
      ElementDef child = child(types.children(at, atType), s.name());
      if (child == null || child.contentReference() != null) {
        return null;
      }
      String code;
      String json;
      if (child.isChoice()) {
        code = s.type() == null ? null : choiceCode(child, s.type());
        if (code == null) {
          return null;
        }
        json = (s.name() + Character.toUpperCase(code.charAt(0)) + code.substring(1)).intern();
      } else {
        code = child.singleType();
        if (code == null || (s.type() != null && !s.type().equals(code))) {
          return null;
        }
        json = s.name().intern();
      }
      Shape shape = shape(child, code);
      if (shape == null
          || (shape != Shape.STRING && s.filter() instanceof PresenceTest.OneOf)
          || (shape == Shape.OBJECT && s.filter() == PresenceTest.HasValues.HAS_VALUE)) {
        return null;
      }
      steps.add(
          new Step(
              json,
              ("_" + json).intern(),
              code,
              child.repeats(),
              shape,
              s.filter(),
              shape == Shape.OBJECT ? leaves(child, code, LEAF_DEPTH) : Map.of()));
      at = child;
      atType = code;
    }
    List<Step> resolved = List.copyOf(steps);
    List<Step> known = paths.putIfAbsent(resolved, resolved);
    return known == null ? resolved : known;
  }

  /**
   * The primitive children of an element of type {@code code}, by JSON name, and, {@code depth}
   * levels down, its single complex children with theirs.
   */
  private Map<String, Leaf> leaves(ElementDef element, String code, int depth) {
    Map<String, Leaf> out = new java.util.HashMap<>();
    for (ElementDef c : types.children(element, code)) {
      String t = c.singleType();
      // an id alone may not make an element present (ele-1 asks for more): not counted
      if (c.sliceName() != null || c.isChoice() || t == null || c.name().equals("id")) {
        continue;
      }
      Shape shape = shape(c, t);
      if (shape == null) {
        continue;
      }
      if (shape != Shape.OBJECT) {
        out.put(c.name(), new Leaf(shape, c.repeats(), Map.of()));
      } else if (depth > 1 && !c.repeats() && c.contentReference() == null) {
        Map<String, Leaf> inner = leaves(c, t, depth - 1);
        if (!inner.isEmpty()) {
          out.put(c.name(), new Leaf(shape, false, inner));
        }
      }
    }
    return Map.copyOf(out);
  }

  private static @Nullable ElementDef child(List<ElementDef> children, String name) {
    for (ElementDef c : children) {
      if (c.sliceName() == null && c.name().equals(name)) {
        return c;
      }
    }
    return null;
  }

  private static @Nullable String choiceCode(ElementDef choice, String type) {
    for (TypeRef t : choice.types()) {
      if (t.code().equals(type)) {
        return t.code();
      }
    }
    return null;
  }

  private static final Set<String> NUMBERS =
      Set.of("integer", "decimal", "positiveInt", "unsignedInt");

  /** The JSON shape of an element of type {@code code}, or null for one not read here. */
  private @Nullable Shape shape(ElementDef element, String code) {
    if (Types.isSystemType(code)) {
      return Shape.STRING;
    }
    if (types.isPrimitive(code)) {
      return code.equals("boolean")
          ? Shape.BOOLEAN
          : NUMBERS.contains(code) ? Shape.NUMBER : Shape.STRING;
    }
    if (types.isResource(code) || (types.type(code) == null && element.children().isEmpty())) {
      return null;
    }
    return Shape.OBJECT;
  }

  /** FHIRPath's value of a test ({@link #TRUE}, {@link #FALSE}, {@link #EMPTY}) or UNDECIDED. */
  private int value(Test t, Node node, @Nullable Memo memo) {
    if (t instanceof Exists e) {
      List<Node> found = collect(e.steps, node, memo);
      return found == null ? UNDECIDED : found.isEmpty() ? FALSE : TRUE;
    }
    if (t instanceof Not n) {
      int inner = value(n.test, node, memo);
      return inner == TRUE ? FALSE : inner == FALSE ? TRUE : inner;
    }
    if (t instanceof Compare c) {
      return compare(c, node, memo);
    }
    if (t instanceof Common c) {
      return common(c, node, memo);
    }
    Logic l = (Logic) t;
    int left = value(l.left, node, memo);
    switch (l.op) {
      case "implies" -> {
        if (left == FALSE) {
          return TRUE;
        }
        int right = value(l.right, node, memo);
        if (right == TRUE || left == TRUE) {
          return right;
        }
        // left empty (right false or empty: empty) or undecided
        return left == UNDECIDED || right == UNDECIDED ? UNDECIDED : EMPTY;
      }
      case "and" -> {
        if (left == FALSE) {
          return FALSE;
        }
        int right = value(l.right, node, memo);
        if (right == FALSE) {
          return FALSE;
        }
        if (left == UNDECIDED || right == UNDECIDED) {
          return UNDECIDED;
        }
        return left == TRUE && right == TRUE ? TRUE : EMPTY;
      }
      case "or" -> {
        if (left == TRUE) {
          return TRUE;
        }
        int right = value(l.right, node, memo);
        if (right == TRUE) {
          return TRUE;
        }
        if (left == UNDECIDED || right == UNDECIDED) {
          return UNDECIDED;
        }
        return left == FALSE && right == FALSE ? FALSE : EMPTY;
      }
      default -> {
        // xor: empty when either side is
        int right = value(l.right, node, memo);
        if (left == EMPTY || right == EMPTY) {
          return EMPTY;
        }
        if (left == UNDECIDED || right == UNDECIDED) {
          return UNDECIDED;
        }
        return left == right ? FALSE : TRUE;
      }
    }
  }

  private int compare(Compare c, Node node, @Nullable Memo memo) {
    List<Node> left = collect(c.left, node, memo);
    if (left == null) {
      return UNDECIDED;
    }
    List<Step> rightSteps = c.right;
    List<Node> right = rightSteps == null ? null : collect(rightSteps, node, memo);
    if (rightSteps != null && right == null) {
      return UNDECIDED;
    }
    if (left.isEmpty() || (right != null && right.isEmpty())) {
      return EMPTY;
    }
    String leftValue = left.get(0).value();
    Step leftStep = c.left.get(c.left.size() - 1);
    int order;
    if (right == null || rightSteps == null) {
      order =
          leftValue == null
              ? PresenceTest.NOT_COMPARED
              : PresenceTest.order(model, leftStep.type, leftValue, c.integer);
    } else {
      String rightValue = right.get(0).value();
      Step rightStep = rightSteps.get(rightSteps.size() - 1);
      order =
          leftValue == null || rightValue == null
              ? PresenceTest.NOT_COMPARED
              : PresenceTest.order(model, leftStep.type, leftValue, rightStep.type, rightValue);
    }
    if (order == PresenceTest.NOT_COMPARED) {
      return UNDECIDED;
    }
    if (order == PresenceTest.UNKNOWN_ORDER) {
      return EMPTY;
    }
    boolean holds =
        switch (c.op) {
          case "<" -> order < 0;
          case "<=" -> order <= 0;
          case ">" -> order > 0;
          default -> order >= 0;
        };
    return holds ? TRUE : FALSE;
  }

  private static int common(Common c, Node node, @Nullable Memo memo) {
    List<Node> left = collect(c.left, node, memo);
    List<Node> right = left == null || left.isEmpty() ? left : collect(c.right, node, memo);
    if (left == null || right == null) {
      return UNDECIDED;
    }
    for (Node l : left) {
      for (Node r : right) {
        if (Objects.equals(l.value(), r.value())) {
          return TRUE;
        }
      }
    }
    return FALSE;
  }

  /**
   * The paths already read from one focus while its invariants are decided: a resource's invariants
   * ask the same paths again and again (eight of a Task's ask for its status). Paths are compared
   * by identity: {@link #steps} gives one list per distinct path.
   */
  static final class Memo {
    private static final int SIZE = 16;
    private final Node focus;
    private final Object[] paths = new Object[SIZE];
    private final Object[] found = new Object[SIZE];
    private int size;

    /**
     * The focus's members by JSON name, as the first step of a path reads them ({@link #members}):
     * paths that differ in their filter only ({@code status.where($this = 'completed')}, {@code
     * status.where($this in ...)}) read the focus's members once.
     */
    private final String[] names = new String[SIZE];

    private final Object[] members = new Object[SIZE];
    private int named;

    Memo(Node focus) {
      this.focus = focus;
    }
  }

  /** What {@link #members} gives when the focus has the {@code _x} partner of the name. */
  private static final Object PARTNER = new Object();

  /**
   * The members of {@code focus} named {@code step.json}, or {@link #PARTNER} when it has a member
   * named {@code step.partner} (the path is then left to the evaluator).
   */
  @SuppressWarnings("ReferenceEquality") // the steps' names are interned, compared by identity
  private static Object members(Step step, Node focus, Memo memo) {
    for (int i = 0; i < memo.named; i++) {
      if (memo.names[i] == step.json) {
        return memo.members[i];
      }
    }
    List<Node> named = List.of();
    Object out = named;
    List<Node> children = focus.children();
    for (int j = 0; j < children.size(); j++) {
      Node c = children.get(j);
      String name = c.name();
      if (name.equals(step.partner)) {
        out = PARTNER;
        break;
      }
      if (name.equals(step.json)) {
        if (named.isEmpty()) {
          named = new ArrayList<>(2);
          out = named;
        }
        named.add(c);
      }
    }
    if (memo.named < Memo.SIZE) {
      memo.names[memo.named] = step.json;
      memo.members[memo.named] = out;
      memo.named++;
    }
    return out;
  }

  /** What the memo keeps for a path whose answer is left to the evaluator (collect's null). */
  private static final Object UNDECIDED_PATH = new Object();

  @SuppressWarnings({"unchecked", "ReferenceEquality"}) // canonical paths, compared by identity
  private static @Nullable List<Node> collect(List<Step> steps, Node focus, @Nullable Memo memo) {
    if (memo == null) {
      return read(steps, focus, null);
    }
    for (int i = 0; i < memo.size; i++) {
      if (memo.paths[i] == steps) {
        Object f = memo.found[i];
        return f == UNDECIDED_PATH ? null : (List<Node>) f;
      }
    }
    List<Node> f = read(steps, focus, memo);
    if (memo.size < Memo.SIZE) {
      memo.paths[memo.size] = steps;
      memo.found[memo.size] = f == null ? UNDECIDED_PATH : f;
      memo.size++;
    }
    return f;
  }

  /**
   * The values the path gives from {@code focus}, or null when the JSON on the way is not plainly
   * what the definitions describe or a filter is left to the evaluator.
   */
  @SuppressWarnings("unchecked") // members gives a list of nodes or PARTNER
  private static @Nullable List<Node> read(List<Step> steps, Node focus, @Nullable Memo memo) {
    // the objects further down passed hasPlainLeaf, which reads their notes
    if (!focus.notes().emptyArrays().isEmpty() || !focus.notes().duplicateKeys().isEmpty()) {
      return null;
    }
    List<Node> current = List.of(focus);
    for (int s = 0; s < steps.size(); s++) {
      Step step = steps.get(s);
      List<Node> next = null;
      for (int i = 0; i < current.size(); i++) {
        Node n = current.get(i);
        // two loops, so that each list's get is called from a place that sees one kind of list (a
        // call through the interface per member where one place saw three)
        if (s == 0 && memo != null) {
          // the focus's members of this name, read once for the paths that start with it
          Object m = members(step, n, memo);
          if (m == PARTNER) {
            return null;
          }
          List<Node> named = (List<Node>) m;
          for (int j = 0; j < named.size(); j++) {
            Node c = named.get(j);
            int taken = take(c, step);
            if (taken == UNDECIDED) {
              return null;
            }
            if (taken == TRUE) {
              if (next == null) {
                next = new ArrayList<>(2);
              }
              next.add(c);
            }
          }
        } else {
          List<Node> children = n.children();
          for (int j = 0; j < children.size(); j++) {
            Node c = children.get(j);
            int taken = take(c, step);
            if (taken == UNDECIDED) {
              return null;
            }
            if (taken == TRUE) {
              if (next == null) {
                next = new ArrayList<>(2);
              }
              next.add(c);
            }
          }
        }
      }
      if (next == null) {
        return List.of();
      }
      if (step.filter == PresenceTest.Some.SOME) {
        return null;
      }
      current = next;
    }
    return current;
  }

  /**
   * Whether a member is one of the step's values ({@link #TRUE}), another member ({@link #FALSE}),
   * or one that leaves the path to the evaluator ({@link #UNDECIDED}).
   */
  private static int take(Node c, Step step) {
    String name = c.name();
    if (name.equals(step.partner)) {
      return UNDECIDED;
    }
    if (!name.equals(step.json)) {
      return FALSE;
    }
    if (c.inArray() != step.repeats
        || !plain(c, step.shape)
        || (step.shape == Shape.OBJECT && !hasPlainLeaf(c, step.leaves))) {
      return UNDECIDED;
    }
    if (step.filter instanceof PresenceTest.OneOf v && !v.strings().contains(c.value())) {
      return FALSE;
    }
    return TRUE;
  }

  /**
   * Whether an object has a primitive member of its type with a plain value, or a single object
   * member that has one ({@link #leaves}).
   */
  private static boolean hasPlainLeaf(Node object, Map<String, Leaf> leaves) {
    if (!object.notes().emptyArrays().isEmpty() || !object.notes().duplicateKeys().isEmpty()) {
      return false;
    }
    List<Node> children = object.children();
    for (int i = 0; i < children.size(); i++) {
      Node c = children.get(i);
      Leaf leaf = leaves.get(c.name());
      if (leaf == null || leaf.repeats) {
        continue;
      }
      if (leaf.shape == Shape.OBJECT) {
        if (!c.inArray() && plain(c, Shape.OBJECT) && hasPlainLeaf(c, leaf.inner)) {
          return true;
        }
      } else if (ParserReads.primitive(object, c.name()) == c && plain(c, leaf.shape)) {
        // the value as the parser keeps it: a partner that is no object drops it
        return true;
      }
    }
    return false;
  }

  /** Whether a JSON value is plainly of the shape: an object with members, a trimmed string. */
  private static boolean plain(Node c, Shape shape) {
    return switch (shape) {
      case OBJECT -> c.kind() == Node.Kind.OBJECT && !c.children().isEmpty();
      case BOOLEAN -> c.kind() == Node.Kind.BOOLEAN;
      case NUMBER -> c.kind() == Node.Kind.NUMBER;
      case STRING -> {
        String v = c.value();
        yield c.kind() == Node.Kind.STRING
            && v != null
            && !v.isEmpty()
            && !Character.isWhitespace(v.charAt(0))
            && !Character.isWhitespace(v.charAt(v.length() - 1));
      }
    };
  }
}
