package dev.taskcheck.engine.fast;

import dev.taskcheck.model.IssueSource;
import dev.taskcheck.model.Severity;
import dev.taskcheck.parse.Node;
import dev.taskcheck.plan.Binding;
import dev.taskcheck.plan.Constraint;
import dev.taskcheck.plan.ElementDef;
import dev.taskcheck.plan.TypeDef;
import dev.taskcheck.plan.TypeRef;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Walks one JSON resource (an XML one in its JSON form, {@link XmlShape}) with its definitions and
 * reports what the reference engine reports for it: shape, unknown elements, cardinality, primitive
 * formats, bindings, type-specific checks, extensions, references and invariants
 * (docs/engines/reference-behaviour.md). Where the resource is a Task, TaskCheck's Task profile is
 * applied in the same walk, as the reference engine's second pass: its cardinality findings are
 * repeated under the profile, its own invariants added, and the checks that depend on whether a
 * definition is a core one run once more.
 */
final class Walker {

  private static final Set<String> URI_TYPES = Set.of("uri", "url", "canonical", "oid", "uuid");

  private final Engine engine;
  private final Findings out;
  private final Document doc;

  /** Made on first use, as the two maps below: most documents need neither. */
  private java.util.@Nullable IdentityHashMap<Node, PlanNode> resourceNodes;

  private @Nullable ExtensionScope extension;

  private final Invariants.Focus focus = new Invariants.Focus();

  /** What the invariants of the element being checked are decided on ({@link Invariants}). */
  Invariants.Focus focus() {
    return focus;
  }

  Walker(Engine engine, Document doc, Findings out) {
    this.engine = engine;
    this.doc = doc;
    this.out = out;
    // in a Bundle, or beside contained resources, a value's references can resolve in the
    // document: its walk is not a function of its content alone
    this.walked =
        doc.bundle() == null && doc.root().child("contained") == null
            ? engine.walkedValues()
            : null;
  }

  /** The values walked before, or null where they cannot be used ({@link WalkedValues}). */
  private final @Nullable WalkedValues walked;

  /**
   * Counts what makes the walk of a value depend on more than its content: a FHIRPath evaluation,
   * an extension, a narrative, an invariant the issue policy leaves out where it is, a mark left on
   * the resource (a local reference, a check waiting for its contained resources, a contained
   * resource). A value during whose walk it changed is not kept ({@link WalkedValues}).
   */
  private int contextual;

  /** Notes that the value being walked depends on where it is ({@link #contextual}). */
  void contextual() {
    contextual++;
  }

  /**
   * Counts {@code #id} as a local reference of the resource (contained resources must be
   * referenced, dom-3); the value being walked then leaves a mark on its resource ({@link
   * #contextual}).
   */
  void localReference(ResourceScope scope, String id) {
    contextual++;
    scope.internalRefs().add(id);
  }

  private java.util.@Nullable IdentityHashMap<Node, Narratives.Outcome> narratives;

  void narrativeOutcome(Node narrative, Narratives.Outcome outcome) {
    contextual++;
    java.util.IdentityHashMap<Node, Narratives.Outcome> known = narratives;
    if (known == null) {
      known = new java.util.IdentityHashMap<>(4);
      narratives = known;
    }
    known.put(narrative, outcome);
  }

  /** The outcome of a narrative's XHTML checks, or null when it was not checked. */
  Narratives.@Nullable Outcome narrativeOutcome(Node narrative) {
    java.util.IdentityHashMap<Node, Narratives.Outcome> known = narratives;
    return known == null ? null : known.get(narrative);
  }

  private PlanNode typedView(Node resource) {
    java.util.IdentityHashMap<Node, PlanNode> known = resourceNodes;
    if (known == null) {
      known = new java.util.IdentityHashMap<>(4);
      resourceNodes = known;
    }
    return known.computeIfAbsent(resource, n -> PlanNode.resource(engine.types(), n, n.name()));
  }

  /** The typed view of a resource, for invariants ({@code %resource}). */
  PlanNode resourceNode(ResourceScope scope) {
    return typedView(scope.node());
  }

  /**
   * The typed view of the outermost resource {@code scope} is in: the document's Task, or a Task
   * entry of a Bundle (the {@code %rootResource} of the reference engine's base pass over it).
   */
  PlanNode outerNode(ResourceScope scope) {
    ResourceScope outer = scope;
    while (outer.container() != null) {
      outer = outer.container();
    }
    return typedView(outer.node());
  }

  /** The typed view of the document's root resource ({@code %rootResource}). */
  PlanNode rootNode() {
    return typedView(doc.root());
  }

  /**
   * The extension whose children are being walked: its url, null when it has none (absent, or
   * dropped by the parser), which is not the same as an empty one.
   */
  record ExtensionScope(@Nullable String url) {}

  /** The innermost extension being walked, or null outside extensions. */
  @Nullable ExtensionScope currentExtension() {
    return extension;
  }

  /** Enters an extension with this url (null: none); returns what {@link #leaveExtension} takes. */
  @Nullable ExtensionScope enterExtension(@Nullable String url) {
    contextual++;
    ExtensionScope previous = extension;
    extension = new ExtensionScope(url);
    return previous;
  }

  void leaveExtension(@Nullable ExtensionScope previous) {
    extension = previous;
  }

  /** A resource being validated, as invariants and references see it. */
  record ResourceScope(
      Node node,
      Loc loc,
      String type,
      @Nullable ResourceScope container,
      boolean documentRoot,
      Set<String> internalRefs,
      List<Runnable> afterContained,
      Set<String> containedIds) {

    ResourceScope(
        Node node, Loc loc, String type, @Nullable ResourceScope container, boolean documentRoot) {
      this(
          node,
          loc,
          type,
          container,
          documentRoot,
          new HashSet<>(),
          new ArrayList<>(),
          new HashSet<>());
    }
  }

  /**
   * The definitions an element is checked against: its base definition, and the one of the profile
   * applied in the second pass (TaskCheck's Task profile, and the profiles its types name), with
   * the definitions that own them.
   */
  record Defs(
      ElementDef base,
      TypeDef baseOwner,
      @Nullable ElementDef profile,
      @Nullable TypeDef profileOwner,
      boolean core) {

    /**
     * With {@link #core}, whether the base owner is a core definition (not a logical model), found
     * once here rather than for every primitive value.
     */
    Defs(
        ElementDef base,
        TypeDef baseOwner,
        @Nullable ElementDef profile,
        @Nullable TypeDef profileOwner) {
      this(
          base,
          baseOwner,
          profile,
          profileOwner,
          baseOwner.url().startsWith(Types.CORE) && baseOwner.kind() != TypeDef.Kind.LOGICAL);
    }
  }

  // ---------------------------------------------------------------- resources

  /**
   * Validates a resource node at {@code loc}.
   *
   * @param profile the profile of the second pass (TaskCheck's Task profile for a Task), or null
   */
  void resource(
      Node node,
      Loc loc,
      @Nullable ResourceScope container,
      boolean documentRoot,
      @Nullable TypeDef profile) {
    String type = node.resourceType();
    if (type == null) {
      throw new IllegalStateException("not a resource: " + node);
    }
    TypeDef def = engine.types().type(type);
    if (def == null || def.kind() != TypeDef.Kind.RESOURCE) {
      throw new NotCovered("a resource of type " + type + " the plan does not define");
    }
    // the Bundle of the document: Bundles let through only what its own rules leave alone
    if (Hl7TypeValidators.HAS_OWN_VALIDATOR.contains(type) && node != doc.bundle()) {
      throw new NotCovered(
          "a " + type + ", which the reference engine checks with rules of its own");
    }
    ResourceScope scope = new ResourceScope(node, loc, type, container, documentRoot);
    if (container != null) {
      containedScopes().put(node, scope);
    }
    Defs defs = new Defs(def.root(), def, profile == null ? null : profile.root(), profile);
    String id = node.childValue("id");
    if (id != null && !id.isEmpty()) {
      Primitives.resourceId(id, loc.child("id"), out);
    }
    complex(node, def.root().children(), defs, loc, scope, def.name());
    resourceInvariants(node, defs, loc, scope);
    List<Node> contained = node.children("contained");
    if (!contained.isEmpty()) {
      orphans(contained, loc, scope);
    }
    for (Runnable r : scope.afterContained()) {
      r.run();
    }
  }

  /** The scopes of the contained resources walked, by node (their internal references). */
  private java.util.@Nullable IdentityHashMap<Node, ResourceScope> containedScopes;

  private java.util.IdentityHashMap<Node, ResourceScope> containedScopes() {
    java.util.IdentityHashMap<Node, ResourceScope> known = containedScopes;
    if (known == null) {
      known = new java.util.IdentityHashMap<>(4);
      containedScopes = known;
    }
    return known;
  }

  /**
   * dom-3 as the reference engine enforces it: a contained resource must be referred to from its
   * container (or from a contained resource that is), or refer to its container with {@code #}.
   */
  private void orphans(List<Node> contained, Loc loc, ResourceScope scope) {
    for (int i = 0; i < contained.size(); i++) {
      if (contained.get(i).kind() != Node.Kind.OBJECT) {
        continue; // null or a primitive: a shape error, and no resource the parser reads
      }
      if (!referenced(contained.get(i), scope.internalRefs(), contained, new ArrayList<>())) {
        String id = contained.get(i).childValue("id");
        out.issue(
            "structure-other",
            Severity.ERROR,
            "invalid",
            loc.child("contained", i).toString(),
            "the contained resource "
                + id
                + " is not referred to from the resource that contains it",
            IssueSource.STRUCTURE,
            "CONTAINED_ORPHAN_DOM3");
      }
    }
  }

  private boolean referenced(Node c, Set<String> baseRefs, List<Node> all, List<Node> ignore) {
    String id = c.childValue("id");
    if (id != null && baseRefs.contains(id)) {
      return true;
    }
    ResourceScope own = containedScopes().get(c);
    Set<String> refs = own == null ? Set.of() : own.internalRefs();
    if (refs.contains("")) {
      return true;
    }
    for (Node other : all) {
      if (other != c && !ignore.contains(other)) {
        ResourceScope os = containedScopes().get(other);
        List<Node> ignore2 = new ArrayList<>(ignore);
        ignore2.add(other);
        if (os != null
            && id != null
            && os.internalRefs().contains(id)
            && referenced(other, baseRefs, all, ignore2)) {
          return true;
        }
      }
    }
    return false;
  }

  // ---------------------------------------------------------------- complex elements

  /**
   * One property of a JSON object matched to a child definition, and the list of its values: most
   * properties have one, which is held without a list of its own.
   */
  private static final class Match extends java.util.AbstractList<Node>
      implements java.util.RandomAccess {
    final ElementDef def;

    /** The lookup of the first property matched (for a choice, of the type it selects). */
    final ChildIndex.Lookup found;

    /** The only value, until there is a second. */
    private @Nullable Node first;

    /** All the values, once there are two or more. */
    private @Nullable List<Node> all;

    /** The {@code _x} partners, rare: no list is made until there is one. */
    List<Node> shadows = List.of();

    /** Whether the object has {@code "_name": []} for this element (no partner node). */
    boolean emptyPartner;

    Match(ChildIndex.Lookup found) {
      this.def = found.def();
      this.found = found;
    }

    void addValue(Node value) {
      List<Node> a = all;
      if (a != null) {
        a.add(value);
      } else if (first == null) {
        first = value;
      } else {
        a = new ArrayList<>(4);
        a.add(first);
        a.add(value);
        all = a;
      }
    }

    @Override
    public Node get(int index) {
      List<Node> a = all;
      if (a != null) {
        return a.get(index);
      }
      Node f = first;
      if (index != 0 || f == null) {
        throw new IndexOutOfBoundsException(index);
      }
      return f;
    }

    @Override
    public int size() {
      List<Node> a = all;
      return a != null ? a.size() : first == null ? 0 : 1;
    }
  }

  /**
   * The children of an object: unknown properties, repeated keys and empty arrays, then each child
   * definition in order (shape, cardinality, and each value).
   */
  private void complex(
      Node obj,
      List<ElementDef> childDefs,
      Defs parent,
      Loc loc,
      ResourceScope scope,
      String parentType) {
    complex(obj, engine.types().index(childDefs), parent, loc, scope, parentType);
  }

  private void complex(
      Node obj, ChildIndex index, Defs parent, Loc loc, ResourceScope scope, String parentType) {
    List<ElementDef> childDefs = index.defs();
    Node.Notes notes = obj.notes();
    for (String key : notes.duplicateKeys()) {
      out.add(Check.DUPLICATE_KEY, loc, key);
    }
    for (String empty : notes.emptyArrays()) {
      emptyArray(index, empty, loc, parentType);
    }
    if (obj.resourceType() != null && obj != scope.node()) {
      out.add(Check.UNKNOWN_PROPERTY, loc.child("resourceType"), "resourceType", parentType);
    }
    // by the definition's position in childDefs
    Match[] matches = new Match[index.size()];
    List<Node> read = ParserReads.read(obj);
    // the positions of the definitions with a value, in the order first found
    int[] present = new int[read.size()];
    int presentCount = 0;
    for (int c = 0; c < read.size(); c++) {
      Node child = read.get(c);
      String name = child.name();
      String partnerOf = ParserReads.partnerOf(name);
      boolean shadow = partnerOf != null;
      String base = partnerOf != null ? partnerOf : name;
      ChildIndex.Lookup found = index.find(base);
      if (found == null) {
        out.add(Check.UNKNOWN_PROPERTY, loc.child(base), name, parentType);
        continue;
      }
      Match m = matches[found.position()];
      if (m == null) {
        m = new Match(found);
        matches[found.position()] = m;
        present[presentCount++] = found.position();
      } else if (m.found != found) {
        // the first typed property of a choice wins; another is unknown (one lookup per name)
        out.add(Check.UNKNOWN_PROPERTY, loc.child(base), name, parentType);
        continue;
      }
      if (shadow) {
        if (m.shadows.isEmpty()) {
          m.shadows = new ArrayList<>(1);
        }
        m.shadows.add(child);
      } else {
        m.addValue(child);
      }
    }
    for (String empty : notes.emptyArrays()) {
      String partnerOf = ParserReads.partnerOf(empty);
      ChildIndex.Lookup found = partnerOf == null ? null : index.find(partnerOf);
      if (found != null && matches[found.position()] != null) {
        matches[found.position()].emptyPartner = true;
      }
    }
    ElementDef profileParent = parent.profile();
    ChildIndex.Profiled profiled =
        profileParent == null
            ? null
            : index.profiled(engine.types().index(profileParent.children()));
    ChildIndex.@Nullable Named[] profileDefs = profiled == null ? null : profiled.defs;
    // the definitions with a value and those checked when absent, each once, in definition order
    // (the order of the findings); the others are optional and absent: nothing to check
    int[] required = profiled == null ? index.required() : profiled.required;
    Arrays.sort(present, 0, presentCount);
    int p = 0;
    int r = 0;
    while (p < presentCount || r < required.length) {
      int position;
      if (r >= required.length || (p < presentCount && present[p] < required[r])) {
        position = present[p++];
      } else {
        position = required[r++];
        if (p < presentCount && present[p] == position) {
          p++;
        }
      }
      ElementDef def = childDefs.get(position);
      if (def.sliceName() != null) {
        continue;
      }
      Match m = matches[position];
      // (a profile that slices the element's children is not covered, present or absent)
      ElementDef profileDef = profileDefs == null ? null : profileChild(profileDefs[position]);
      if (m == null && def.min() == 0 && (profileDef == null || profileDef.min() == 0)) {
        continue; // absent, and optional in the base and the profile: nothing to check
      }
      Defs defs =
          m == null
              ? new Defs(def, parent.baseOwner(), profileDef, parent.profileOwner())
              : profileDef == null && parent.profileOwner() == null
                  ? m.found.plainDefs(parent.baseOwner())
                  : m.found.profiledDefs(parent.baseOwner(), profileDef, parent.profileOwner());
      int count = m == null ? 0 : element(m, defs, loc, scope);
      cardinality(def, count, loc, parent.baseOwner(), IssueSource.STRUCTURE);
      if (profileDef != null && parent.profileOwner() != null) {
        cardinality(profileDef, count, loc, parent.profileOwner(), IssueSource.PROFILE);
      }
    }
  }

  private static @Nullable ElementDef profileChild(ChildIndex.@Nullable Named c) {
    if (c == null) {
      return null;
    }
    if (c.slicesChildren()) {
      throw new NotCovered("a profile that slices " + c.def().path());
    }
    return c.def();
  }

  private void cardinality(
      ElementDef def, int count, Loc parent, TypeDef owner, IssueSource source) {
    boolean tooFew = count < def.min();
    boolean tooMany = def.max() != ElementDef.UNBOUNDED && count > def.max();
    if (!tooFew && !tooMany) {
      return;
    }
    String expression = parent + "." + def.name();
    if (tooFew) {
      out.add(
          Check.MIN,
          Severity.ERROR,
          expression,
          source,
          def.path(),
          def.min(),
          count,
          owner.versionedUrl());
    }
    if (tooMany) {
      out.add(
          Check.MAX,
          Severity.ERROR,
          expression,
          source,
          def.path(),
          def.max(),
          count,
          owner.versionedUrl());
    }
  }

  /**
   * Checks the values of one child definition: the JSON shape (array or not), then each value by
   * its type. Returns how many values count as present for cardinality.
   */
  private int element(Match m, Defs defs, Loc parent, ResourceScope scope) {
    ElementDef def = m.def;
    String name = m.found.name();
    boolean repeats = def.max() > 1;
    ChildIndex.Resolved resolved = m.found.resolved(engine.types());
    String type = resolved.type;
    if (type == null) {
      if (def.contentReference() != null) {
        return contentReference(m, defs, parent, scope);
      }
      throw new NotCovered("an element without a type: " + def.path());
    }
    boolean primitive = resolved.primitive;
    boolean resource = resolved.resource;
    List<Node> values = m;
    List<Node> shadows = m.shadows;
    Loc shapeLoc = parent.child(resolved.shapeName);
    if (!values.isEmpty()) {
      boolean array = values.get(0).inArray();
      if (repeats && !array) {
        out.add(Check.NOT_AN_ARRAY, shapeLoc, name, describe(values.get(0)));
        if (primitive || values.get(0).kind() != Node.Kind.OBJECT) {
          // a complex element written as a primitive: the one message says it all
          values = List.of();
        }
      } else if (ParserReads.singleAsArray(def, values)) {
        if (primitive && !shadows.isEmpty()) {
          // the reference engine then drops the partner too and reports the element as missing,
          // with dom-6 besides (mutant duplicate-single/array-of-one of cdex-task-example22)
          throw new NotCovered("a single primitive written as an array beside its _" + name);
        }
        out.add(
            primitive ? Check.NOT_A_SIMPLE_VALUE : Check.NOT_AN_OBJECT, shapeLoc, name, "an array");
        values = List.of();
      }
    }
    if (primitive && ParserReads.droppingPartner(def, shadows)) {
      Node partner = shadows.get(0);
      out.add(
          Check.SHADOW_NOT_AN_OBJECT,
          shapeLoc,
          name,
          partner.inArray() ? "an array" : describe(partner));
      values = List.of();
      shadows = List.of();
    } else if (primitive && !repeats && m.emptyPartner) {
      // "_name": [] beside a single primitive: reported with the object's empty arrays, and the
      // element is dropped
      values = List.of();
    }
    if (!shadows.isEmpty() && primitive) {
      boolean array = shadows.get(0).inArray();
      if (repeats && !array) {
        out.add(Check.SHADOW_NOT_AN_ARRAY, shapeLoc, name, describe(shadows.get(0)));
        shadows = List.of();
      }
    }
    if (primitive
        && repeats
        && !values.isEmpty()
        && !shadows.isEmpty()
        && values.get(0).inArray()
        && shadows.get(0).inArray()
        && values.size() != shadows.size()) {
      out.add(Check.SHADOW_LENGTH, shapeLoc, name, values.size(), shadows.size());
      if (ParserReads.longerPartners(values, shadows)) {
        shadows = List.of();
      }
    }
    if (!primitive && !shadows.isEmpty()) {
      // a _name partner of a complex element is an unknown property
      out.add(Check.UNKNOWN_PROPERTY, parent.child(name), "_" + name, def.path());
    }
    int present = 0;
    int n = primitive ? Math.max(values.size(), shadows.size()) : values.size();
    boolean choice = m.found.choice();
    for (int i = 0; i < n; i++) {
      // a single element that is no choice is where its shape is (the same Loc)
      Loc at =
          choice
              ? parent.choice(name, repeats ? i : -1, type)
              : repeats ? parent.child(name, i) : shapeLoc;
      Node value = i < values.size() ? values.get(i) : null;
      if (primitive) {
        Node shadow = i < shadows.size() ? shadows.get(i) : null;
        if (primitiveValue(value, shadow, type, resolved.typeDef, defs, at, shapeLoc, scope)) {
          present++;
        }
      } else if (value != null) {
        Loc itemLoc = choice ? shapeLoc : repeats && value.inArray() ? parent.child(name, i) : at;
        if (resource && doc.bundle() != null && def.path().equals("Bundle.entry.resource")) {
          // a Task entry is validated as a resource of its own; every finding about another entry
          // is dropped (reference-behaviour.md §4), so it is not walked. The reference engine holds
          // a Task entry to dom-6 as the root of its base pass, unless the TaskCheck profile pass,
          // which runs first and whose %rootResource is the Bundle, found dom-6 met
          // (release/r4-no-narrative-in-bundle; FastBundlesTest for the core rule set)
          if ("Task".equals(value.resourceType())) {
            resource(value, at, null, doc.taskProfile() == null, doc.taskProfile());
          }
          present++;
        } else if (resource) {
          if (containedResource(value, at, itemLoc, scope, def)) {
            present++;
          }
        } else if (complexValue(value, type, resolved, defs, at, itemLoc, scope)) {
          present++;
        }
      }
    }
    return present;
  }

  private int contentReference(Match m, Defs defs, Loc parent, ResourceScope scope) {
    String ref = m.def.contentReference();
    ElementDef target = ref == null ? null : engine.types().contentReference(defs.baseOwner(), ref);
    if (target == null) {
      throw new NotCovered("an unresolved contentReference " + ref);
    }
    int present = 0;
    boolean repeats = m.def.max() > 1;
    for (int i = 0; i < m.size(); i++) {
      Node v = m.get(i);
      Loc at = parent.child(m.def.name(), repeats ? i : -1);
      if (v.kind() != Node.Kind.OBJECT) {
        out.add(Check.NOT_AN_OBJECT, at, m.def.name(), describe(v));
        continue;
      }
      present++;
      ElementDef merged =
          new ElementDef(
              m.def.id(),
              m.def.path(),
              m.def.min(),
              m.def.max(),
              target.types(),
              null,
              target.binding(),
              m.def.constraints(),
              null,
              null,
              false,
              List.of(),
              null,
              null,
              0,
              null,
              null,
              target.children());
      Defs d = new Defs(merged, defs.baseOwner(), null, null);
      complex(v, target.children(), d, at, scope, "BackboneElement");
      invariants(v, d, "BackboneElement", at, scope);
    }
    return present;
  }

  /**
   * An empty array, as the reference engine's parser reads it (reference-behaviour.md §5): an error
   * for a repeating complex element; nothing for a repeating primitive or its {@code _x} partner
   * (no values); a wrong JSON type for a single element or its partner; an unknown property for the
   * partner of a complex element or a name the definitions do not have.
   */
  private void emptyArray(ChildIndex index, String property, Loc loc, String parentType) {
    String partnerOf = ParserReads.partnerOf(property);
    boolean partner = partnerOf != null;
    String name = partnerOf != null ? partnerOf : property;
    ChildIndex.Lookup found = index.find(name);
    if (found == null) {
      out.add(Check.UNKNOWN_PROPERTY, loc.child(name), property, parentType);
      return;
    }
    ElementDef def = found.def();
    String type = found.type() != null ? found.type() : def.singleType();
    boolean primitive = type != null && engine.types().isPrimitive(type);
    Loc shapeLoc = def.isChoice() ? loc.child(def.name() + "[x]") : loc.child(name);
    if (partner && !primitive) {
      out.add(Check.UNKNOWN_PROPERTY, loc.child(name), property, def.path());
    } else if (def.max() > 1) {
      if (!primitive) {
        out.add(Check.EMPTY_ARRAY, loc.child(property), property);
      }
    } else if (partner) {
      out.add(Check.SHADOW_NOT_AN_OBJECT, shapeLoc, name, "an array");
    } else if (primitive) {
      out.add(Check.NOT_A_SIMPLE_VALUE, shapeLoc, name, "an array");
    } else {
      out.add(Check.NOT_AN_OBJECT, shapeLoc, name, "an array");
    }
  }

  /**
   * A complex value: it must be an object; then its children, its type's own checks and its
   * invariants. Returns whether it counts as present.
   */
  private boolean complexValue(
      Node value,
      String type,
      ChildIndex.@Nullable Resolved resolved,
      Defs defs,
      Loc at,
      Loc shapeLoc,
      ResourceScope scope) {
    if (value.kind() != Node.Kind.OBJECT) {
      out.add(Check.NOT_AN_OBJECT, shapeLoc, defs.base().name(), describe(value));
      return false;
    }
    if (value.children().isEmpty()
        && value.resourceType() == null
        && value.notes().emptyArrays().isEmpty()) {
      // {"coding": []} has a property: only the empty array is reported
      out.add(Check.EMPTY_OBJECT, at, defs.base().name());
    }
    TypeDef typeDef = resolved != null ? resolved.typeDef : engine.types().type(type);
    if (typeDef == null) {
      throw new NotCovered("the type " + type + " the plan does not define");
    }
    ChildIndex childIndex =
        resolved != null
            ? resolved.index()
            : engine.types().index(engine.types().children(defs.base(), type));
    boolean inline = !defs.base().children().isEmpty();
    Defs childParent;
    if (inline) {
      childParent = defs;
    } else {
      TypeDef typeProfile = typeProfile(defs, type);
      childParent =
          resolved != null
              ? resolved.childDefs(typeDef, typeProfile)
              : new Defs(
                  typeDef.root(),
                  typeDef,
                  typeProfile == null ? null : typeProfile.root(),
                  typeProfile);
    }
    if ("Extension".equals(type)) {
      engine.extensions().extension(this, value, defs, at, scope);
      return true;
    }
    // a narrative's walk checks its XHTML, which is never kept (narrativeOutcome): its content,
    // the biggest string of most resources, is not hashed
    WalkedValues known = extension == null && !"Narrative".equals(type) ? walked : null;
    int hash = known == null ? WalkedValues.NOT_KEPT : known.hash(value);
    if (known != null && hash != WalkedValues.NOT_KEPT) {
      WalkedValues.Slot before = known.find(hash, value, defs, type, doc.baseOnly());
      if (before != null && before.replay(at, out)) {
        return true;
      }
    }
    int made = out.made();
    int marks = contextual;
    complex(value, childIndex, childParent, at, scope, type);
    engine.datatypes().check(this, value, type, defs, at, scope);
    invariants(value, defs, type, at, scope);
    if (!inline) {
      // the type's own invariants (rat-1 on Ratio, ...) and those of a profile on the type
      List<Constraint> own =
          resolved != null
              ? resolved.typeConstraints()
              : engine.invariants().extra(typeDef.root().constraints(), defs.base().constraints());
      typeInvariants(value, typeDef, own, childParent, at, scope, defs);
    }
    if (known != null && hash != WalkedValues.NOT_KEPT && contextual == marks) {
      known.store(hash, value, defs, type, doc.baseOnly(), at, out.madeSince(made));
    }
    return true;
  }

  /**
   * The profile the second pass applies to a value of {@code type} (TaskCheck's Ratio profile on
   * outputs), or null.
   */
  private @Nullable TypeDef typeProfile(Defs defs, String type) {
    ElementDef p = defs.profile();
    if (p == null) {
      return null;
    }
    List<TypeRef> types = p.types();
    for (int i = 0; i < types.size(); i++) {
      TypeRef t = types.get(i);
      if (t.code().equals(type) && !t.profiles().isEmpty()) {
        if (t.profiles().size() > 1) {
          throw new NotCovered("several profiles on a type of " + p.path());
        }
        TypeDef profile = engine.types().firstProfile(t);
        if (profile == null) {
          throw new NotCovered("the unknown type profile " + t.profiles().get(0));
        }
        return profile;
      }
    }
    return null;
  }

  /**
   * A primitive value with its JSON {@code _name} partner. Returns whether it counts as present (a
   * value, or an id or extensions).
   */
  private boolean primitiveValue(
      @Nullable Node value,
      @Nullable Node shadow,
      String type,
      @Nullable TypeDef resolvedType,
      Defs defs,
      Loc at,
      Loc shapeLoc,
      ResourceScope scope) {
    String text = null;
    boolean present = false;
    if (value != null) {
      switch (value.kind()) {
        case STRING, NUMBER, BOOLEAN -> {
          text = value.value();
          present = true;
          Check kind = jsonKindCheck(type, value.kind());
          if (kind != null) {
            out.add(kind, shapeLoc, defs.base().name(), describe(value));
          }
        }
        case NULL -> {
          if (shadow == null || !value.inArray()) {
            out.add(Check.NOT_A_SIMPLE_VALUE, shapeLoc, defs.base().name(), "null");
          }
        }
        default -> out.add(Check.NOT_A_SIMPLE_VALUE, shapeLoc, defs.base().name(), describe(value));
      }
    }
    List<Node> shadowChildren = List.of();
    if (shadow != null) {
      if (shadow.kind() == Node.Kind.OBJECT) {
        shadowChildren = shadow.children();
        present = true;
        if (shadowChildren.isEmpty() && shadow.notes().emptyArrays().isEmpty()) {
          out.add(Check.EMPTY_OBJECT, at, defs.base().name());
        }
      } else if (shadow.kind() != Node.Kind.NULL) {
        out.add(Check.SHADOW_NOT_AN_OBJECT, shapeLoc, defs.base().name(), describe(shadow));
        if (value == null) {
          return false;
        }
      }
    }
    if (!present) {
      return false;
    }
    TypeDef typeDef = resolvedType != null ? resolvedType : engine.types().type(type);
    if (typeDef == null) {
      throw new NotCovered("the primitive type " + type + " the plan does not define");
    }
    if (shadow != null && shadow.kind() == Node.Kind.OBJECT) {
      List<ElementDef> shadowDefs = engine.types().partnerChildren(type, typeDef);
      complex(shadow, shadowDefs, new Defs(typeDef.root(), typeDef, null, null), at, scope, type);
    }
    // what the parser keeps of the partner: an id and extension objects ({} included; an unknown
    // property, a null or string extension item are reported and dropped), so a primitive
    // left with neither value nor children gets ele-1 and "needs a value" (mutants of the IBM
    // minimal Task's _status and _intent)
    if (!shadowChildren.isEmpty()) {
      List<Node> kept = new ArrayList<>(shadowChildren.size());
      for (Node c : shadowChildren) {
        if (("id".equals(c.name()) && ParserReads.scalar(c) != null)
            || ("extension".equals(c.name()) && c.kind() == Node.Kind.OBJECT)) {
          kept.add(c);
        }
      }
      shadowChildren = kept;
    }
    boolean hasChildren = !shadowChildren.isEmpty();
    boolean resourceId =
        defs.baseOwner().kind() == TypeDef.Kind.RESOURCE
            && isIdOf(defs.base().path(), defs.baseOwner().type());
    Primitives.BindingCheck binding = null;
    Binding b = defs.base().binding();
    if (b != null && "code".equals(type)) {
      binding = v -> engine.codes().code(v, b, at, doc.baseOnly(), out);
    } else if (b != null && !"string".equals(type) && !"uri".equals(type)) {
      throw new NotCovered("a binding on a " + type + " element: " + defs.base().path());
    }
    if ("xhtml".equals(type)) {
      return true;
    }
    engine
        .primitives()
        .check(type, text, hasChildren, defs.base(), defs.core(), at, binding, resourceId, out);
    if (text != null && text.startsWith("#") && URI_TYPES.contains(type)) {
      localReference(scope, text.substring(1));
    }
    if (defs.profile() != null
        && defs.profileOwner() != null
        && !sameValueChecks(defs.profile(), defs.base(), type, defs.core())) {
      ElementDef p = defs.profile();
      Binding pb = p.binding();
      Primitives.BindingCheck profileBinding =
          pb == null || !"code".equals(type)
              ? null
              : v -> engine.codes().code(v, pb, at, doc.baseOnly(), out);
      engine
          .primitives()
          .check(type, text, hasChildren, p, false, at, profileBinding, resourceId, out);
    }
    invariants(text, shadowChildren, defs, type, at, scope, value != null ? value : shadow);
    return true;
  }

  /**
   * Whether the profile's definition of a primitive asks of its value exactly what the base
   * definition asks ({@link Primitives#check} reads a definition's binding, maximum length, fixed
   * and pattern values, minimum and maximum, and for the date types whether it is a core one): then
   * the profile's check would repeat each of the base's findings, which are kept once, and it is
   * not run.
   */
  private static boolean sameValueChecks(
      ElementDef profile, ElementDef base, String type, boolean baseCore) {
    return java.util.Objects.equals(profile.binding(), base.binding())
        && profile.maxLength() == base.maxLength()
        && profile.fixed() == null
        && profile.pattern() == null
        && profile.minValue() == null
        && profile.maxValue() == null
        && (!baseCore
            || !(type.equals("dateTime") || type.equals("date") || type.equals("instant")));
  }

  /** Whether {@code path} is {@code type + ".id"}, compared without making that string. */
  private static boolean isIdOf(String path, String type) {
    return path.length() == type.length() + 3 && path.startsWith(type) && path.endsWith(".id");
  }

  /**
   * The JSON kind a primitive type needs, as a finding when {@code kind} is not it; null when it
   * fits.
   */
  private static @Nullable Check jsonKindCheck(String type, Node.Kind kind) {
    return switch (type) {
      case "boolean" -> kind == Node.Kind.BOOLEAN ? null : Check.MUST_BE_BOOLEAN;
      case "integer", "unsignedInt", "positiveInt", "decimal" ->
          kind == Node.Kind.NUMBER ? null : Check.MUST_BE_NUMBER;
      default -> kind == Node.Kind.STRING ? null : Check.MUST_BE_STRING;
    };
  }

  /** A resource held by an element (contained): validated as a resource of its own type. */
  private boolean containedResource(
      Node value, Loc at, Loc shapeLoc, ResourceScope scope, ElementDef def) {
    // its id and its findings belong to the resource that holds it
    contextual++;
    if (value.kind() != Node.Kind.OBJECT) {
      out.add(Check.NOT_AN_OBJECT, shapeLoc, def.name(), describe(value));
      return false;
    }
    String type = value.resourceType();
    if (type == null) {
      if (value.notes().resourceTypeNotString()) {
        out.add(Check.RESOURCE_TYPE_NOT_STRING, at);
      } else {
        out.add(Check.NO_RESOURCE_TYPE, at);
      }
      engine.references().containedWithoutType(this, value, at, scope);
      return true;
    }
    if (!engine.types().isConcreteResource(type)) {
      out.add(Check.UNKNOWN_RESOURCE_TYPE, at, type);
      engine.references().containedWithoutType(this, value, at, scope);
      return true;
    }
    if (value.child("id") == null) {
      out.issue(
          "structure-other",
          Severity.ERROR,
          "invalid",
          at.toString(),
          "a contained resource needs an id",
          IssueSource.STRUCTURE,
          "Resource_RES_ID_Missing");
    } else {
      String id = value.childValue("id");
      if (id != null && !scope.containedIds().add(id)) {
        out.issue(
            "structure-other",
            Severity.ERROR,
            "duplicate",
            at.toString(),
            "another contained resource has the id " + id,
            IssueSource.STRUCTURE,
            "RESOURCE_DUPLICATE_CONTAINED_ID");
      }
    }
    TypeDef profile = "Task".equals(type) ? doc.taskProfile() : null;
    resource(value, at, scope, false, profile);
    return true;
  }

  // ---------------------------------------------------------------- invariants

  private void resourceInvariants(Node node, Defs defs, Loc loc, ResourceScope scope) {
    engine.invariants().resource(this, node, defs, loc, scope);
  }

  private void invariants(Node value, Defs defs, String type, Loc at, ResourceScope scope) {
    engine.invariants().element(this, value, defs, type, at, scope);
  }

  private void invariants(
      @Nullable String value,
      List<Node> children,
      Defs defs,
      String type,
      Loc at,
      ResourceScope scope,
      @Nullable Node node) {
    engine.invariants().primitive(this, value, children, defs, type, at, scope, node);
  }

  private void typeInvariants(
      Node value,
      TypeDef typeDef,
      List<Constraint> own,
      Defs typeDefs,
      Loc at,
      ResourceScope scope,
      Defs element) {
    engine.invariants().type(this, value, typeDef, own, typeDefs, at, scope, element);
  }

  // ---------------------------------------------------------------- shared

  Findings out() {
    return out;
  }

  Document doc() {
    return doc;
  }

  Engine engine() {
    return engine;
  }

  /** Validates the children of an object against explicit definitions (extensions use it). */
  void children(
      Node obj,
      List<ElementDef> childDefs,
      Defs parent,
      Loc loc,
      ResourceScope scope,
      String type) {
    complex(obj, childDefs, parent, loc, scope, type);
  }

  /** Validates one value of a known type at {@code at} (an extension's value). */
  boolean value(
      Node value,
      @Nullable Node shadow,
      String type,
      Defs defs,
      Loc at,
      Loc shapeLoc,
      ResourceScope scope) {
    if (engine.types().isPrimitive(type)) {
      return primitiveValue(value, shadow, type, null, defs, at, shapeLoc, scope);
    }
    return complexValue(value, type, null, defs, at, shapeLoc, scope);
  }

  static String describe(Node n) {
    return switch (n.kind()) {
      case OBJECT -> "an object";
      case ARRAY -> "an array";
      case STRING -> "a string";
      case NUMBER -> "a number";
      case BOOLEAN -> "a boolean";
      case NULL -> "null";
      case XML -> "an element";
    };
  }

  /** Constraints of an element without those of another set with the same key. */
  static List<Constraint> extra(List<Constraint> constraints, List<Constraint> already) {
    if (already.isEmpty()) {
      return constraints;
    }
    // a profile's snapshot mostly repeats the base's constraints: then there is nothing extra, and
    // nothing is allocated for it
    List<Constraint> out = List.of();
    for (int i = 0; i < constraints.size(); i++) {
      Constraint c = constraints.get(i);
      if (!hasKey(already, c.key())) {
        if (out.isEmpty()) {
          out = new ArrayList<>();
        }
        out.add(c);
      }
    }
    return out;
  }

  private static boolean hasKey(List<Constraint> constraints, String key) {
    for (int i = 0; i < constraints.size(); i++) {
      if (constraints.get(i).key().equals(key)) {
        return true;
      }
    }
    return false;
  }
}
