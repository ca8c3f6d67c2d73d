package dev.taskcheck.engine.fast;

import dev.taskcheck.plan.Constraint;
import dev.taskcheck.plan.ElementDef;
import dev.taskcheck.plan.TypeDef;
import dev.taskcheck.plan.TypeRef;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * The child definitions of one element (or type), indexed by property name: built once per
 * definition list of the plan and shared by every document and thread, so that finding the
 * definition of a JSON property is a map lookup rather than a scan that cuts names out of paths.
 * Sliced definitions are left out, as the walker leaves them out.
 */
final class ChildIndex {

  /** How many indexes have been made in this process (tests: none should be made per document). */
  private static final AtomicLong BUILT = new AtomicLong();

  /**
   * A property's definition, for a choice the type its name selects, and the definition's position
   * in the list the index was made from.
   */
  static final class Lookup {
    private final ElementDef def;
    private final @Nullable String type;
    private final int position;

    /** What the walk needs of the value's type, resolved on first use (a benign race). */
    private @Nullable Resolved resolved;

    /** The definitions of this lookup's elements under an owner without a profile, kept once. */
    private Walker.@Nullable Defs plainDefs;

    /** The definition's name ({@link ElementDef#name}, a map lookup), kept for the walk. */
    private final String name;

    /**
     * Whether the definition is a choice ({@link ElementDef#isChoice}, a test of its path's text),
     * kept for the walk.
     */
    private final boolean choice;

    Lookup(ElementDef def, @Nullable String type, int position) {
      this.def = def;
      this.type = type;
      this.position = position;
      this.name = def.name();
      this.choice = def.isChoice();
    }

    boolean choice() {
      return choice;
    }

    ElementDef def() {
      return def;
    }

    String name() {
      return name;
    }

    /** The type a choice's property name selects; null for a definition that is no choice. */
    @Nullable String type() {
      return type;
    }

    int position() {
      return position;
    }

    /**
     * The definitions of an element found by this lookup in a type {@code owner} no profile applies
     * to: one object for every such element, remade only if the owner is another.
     */
    // the owner is a plan object, compared by identity
    @SuppressWarnings("ReferenceEquality")
    Walker.Defs plainDefs(TypeDef owner) {
      Walker.Defs d = plainDefs;
      if (d == null || d.baseOwner() != owner) {
        d = new Walker.Defs(def, owner, null, null);
        plainDefs = d;
      }
      return d;
    }

    /**
     * The definitions of this lookup's elements under an owner and a profile's definition of them:
     * the last pair asked for is kept (a Task's children, under TaskCheck's Task profile, ask for
     * the same pair every time).
     */
    private Walker.@Nullable Defs profiledDefs;

    // plan objects, compared by identity
    @SuppressWarnings("ReferenceEquality")
    Walker.Defs profiledDefs(
        TypeDef owner, @Nullable ElementDef profile, @Nullable TypeDef profileOwner) {
      Walker.Defs d = profiledDefs;
      if (d == null
          || d.baseOwner() != owner
          || d.profile() != profile
          || d.profileOwner() != profileOwner) {
        d = new Walker.Defs(def, owner, profile, profileOwner);
        profiledDefs = d;
      }
      return d;
    }

    /** The value type's definition, kind and children, resolved once per lookup. */
    Resolved resolved(Types types) {
      Resolved r = resolved;
      if (r == null) {
        r = new Resolved(types, def, type != null ? type : def.singleType());
        resolved = r;
      }
      return r;
    }
  }

  /**
   * A definition's value type resolved against an engine's plan: what the walk would otherwise ask
   * {@link Types} for at every value (the type's definition, whether it is primitive or a resource,
   * the child definitions and their index).
   */
  static final class Resolved {
    final @Nullable String type;
    final @Nullable TypeDef typeDef;
    final boolean primitive;
    final boolean resource;
    final List<ElementDef> children;

    /**
     * The element's name where a finding is about its JSON shape: {@code value[x]} for a choice,
     * else its name.
     */
    final String shapeName;

    private final Types types;
    private final ElementDef def;
    private @Nullable ChildIndex index;
    private @Nullable List<Constraint> typeConstraints;

    /** The definitions a value's children are checked against, for the last type profile. */
    private Walker.@Nullable Defs childDefs;

    /**
     * The definitions of a value's children: the type's, and those of a profile on the type (null
     * for none); the last answer is kept.
     */
    // plan objects, compared by identity
    @SuppressWarnings("ReferenceEquality")
    Walker.Defs childDefs(TypeDef typeDef, @Nullable TypeDef typeProfile) {
      Walker.Defs d = childDefs;
      if (d == null || d.baseOwner() != typeDef || d.profileOwner() != typeProfile) {
        d =
            new Walker.Defs(
                typeDef.root(),
                typeDef,
                typeProfile == null ? null : typeProfile.root(),
                typeProfile);
        childDefs = d;
      }
      return d;
    }

    private Resolved(Types types, ElementDef def, @Nullable String type) {
      this.types = types;
      this.def = def;
      this.type = type;
      this.typeDef = type == null ? null : types.type(type);
      this.primitive = typeDef != null && typeDef.kind() == TypeDef.Kind.PRIMITIVE_TYPE;
      this.resource = typeDef != null && typeDef.kind() == TypeDef.Kind.RESOURCE;
      this.children = types.children(def, type);
      this.shapeName = def.isChoice() ? def.name() + "[x]" : def.name();
    }

    /**
     * The invariants of the type's own definition that the element's definition does not repeat
     * ({@link Walker#extra}), found on first use: {@code typeDef} must be non-null.
     */
    List<Constraint> typeConstraints() {
      List<Constraint> c = typeConstraints;
      if (c == null) {
        TypeDef t = Objects.requireNonNull(typeDef);
        // an immutable copy: another thread may read the field without a lock, and an immutable
        // list's final fields make that safe where an ArrayList's are not
        c = List.copyOf(Walker.extra(t.root().constraints(), def.constraints()));
        typeConstraints = c;
      }
      return c;
    }

    /** The index of {@link #children}, made on first use (a benign race: the same index). */
    ChildIndex index() {
      ChildIndex i = index;
      if (i == null) {
        i = types.index(children);
        index = i;
      }
      return i;
    }
  }

  /**
   * Each property name's lookup (plain names, then every typed name of each choice) in an
   * open-addressing table (linear probing, at most half full), made once the index is complete: a
   * property lookup is a hash, an identity comparison with the interned name and rarely a second
   * probe.
   */
  private final String[] keys;

  private final Lookup[] lookups;

  private final int size;

  /** A definition by its name, and whether it has sliced children. */
  record Named(ElementDef def, boolean slicesChildren) {}

  private final Map<String, Named> byName = new HashMap<>();

  /**
   * For a profile's children, the profile's definition of each of this index's definitions by
   * position ({@link #profiled}), made once per profile (an index compares by identity).
   */
  private final Map<ChildIndex, Profiled> profiles = new ConcurrentHashMap<>();

  /**
   * The positions of the definitions that are checked even when the JSON has no value for them:
   * those required (min above 0), slices left out. The walker visits these and the positions of the
   * properties present, not every definition of the type (a Task has fifty).
   */
  private final int[] required;

  /**
   * The profile's definitions of an index's definitions by position ({@code null} where it has none
   * or the definition is a slice), and the positions checked even when absent: required in the base
   * or in the profile, or sliced by the profile (not covered, present or absent).
   */
  static final class Profiled {
    final @Nullable Named[] defs;
    final int[] required;

    Profiled(@Nullable Named[] defs, int[] required) {
      this.defs = defs;
      this.required = required;
    }
  }

  private final List<ElementDef> defs;

  private ChildIndex(List<ElementDef> defs) {
    BUILT.incrementAndGet();
    this.defs = defs;
    size = defs.size();
    Map<String, Lookup> byProperty = new HashMap<>();
    List<ElementDef> choices = new ArrayList<>();
    List<String> choiceNames = new ArrayList<>();
    List<Integer> choicePositions = new ArrayList<>();
    for (int position = 0; position < defs.size(); position++) {
      ElementDef d = defs.get(position);
      if (d.sliceName() != null) {
        continue;
      }
      String name = d.name();
      byName.putIfAbsent(
          name, new Named(d, d.children().stream().anyMatch(k -> k.sliceName() != null)));
      if (d.isChoice()) {
        choices.add(d);
        choiceNames.add(name);
        choicePositions.add(position);
      } else {
        byProperty.putIfAbsent(name, new Lookup(d, null, position));
      }
    }
    // each typed name of a choice (valueQuantity), after every plain name: a plain name wins, and
    // of two choices the first, as a scan of the choices in order finds them (Types.choiceType);
    // a property is then one lookup, and the lookup of a choice's type is made once
    for (int i = 0; i < choices.size(); i++) {
      ElementDef c = choices.get(i);
      for (TypeRef t : c.types()) {
        String code = t.code();
        if (code.isEmpty()) {
          continue;
        }
        String property =
            (choiceNames.get(i) + Character.toUpperCase(code.charAt(0)) + code.substring(1))
                .intern();
        if (code.equals(Types.choiceType(c, choiceNames.get(i), property))) {
          byProperty.putIfAbsent(property, new Lookup(c, code, choicePositions.get(i)));
        }
      }
    }
    int[] req = new int[defs.size()];
    int requiredCount = 0;
    for (int position = 0; position < defs.size(); position++) {
      ElementDef d = defs.get(position);
      if (d.sliceName() == null && d.min() > 0) {
        req[requiredCount++] = position;
      }
    }
    required = Arrays.copyOf(req, requiredCount);
    int capacity = Integer.highestOneBit(Math.max(4, byProperty.size() * 2 + 1)) << 1;
    keys = new String[capacity];
    lookups = new Lookup[capacity];
    for (Map.Entry<String, Lookup> e : byProperty.entrySet()) {
      int h = e.getKey().hashCode();
      int i = (h ^ (h >>> 16)) & (capacity - 1);
      while (keys[i] != null) {
        i = (i + 1) & (capacity - 1);
      }
      keys[i] = e.getKey();
      lookups[i] = e.getValue();
    }
  }

  /** The definition list the index was made from. */
  List<ElementDef> defs() {
    return defs;
  }

  /** The number of definitions in the list the index was made from. */
  int size() {
    return size;
  }

  /** How many indexes have been made in this process. */
  static long built() {
    return BUILT.get();
  }

  /**
   * The indexes of one engine's definition lists, by the identity of the plan's (immutable) list:
   * the plan decodes each definition once. Kept by the engine ({@link Types#index}) rather than for
   * the process, so that the lists of a plan an engine no longer uses (the profiles of an IG
   * package a dropped TaskCheck loaded) can be collected with it.
   */
  static final class Cache {
    private final IdentityCache<ChildIndex> indexes = new IdentityCache<>();

    ChildIndex of(List<ElementDef> defs) {
      ChildIndex known = indexes.get(defs);
      if (known == null) {
        // a race may build an index twice; either is the same
        known = new ChildIndex(defs);
        indexes.put(defs, known);
      }
      return known;
    }
  }

  /** The definition of a JSON property name (without its {@code _}), or null when unknown. */
  // the names are interned, as the JSON parser's are: identity first, equals for any other string
  @SuppressWarnings("ReferenceEquality")
  @Nullable Lookup find(String property) {
    int mask = keys.length - 1;
    int h = property.hashCode();
    for (int i = (h ^ (h >>> 16)) & mask; ; i = (i + 1) & mask) {
      String k = keys[i];
      if (k == null) {
        return null;
      }
      if (k == property || k.equals(property)) {
        return lookups[i];
      }
    }
  }

  /**
   * The definition whose name (a choice's without {@code [x]}) is this one, with whether its
   * children are sliced; null when there is none.
   */
  @Nullable Named named(String name) {
    return byName.get(name);
  }

  /** The positions checked even when absent, without a profile ({@link #required}). */
  int[] required() {
    return required;
  }

  /**
   * The profile's definition ({@link #named}) of each of this index's definitions, by position, and
   * the positions checked even when absent under that profile ({@link Profiled}).
   */
  Profiled profiled(ChildIndex profile) {
    Profiled known = profiles.get(profile);
    if (known != null) {
      return known;
    }
    @Nullable Named[] out = new Named[size];
    int[] req = new int[size];
    int requiredCount = 0;
    for (int position = 0; position < size; position++) {
      ElementDef d = defs.get(position);
      if (d.sliceName() != null) {
        continue;
      }
      Named n = profile.named(d.name());
      out[position] = n;
      if (d.min() > 0 || (n != null && (n.slicesChildren() || n.def().min() > 0))) {
        req[requiredCount++] = position;
      }
    }
    Profiled made = new Profiled(out, Arrays.copyOf(req, requiredCount));
    Profiled raced = profiles.putIfAbsent(profile, made);
    return raced != null ? raced : made;
  }
}
