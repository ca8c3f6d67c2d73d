package dev.taskcheck.engine.fast;

import dev.taskcheck.plan.ElementDef;
import dev.taskcheck.plan.Plan;
import dev.taskcheck.plan.TypeDef;
import dev.taskcheck.plan.TypeRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * What the walk asks the plan about types, answered once per type and cached (a plan is immutable).
 */
final class Types {

  static final String CORE = "http://hl7.org/fhir/StructureDefinition/";
  private static final String SYSTEM = "http://hl7.org/fhirpath/System.";

  private final Plan plan;
  private final Map<String, TypeDef> byCode = new ConcurrentHashMap<>();

  Types(Plan plan) {
    this.plan = plan;
  }

  Plan plan() {
    return plan;
  }

  /**
   * {@link #firstProfile}'s answers by type reference (the plan's object, compared by identity).
   */
  private final IdentityCache<TypeDef> firstProfiles = new IdentityCache<>();

  /**
   * The definition of a type reference's first profile ({@code Quantity} with a {@code
   * SimpleQuantity} profile), or null when the plan does not define it; found once per reference.
   */
  @Nullable TypeDef firstProfile(TypeRef t) {
    TypeDef known = firstProfiles.get(t);
    if (known == null) {
      known = plan.definition(t.profiles().get(0));
      if (known != null) {
        firstProfiles.put(t, known);
      }
    }
    return known;
  }

  /**
   * The definition of a type code: a base type ({@code Quantity}, {@code string}), or a core
   * profile of one used as a type ({@code Age}, {@code SimpleQuantity} in R4's Range), or null when
   * the plan does not know it.
   */
  @Nullable TypeDef type(String code) {
    TypeDef cached = byCode.get(code);
    if (cached != null) {
      return cached;
    }
    TypeDef t = plan.type(code);
    if (t == null) {
      t = plan.definition(code.contains("/") ? code : CORE + code);
    }
    if (t != null) {
      byCode.put(code, t);
    }
    return t;
  }

  /** Whether a type code names a primitive type ({@code string}, {@code dateTime}, ...). */
  boolean isPrimitive(String code) {
    TypeDef t = type(code);
    return t != null && t.kind() == TypeDef.Kind.PRIMITIVE_TYPE;
  }

  /**
   * Whether a type code names a resource type, abstract ones ({@code Resource}, {@code
   * DomainResource}) included.
   */
  boolean isResource(String code) {
    TypeDef t = type(code);
    return t != null && t.kind() == TypeDef.Kind.RESOURCE;
  }

  /** Whether {@code type} is a concrete resource type ({@code Patient}; not {@code Resource}). */
  boolean isConcreteResource(String type) {
    // through the types kept by code (one lookup where the plan takes two); a name the plan does
    // not know is not kept
    TypeDef t = type(type);
    return t != null && t.kind() == TypeDef.Kind.RESOURCE && !t.isAbstract() && !t.constraint();
  }

  /**
   * Whether a name is a concrete resource type of the release ({@code Patient}), as a reference's
   * first part.
   */
  boolean isConcreteResourceName(String name) {
    return !name.isEmpty() && Character.isUpperCase(name.charAt(0)) && isConcreteResource(name);
  }

  /**
   * The type names a type derives from by its base definitions, itself first ({@code Patient},
   * {@code DomainResource}, {@code Resource}), at most sixteen; found once per type of the plan.
   */
  List<String> lineage(String type) {
    List<String> known = lineages.get(type);
    if (known != null) {
      return known;
    }
    if (type(type) == null) {
      return List.of(type); // not kept: a name from the document, no type of the plan
    }
    List<String> out = new ArrayList<>();
    String t = type;
    for (int depth = 0; t != null && depth < 16; depth++) {
      out.add(t);
      TypeDef d = type(t);
      if (d == null || d.baseDefinition() == null) {
        break;
      }
      TypeDef base = plan.definition(d.baseDefinition());
      t = base == null ? null : base.type();
    }
    known = List.copyOf(out);
    lineages.put(type, known);
    return known;
  }

  private final Map<String, List<String>> lineages = new ConcurrentHashMap<>();

  /**
   * The type a choice element's JSON or XML name gives ({@code valueDateTime} with base name {@code
   * value} gives {@code dateTime}; {@code valueQuantity} gives {@code Quantity}), or null when the
   * suffix is none of the element's types. Primitive type names start with a lower-case letter, the
   * suffix with an upper-case one.
   */
  static @Nullable String choiceType(ElementDef choice, String propertyName) {
    return choiceType(choice, choice.name(), propertyName);
  }

  /** {@link #choiceType(ElementDef, String)} with the choice's name ({@code value}) given. */
  static @Nullable String choiceType(ElementDef choice, String base, String propertyName) {
    if (propertyName.length() <= base.length() || !propertyName.startsWith(base)) {
      return null;
    }
    String suffix = propertyName.substring(base.length());
    if (!Character.isUpperCase(suffix.charAt(0))) {
      return null;
    }
    for (TypeRef t : choice.types()) {
      String code = t.code();
      if (code.length() == suffix.length()
          && code.regionMatches(1, suffix, 1, code.length() - 1)
          && Character.toUpperCase(code.charAt(0)) == suffix.charAt(0)) {
        return code;
      }
    }
    return null;
  }

  /**
   * Whether a type code is a FHIRPath system type ({@code System.String} for {@code Element.id}).
   */
  static boolean isSystemType(String code) {
    return code.startsWith(SYSTEM);
  }

  /**
   * The children definitions of an element: its inline children (the root, a BackboneElement, a
   * profile's constrained datatype element), or those of its type's base definition.
   */
  List<ElementDef> children(ElementDef element, @Nullable String typeCode) {
    if (!element.children().isEmpty()) {
      return element.children();
    }
    if (typeCode == null) {
      return List.of();
    }
    TypeDef t = type(typeCode);
    return t == null ? List.of() : t.root().children();
  }

  private final ChildIndex.Cache indexes = new ChildIndex.Cache();

  /** The index of a list of child definitions, made on its first use by this engine. */
  ChildIndex index(List<ElementDef> childDefs) {
    return indexes.of(childDefs);
  }

  /** {@link #partnerChildren}'s list for xhtml, made once by this engine. */
  private volatile @Nullable List<ElementDef> xhtmlPartner;

  /**
   * The child definitions of a primitive's JSON partner ({@code _name}): the type's own, but for
   * xhtml, whose value 1..1 in the snapshot is the div itself and never in {@code _div}. The same
   * list every time: {@link #index} indexes a list once, by its identity.
   */
  List<ElementDef> partnerChildren(String typeCode, TypeDef primitive) {
    List<ElementDef> all = primitive.root().children();
    if (!"xhtml".equals(typeCode)) {
      return all;
    }
    List<ElementDef> known = xhtmlPartner;
    if (known == null) {
      known = all.stream().filter(d -> !d.name().equals("value")).toList();
      xhtmlPartner = known;
    }
    return known;
  }

  /**
   * The definition of an element's {@code contentReference} ({@code Questionnaire.item}), or null.
   */
  @Nullable ElementDef contentReference(TypeDef owner, String path) {
    return find(owner.root(), path);
  }

  private static @Nullable ElementDef find(ElementDef e, String path) {
    if (e.path().equals(path) && e.sliceName() == null) {
      return e;
    }
    if (!path.startsWith(e.path() + ".")) {
      return null;
    }
    for (ElementDef c : e.children()) {
      ElementDef f = find(c, path);
      if (f != null) {
        return f;
      }
    }
    return null;
  }
}
