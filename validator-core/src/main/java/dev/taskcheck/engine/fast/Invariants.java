package dev.taskcheck.engine.fast;

import dev.taskcheck.fhirpath.Environment;
import dev.taskcheck.fhirpath.EvaluationContext;
import dev.taskcheck.fhirpath.Expression;
import dev.taskcheck.fhirpath.FhirNode;
import dev.taskcheck.fhirpath.FhirPath;
import dev.taskcheck.fhirpath.FhirPathException;
import dev.taskcheck.fhirpath.Truth;
import dev.taskcheck.model.FhirRelease;
import dev.taskcheck.model.IssueSource;
import dev.taskcheck.model.Severity;
import dev.taskcheck.parse.Node;
import dev.taskcheck.plan.Constraint;
import dev.taskcheck.plan.ElementDef;
import dev.taskcheck.plan.TypeDef;
import dev.taskcheck.rules.catalog.CatalogEntry;
import dev.taskcheck.rules.catalog.RuleCatalog;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The invariants of the definitions applied to each element (docs/engines/reference-behaviour.md
 * §16), evaluated as the reference engine evaluates them: an empty result or an evaluation error is
 * a failure, the expressions it rewrites are rewritten the same way ({@link ExpressionFixes}),
 * dom-3 is left to the contained-resource check, and a few common invariants are decided by code
 * that gives the same answer faster (ele-1, ext-1, dom-6).
 */
final class Invariants {

  private final Types types;
  private final FhirRelease release;
  private final FhirPath fhirPath;
  private final Environment environment;

  /**
   * The compiled expression of each constraint, by the constraint (the plan's constraints are
   * immutable values), so that an evaluation neither fixes nor hashes the expression's text again.
   */
  private final Map<Constraint, Expression> compiled = new ConcurrentHashMap<>();

  /**
   * {@link Walker#extra}'s answers by the pair of constraint lists (the plan's objects, compared by
   * identity): this engine's, as its plan is.
   */
  private final IdentityCache<List<Constraint>> extras = new IdentityCache<>();

  /** The constraints of {@code own} that {@code already} does not repeat, found once per pair. */
  List<Constraint> extra(List<Constraint> own, List<Constraint> already) {
    List<Constraint> known = extras.get(own, already);
    if (known == null) {
      known = List.copyOf(Walker.extra(own, already));
      extras.put(own, already, known);
    }
    return known;
  }

  /** The invariants decided off the JSON ({@link Presences}). */
  private final Presences presences;

  /**
   * Whether every invariant {@link Presences} decides is evaluated too, and a difference fails the
   * document: {@code -Dtaskcheck.fast.crossCheckInvariants=true}, set for validator-core's tests.
   */
  private final boolean crossCheck = Boolean.getBoolean("taskcheck.fast.crossCheckInvariants");

  Invariants(Types types, FhirRelease release) {
    this.types = types;
    this.release = release;
    this.presences = new Presences(types, PlanNode.model(types));
    this.fhirPath = FhirPath.builder(PlanNode.model(types)).build();
    this.environment = Environment.defaults();
  }

  /** The resource-level invariants (dom-*, inv-1, tsk-1, TaskCheck's Task profile's own). */
  void resource(Walker w, Node node, Walker.Defs defs, Loc loc, Walker.ResourceScope scope) {
    // the base's and the profile's invariants ask the same paths
    Presences.Memo memo = new Presences.Memo(node);
    withProfile(w, defs, defs.base().constraints(), node, null, loc, scope, null, memo);
  }

  /**
   * The invariants {@code own} of the definition {@code defs.base()}, then those its profile's
   * definition adds, if the element has one.
   */
  private void withProfile(
      Walker w,
      Walker.Defs defs,
      List<Constraint> own,
      Node node,
      @Nullable Focus focus,
      Loc at,
      Walker.ResourceScope scope,
      @Nullable String type,
      Presences.@Nullable Memo memo) {
    evaluate(w, own, defs.baseOwner(), defs.base(), node, focus, at, scope, type, memo);
    ElementDef profile = defs.profile();
    TypeDef profileOwner = defs.profileOwner();
    if (profile != null && profileOwner != null) {
      evaluate(
          w,
          extra(profile.constraints(), defs.base().constraints()),
          profileOwner,
          defs.base(),
          node,
          focus,
          at,
          scope,
          type,
          memo);
    }
  }

  /** The invariants of a complex element's definition (and the extra ones of the profile's). */
  void element(
      Walker w, Node value, Walker.Defs defs, String type, Loc at, Walker.ResourceScope scope) {
    ElementDef inline = defs.base().children().isEmpty() ? null : defs.base();
    Focus focus =
        w.focus()
            .set(
                defs.base(),
                inline != null ? "BackboneElement" : type,
                value,
                inline,
                defs.baseOwner());
    withProfile(w, defs, defs.base().constraints(), value, focus, at, scope, type, null);
  }

  /**
   * ele-1 on an empty primitive whose type is a System string ({@code Extension.url}, a resource's
   * {@code id}): the snapshot gives it no ele-1, but the reference engine evaluates ele-1 on it as
   * on any primitive (reference-behaviour.md §10, {@code extension/url-empty}).
   */
  void systemStringEle1(Walker w, Loc at) {
    TypeDef element = types.type("Element");
    if (element == null) {
      throw new NotCovered("an empty System string without the definition of Element");
    }
    for (Constraint c : element.root().constraints()) {
      if (c.key().equals("ele-1")) {
        w.out()
            .invariant(
                c.key(),
                Severity.ERROR,
                at.toString(),
                c.human(),
                IssueSource.STRUCTURE,
                element.url() + "#" + c.key());
        return;
      }
    }
    throw new NotCovered("an empty System string without ele-1 in the definition of Element");
  }

  /**
   * The invariants of a primitive element (ele-1 mostly): its value (null when none) and the id and
   * extension children of its JSON partner.
   */
  void primitive(
      Walker w,
      @Nullable String value,
      List<Node> children,
      Walker.Defs defs,
      String type,
      Loc at,
      Walker.ResourceScope scope,
      @Nullable Node node) {
    ElementDef def = defs.base();
    if (def.constraints().isEmpty()
        && def.name().equals("id")
        && def.path().indexOf('.') == def.path().lastIndexOf('.')
        && types.isResource(defs.baseOwner().type())
        && (value == null || value.isEmpty())
        && children.isEmpty()) {
      // a resource's id: a System string
      systemStringEle1(w, at);
      return;
    }
    List<Constraint> constraints = defs.base().constraints();
    for (int i = 0; i < constraints.size(); i++) {
      Constraint c = constraints.get(i);
      if (c.key().equals("ele-1")) {
        // hasValue() or (children().count() > id.count()): an id alone does not satisfy it
        if ((value == null || value.isEmpty())
            && children.stream().allMatch(ch -> ch.name().equals("id"))) {
          fail(w, c, defs.baseOwner(), at);
        }
      } else if (c.expression() != null) {
        throw new NotCovered("the invariant " + c.key() + " on a primitive");
      }
    }
  }

  /**
   * The invariants of a datatype's own definition (rat-1 on Ratio) and of a profile the second pass
   * applies to it.
   *
   * @param own the type's own invariants that the element's definition does not repeat ({@link
   *     Walker#extra})
   * @param typeDefs the type's own definition ({@code typeDef.root()}, owned by {@code typeDef})
   *     and a profile's definition of the type, as the walker checks the value's children against
   *     them
   */
  void type(
      Walker w,
      Node value,
      TypeDef typeDef,
      List<Constraint> own,
      Walker.Defs typeDefs,
      Loc at,
      Walker.ResourceScope scope,
      Walker.Defs element) {
    Focus focus = w.focus().setType(element.base(), typeDef, value);
    withProfile(w, typeDefs, own, value, focus, at, scope, typeDef.type(), null);
  }

  private void evaluate(
      Walker w,
      List<Constraint> constraints,
      TypeDef owner,
      ElementDef def,
      Node node,
      @Nullable Focus focus,
      Loc at,
      Walker.ResourceScope scope,
      @Nullable String type,
      Presences.@Nullable Memo memo) {
    PlanNode f = null;
    Prepared[] prepared = prepared(constraints);
    for (int i = 0; i < prepared.length; i++) {
      Prepared p = prepared[i];
      Constraint c = p.constraint;
      if (p.kind == Prepared.NO_EXPRESSION || droppedByPolicy(p, at, scope, w)) {
        continue;
      }
      Boolean decided = intrinsic(p, node, type, scope, w);
      if (decided == null) {
        Presences.Compiled form = p.form;
        if (form == null || !form.isFor(def, type)) {
          form = presences.form(c, def, type);
          p.form = form;
        }
        decided = presences.decide(form, node, memo);
        if (decided == null) {
          // the expression may read %resource or %rootResource
          w.contextual();
        }
        if (decided == null || crossCheck) {
          Expression e = compile(c);
          if (f == null) {
            f = focus == null ? w.resourceNode(scope) : focus.node(types);
          }
          boolean evaluated =
              holds(e, f, EvaluationContext.of(w.resourceNode(scope), w.rootNode(), environment));
          if (decided != null && decided != evaluated) {
            throw new IllegalStateException(
                "the invariant "
                    + c.key()
                    + " decided off the JSON ("
                    + decided
                    + ") differs from its evaluation at "
                    + at);
          }
          decided = evaluated;
        }
      }
      boolean ok = decided;
      if (!ok) {
        fail(w, c, owner, at);
      }
    }
  }

  /**
   * The base invariants a rule of the catalog replaces ({@code inv-1}, {@code per-1}): where the
   * issue policy drops their findings, they are not evaluated.
   */
  private static final Set<String> REPLACED =
      RuleCatalog.entries().stream()
          .map(CatalogEntry::replaces)
          .filter(r -> !r.isEmpty())
          .collect(Collectors.toUnmodifiableSet());

  /**
   * Whether the issue policy would drop this invariant's finding at {@code at} ({@code
   * IssuePolicy.replaced}: the Task's own inv-1, per-1 anywhere in a Task outside its contained
   * resources, which date-1 and date-2 check instead): it is not evaluated there.
   */
  private static boolean droppedByPolicy(Prepared p, Loc at, Walker.ResourceScope scope, Walker w) {
    if (!p.replaced || scope.container() != null) {
      return false;
    }
    String key = p.constraint.key();
    String taskPath = w.doc().taskPath(scope.node());
    CatalogEntry by = RuleCatalog.replacing(key);
    boolean dropped = taskPath != null && by != null && at.coveredBy(by.replacedIn(), taskPath);
    if (dropped) {
      w.contextual();
    }
    return dropped;
  }

  /**
   * What the typed view of an element is made from; the view itself is made only when an invariant
   * is evaluated (most are decided without it: {@link #intrinsic}, {@link Presences}). One per
   * walker, set for each element whose invariants are decided ({@link Walker#focus}): an element's
   * invariants are decided before the next element's, and nothing is made for the many that need no
   * view.
   */
  static final class Focus {
    /** The element's definition, whose name the view takes (read only when a view is made). */
    private @Nullable ElementDef named;

    /** The view's type, or null for the name of {@link #owner}, a datatype or a profile on one. */
    private @Nullable String type;

    private @Nullable Node value;
    private @Nullable ElementDef inline;
    private @Nullable TypeDef owner;

    Focus set(
        ElementDef named,
        String type,
        Node value,
        @Nullable ElementDef inline,
        @Nullable TypeDef owner) {
      return with(named, type, value, inline, owner);
    }

    /** A value as an instance of its datatype (or of the profile on it, {@code typeDef}). */
    Focus setType(ElementDef named, TypeDef typeDef, Node value) {
      return with(named, null, value, null, typeDef);
    }

    private Focus with(
        ElementDef named,
        @Nullable String type,
        Node value,
        @Nullable ElementDef inline,
        @Nullable TypeDef owner) {
      this.named = named;
      this.type = type;
      this.value = value;
      this.inline = inline;
      this.owner = owner;
      return this;
    }

    PlanNode node(Types types) {
      String t = type;
      if (t == null) {
        TypeDef d = java.util.Objects.requireNonNull(owner);
        t = d.type().equals(d.name()) ? d.type() : d.name();
      }
      return PlanNode.element(
          types,
          java.util.Objects.requireNonNull(named).name(),
          t,
          java.util.Objects.requireNonNull(value),
          null,
          inline,
          owner);
    }
  }

  /** The answer of an invariant decided by code, or null to evaluate its FHIRPath. */
  private @Nullable Boolean intrinsic(
      Prepared p, Node node, @Nullable String type, Walker.ResourceScope scope, Walker w) {
    return switch (p.kind) {
      // the reference engine's hasValue() holds for every complex element but a Quantity whose
      // value Java cannot read as a number: HL7 core turns the Quantity into its own to find its
      // string form, and the failed conversion fails ele-1 (reference-behaviour.md §16)
      case Prepared.ELE_1 -> !"Quantity".equals(type) || readableValue(node);
      // never evaluated: the contained-resource check reports orphans instead
      case Prepared.DOM_3 -> Boolean.TRUE;
      case Prepared.DOM_6 -> dom6(node, scope, w);
      case Prepared.DOM_2_4_5 -> node.child("contained") == null ? Boolean.TRUE : null;
      // the common answers of three core invariants, read off the tree without a typed view
      case Prepared.REF_1 -> trueIf(ref1Holds(node));
      case Prepared.PER_1 -> trueIf(node.child("start") == null || node.child("end") == null);
      case Prepared.QTY_3 ->
          trueIf(
              (node.child("code") == null && node.child("_code") == null)
                  || hasPrimitive(node, "system"));
      case Prepared.TXT_1, Prepared.TXT_2 -> {
        Narratives.Outcome o = w.narrativeOutcome(node);
        if (o == null) {
          throw new NotCovered(
              "the narrative invariant " + p.constraint.key() + " without its XHTML checks");
        }
        yield p.kind == Prepared.TXT_1 ? o.txt1() : o.txt2();
      }
      default -> null;
    };
  }

  /**
   * A constraint with what {@link #evaluate} asks of it on every element, worked out once: which of
   * the invariants {@link #intrinsic} decides it is (by key, and for ref-1, per-1 and qty-3 by the
   * published text too), and whether a rule of the catalog replaces it ({@link #REPLACED}).
   */
  private static final class Prepared {
    static final int OTHER = 0;
    static final int NO_EXPRESSION = 1;
    static final int ELE_1 = 2;
    static final int DOM_3 = 3;
    static final int DOM_6 = 4;
    static final int DOM_2_4_5 = 5;
    static final int REF_1 = 6;
    static final int PER_1 = 7;
    static final int QTY_3 = 8;
    static final int TXT_1 = 9;
    static final int TXT_2 = 10;

    final Constraint constraint;
    final int kind;
    final boolean replaced;

    /**
     * The last compiled form {@link Presences} gave for the constraint (most lists are read with
     * one focus and type); an immutable record, so a thread reading another's write sees it whole.
     */
    Presences.@Nullable Compiled form;

    Prepared(Constraint c) {
      this.constraint = c;
      String e = c.expression();
      this.kind =
          e == null
              ? NO_EXPRESSION
              : switch (c.key()) {
                case "ele-1" -> ELE_1;
                case "dom-3" -> DOM_3;
                // a dom-6 of a profile's own is evaluated; the core one decided by code
                case "dom-6" ->
                    c.source().isEmpty() || c.source().startsWith(Types.CORE) ? DOM_6 : OTHER;
                case "dom-2", "dom-4", "dom-5" -> DOM_2_4_5;
                case "ref-1" -> REF_1_TEXTS.contains(e) ? REF_1 : OTHER;
                case "per-1" -> PER_1_TEXTS.contains(e) ? PER_1 : OTHER;
                case "qty-3" -> QTY_3_TEXT.equals(e) ? QTY_3 : OTHER;
                case "txt-1" -> TXT_1;
                case "txt-2" -> TXT_2;
                default -> OTHER;
              };
      this.replaced = REPLACED.contains(c.key());
    }
  }

  /**
   * The prepared constraints of each list the walker passes (the plan's lists and those {@link
   * #extra} keeps, the same objects for every document), by the list's identity.
   */
  private final IdentityCache<Prepared[]> prepared = new IdentityCache<>();

  /**
   * How many lists {@link #prepared} keeps: far more than a plan has, a bound should a list made
   * per element ever reach it (it is then prepared on each use instead).
   */
  private static final int MAX_PREPARED = 4096;

  private Prepared[] prepared(List<Constraint> constraints) {
    Prepared[] p = prepared.get(constraints);
    if (p == null) {
      p = new Prepared[constraints.size()];
      for (int i = 0; i < p.length; i++) {
        p[i] = new Prepared(constraints.get(i));
      }
      if (prepared.size() < MAX_PREPARED) {
        prepared.put(constraints, p);
      }
    }
    return p;
  }

  /** The published ref-1 texts (R4, R4B, R5), all guarded by {@link ExpressionFixes}. */
  private static final Set<String> REF_1_TEXTS =
      Set.of(
          "reference.startsWith('#').not() or (reference.substring(1).trace('url') in"
              + " %rootResource.contained.id.trace('ids'))",
          "reference.startsWith('#').not() or (reference.substring(1).trace('url') in"
              + " %rootResource.contained.id.trace('ids')) or (reference='#' and"
              + " %rootResource!=%resource)",
          "reference.exists()  implies (reference.startsWith('#').not() or"
              + " (reference.substring(1).trace('url') in %rootResource.contained.id.trace('ids'))"
              + " or (reference='#' and %rootResource!=%resource))");

  /** The published per-1 texts (R4 and R4B, R5). */
  private static final Set<String> PER_1_TEXTS =
      Set.of(
          "start.hasValue().not() or end.hasValue().not() or (start <= end)",
          "start.hasValue().not() or end.hasValue().not() or (start.lowBoundary() <="
              + " end.highBoundary())");

  private static final String QTY_3_TEXT = "code.empty() or system.exists()";

  /** True when {@code holds}, else null: the expression decides. */
  private static @Nullable Boolean trueIf(boolean holds) {
    return holds ? Boolean.TRUE : null;
  }

  /**
   * ref-1 holds when the Reference has no {@code reference} value (its guard, {@code
   * reference.exists() implies ...}; or only its {@code _reference} extensions), or one string that
   * is not local ({@code startsWith('#').not()} is true, so the {@code or} is). Anything else is
   * left to the expression.
   */
  private static boolean ref1Holds(Node node) {
    Node only = null;
    boolean partner = false;
    for (Node c : node.children()) {
      String n = c.name();
      if (n.equals("reference")) {
        if (only != null) {
          return false;
        }
        only = c;
      } else if (n.equals("_reference")) {
        partner = true;
      }
    }
    if (only == null) {
      // no reference, or one of extensions alone (a data-absent-reason): the reference engine's
      // startsWith is false on an element without a value, so the 'or' holds (status-7 fixtures
      // pass-absent-references)
      return true;
    }
    if (partner) {
      return false;
    }
    String v = only.value();
    return only.kind() == Node.Kind.STRING && !only.inArray() && v != null && !v.startsWith("#");
  }

  /**
   * Whether a Quantity's value, as the reference engine's parser keeps it (a JSON string or boolean
   * in place of the number is reported and kept; an object or array is dropped), reads as a {@link
   * BigDecimal}.
   */
  private static boolean readableValue(Node quantity) {
    String v = ParserReads.scalar(ParserReads.primitive(quantity, "value"));
    if (v == null) {
      return true;
    }
    try {
      new BigDecimal(v);
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  /** Whether the node has a child of this name with a JSON string, number or boolean value. */
  private static boolean hasPrimitive(Node node, String name) {
    Node partner = ParserReads.partner(node, name);
    if (partner != null && (partner.kind() != Node.Kind.OBJECT || partner.inArray())) {
      return false; // a partner that is not an object drops the value with it (ParserReads)
    }
    for (Node c : node.children()) {
      if (c.name().equals(name)
          && !c.inArray()
          && (c.kind() == Node.Kind.STRING
              || c.kind() == Node.Kind.NUMBER
              || c.kind() == Node.Kind.BOOLEAN)) {
        return true;
      }
    }
    return false;
  }

  /** The core dom-6 ({@link Prepared} leaves a profile's own to its FHIRPath). */
  private @Nullable Boolean dom6(Node node, Walker.ResourceScope scope, Walker w) {
    if (!scope.documentRoot()) {
      return Boolean.TRUE;
    }
    // a text or div written as an array is no value to the reference engine
    Node text = node.child("text");
    if (text != null && text.kind() == Node.Kind.OBJECT && !text.inArray()) {
      Node div = text.child("div");
      Node partner = text.child("_div");
      // null, or beside "_div": null, is dropped by the parser (reference-behaviour.md §5)
      if (div != null
          && !div.inArray()
          && div.kind() != Node.Kind.NULL
          && (partner == null || partner.kind() != Node.Kind.NULL)) {
        return true;
      }
    }
    // the reference engine evaluates (%rootResource != $this) or text.div.exists(); its deep
    // equality is empty, not false, when the resource holds a primitive without a value (only an
    // id or extensions), and an empty result passes (reference-behaviour.md §13)
    return hasValuelessPrimitive(w.outerNode(scope));
  }

  /**
   * Whether a known primitive element anywhere below has no value (only an id or extensions), as
   * the reference engine's typed view reads it.
   */
  private boolean hasValuelessPrimitive(FhirNode node) {
    for (FhirNode c : node.children()) {
      if (types.isPrimitive(c.typeName())) {
        if (c.primitiveValue() == null) {
          return true;
        }
      } else if (hasValuelessPrimitive(c)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether an IG profile's invariant holds on a document's resource, evaluated as the walk
   * evaluates one (a failed evaluation counts as failed); an expression the evaluator cannot
   * compile leaves the document to the reference engine.
   */
  boolean holdsOnResource(Constraint c, Node resource) {
    Expression e = compile(c);
    PlanNode focus = PlanNode.resource(types, resource, resource.name());
    return holds(e, focus, EvaluationContext.of(focus, focus, environment));
  }

  /**
   * Whether an IG profile's invariant holds on an element of a document's resource: {@code value}
   * of FHIR type {@code type}, named {@code name}, whose children {@code inline} defines when the
   * profile constrains them.
   */
  boolean holdsOnElement(
      Constraint c,
      Node resource,
      String name,
      String type,
      Node value,
      @Nullable ElementDef inline) {
    Expression e = compile(c);
    PlanNode focus = PlanNode.element(types, name, type, value, null, inline, null);
    PlanNode r = PlanNode.resource(types, resource, resource.name());
    return holds(e, focus, EvaluationContext.of(r, r, environment));
  }

  private Expression compile(Constraint c) {
    String expression = c.expression();
    if (expression == null) {
      throw new NotCovered("the invariant " + c.key() + " without an expression");
    }
    Expression e = compiled.get(c);
    if (e == null) {
      try {
        e = fhirPath.compile(ExpressionFixes.fix(expression, c.key(), release));
      } catch (FhirPathException ex) {
        throw new NotCovered("the invariant " + c.key() + " (" + ex.getMessage() + ")");
      }
      compiled.put(c, e);
    }
    return e;
  }

  /** Whether a compiled invariant holds; a failed evaluation counts as failed. */
  private static boolean holds(Expression e, FhirNode focus, EvaluationContext ctx) {
    try {
      return e.test(focus, ctx) == Truth.TRUE;
    } catch (FhirPathException | ArithmeticException | IllegalArgumentException ex) {
      // the reference engine counts an invariant whose evaluation fails as failed
      return false;
    }
  }

  private static void fail(Walker w, Constraint c, TypeDef owner, Loc at) {
    String source = c.source().isEmpty() ? owner.url() : c.source();
    Severity level = c.error() && !c.bestPractice() ? Severity.ERROR : Severity.WARNING;
    IssueSource issueSource =
        source.startsWith(Types.CORE) ? IssueSource.STRUCTURE : IssueSource.PROFILE;
    w.out()
        .invariant(c.key(), level, at.toString(), c.human(), issueSource, source + "#" + c.key());
  }
}
