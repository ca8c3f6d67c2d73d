package dev.taskcheck.engine.fast;

import dev.taskcheck.fhirpath.FhirModel;
import dev.taskcheck.fhirpath.FhirNode;
import dev.taskcheck.parse.Node;
import dev.taskcheck.plan.ElementDef;
import dev.taskcheck.plan.TypeDef;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * TaskCheck's parse tree as FHIRPath sees it, typed with the plan: choice elements by their base
 * name, JSON {@code _x} partners merged into their primitives, resources inside resources typed by
 * their resource type. Built lazily, one level at a time, so an invariant that reads two elements
 * costs two nodes. Not thread-safe: one per document and thread.
 */
final class PlanNode implements FhirNode {

  private final Types types;
  private final String name;
  private final String type;
  private final @Nullable Node value;
  private final @Nullable Node shadow;
  private final boolean resource;

  /**
   * Where the children's definitions are: an inline element (root, backbone), or null for the
   * type's own.
   */
  private final @Nullable ElementDef inline;

  private final @Nullable TypeDef owner;

  /** All children, in the order of their JSON properties; null until asked for. */
  private @Nullable List<PlanNode> all;

  /** The children of each name asked for so far. */
  private @Nullable Map<String, List<PlanNode>> byName;

  /**
   * The JSON properties (without {@code _}) in order, each with its values, its {@code _x}
   * partners, its definition (null for an unknown property) and, once made, its children: a node
   * makes the children of the names an expression reads, not all of them.
   */
  private @Nullable List<Property> properties;

  private static final class Property {
    final String name;
    final List<Node> values = new ArrayList<>(1);
    List<Node> shadows = List.of();
    ChildIndex.@Nullable Lookup found;

    /** The name of the children it gives (its definition's, {@code value} for valueQuantity). */
    @Nullable String group;

    @Nullable List<PlanNode> nodes;

    Property(String name) {
      this.name = name;
    }
  }

  private PlanNode(
      Types types,
      String name,
      String type,
      @Nullable Node value,
      @Nullable Node shadow,
      boolean resource,
      @Nullable ElementDef inline,
      @Nullable TypeDef owner) {
    this.types = types;
    this.name = name;
    this.type = type;
    this.value = value;
    this.shadow = shadow;
    this.resource = resource;
    this.inline = inline;
    this.owner = owner;
  }

  /** A resource node (the document root, a contained resource, a Bundle entry's resource). */
  static PlanNode resource(Types types, Node node, String elementName) {
    String t = node.resourceType() == null ? node.name() : node.resourceType();
    TypeDef def = types.type(t);
    return new PlanNode(
        types, elementName, t, node, null, true, def == null ? null : def.root(), def);
  }

  /**
   * An element of a known type whose children are defined by {@code inline} (a backbone element, or
   * a resource root) or by the type's own definition.
   */
  static PlanNode element(
      Types types,
      String name,
      String type,
      @Nullable Node value,
      @Nullable Node shadow,
      @Nullable ElementDef inline,
      @Nullable TypeDef owner) {
    return new PlanNode(
        types,
        name,
        type,
        value,
        shadow,
        false,
        inline != null && !inline.children().isEmpty() ? inline : null,
        owner);
  }

  @Override
  public String name() {
    return name;
  }

  /** The parsed node this one reads (a primitive's value, else its {@code _x} partner), or null. */
  @Nullable Node source() {
    return value != null ? value : shadow;
  }

  @Override
  public String typeName() {
    return type;
  }

  @Override
  public @Nullable String primitiveValue() {
    if (value == null) {
      return null;
    }
    return switch (value.kind()) {
      case STRING, NUMBER, BOOLEAN, XML -> value.value();
      default -> null;
    };
  }

  @Override
  public boolean isResource() {
    return resource;
  }

  @Override
  public boolean hasContent() {
    if (primitiveValue() != null) {
      return true;
    }
    List<PlanNode> built = all;
    if (built != null) {
      for (PlanNode c : built) {
        if (c.hasContent()) {
          return true;
        }
      }
      return false;
    }
    // in order, as the whole list would be, but stopping at the first child with content
    for (Property p : properties()) {
      for (PlanNode c : nodes(p)) {
        if (c.hasContent()) {
          return true;
        }
      }
    }
    return false;
  }

  @Override
  public List<? extends FhirNode> children() {
    return build();
  }

  @Override
  public List<? extends FhirNode> children(String childName) {
    Map<String, List<PlanNode>> groups = byName;
    if (groups == null) {
      groups = new HashMap<>();
      byName = groups;
    }
    List<PlanNode> known = groups.get(childName);
    if (known != null) {
      return known;
    }
    List<PlanNode> out = new ArrayList<>();
    for (Property p : properties()) {
      if (childName.equals(p.group)) {
        out.addAll(nodes(p));
      }
    }
    List<PlanNode> group = out.isEmpty() ? List.of() : out;
    groups.put(childName, group);
    return group;
  }

  /** The definitions of this node's children. */
  private List<ElementDef> childDefs() {
    if (inline != null) {
      return inline.children();
    }
    TypeDef t = types.type(type);
    return t == null ? List.of() : t.root().children();
  }

  private List<PlanNode> build() {
    List<PlanNode> built = all;
    if (built != null) {
      return built;
    }
    List<PlanNode> out = new ArrayList<>();
    for (Property p : properties()) {
      out.addAll(nodes(p));
    }
    all = out;
    return out;
  }

  /** The JSON properties of this node's value and partner, grouped and looked up once. */
  private List<Property> properties() {
    List<Property> known = properties;
    if (known != null) {
      return known;
    }
    List<Node> raw = new ArrayList<>();
    if (value != null && value.kind() == Node.Kind.OBJECT) {
      raw.addAll(ParserReads.read(value));
    } else if (value != null && value.kind() == Node.Kind.XML) {
      raw.addAll(value.children());
    }
    if (shadow != null && shadow.kind() == Node.Kind.OBJECT) {
      raw.addAll(ParserReads.read(shadow));
    }
    List<Property> out = new ArrayList<>();
    Map<String, Property> byProperty = new HashMap<>();
    for (Node c : raw) {
      String n = c.name();
      String base = ParserReads.partnerOf(n);
      String key = base != null ? base : n;
      Property p = byProperty.get(key);
      if (p == null) {
        p = new Property(key);
        byProperty.put(key, p);
        out.add(p);
      }
      if (base != null) {
        if (p.shadows.isEmpty()) {
          p.shadows = new ArrayList<>(1);
        }
        p.shadows.add(c);
      } else {
        p.values.add(c);
      }
    }
    if (!out.isEmpty()) {
      ChildIndex index = types.index(childDefs());
      for (Property p : out) {
        p.found = index.find(p.name);
        p.group = p.found == null ? null : p.found.def().name();
      }
    }
    properties = out;
    return out;
  }

  /** The children one JSON property gives (none for an unknown one), made once. */
  private List<PlanNode> nodes(Property p) {
    List<PlanNode> made = p.nodes;
    if (made != null) {
      return made;
    }
    ChildIndex.Lookup found = p.found;
    if (found == null) {
      p.nodes = List.of();
      return p.nodes;
    }
    String property = p.name;
    ElementDef def = found.def();
    String childType = found.type() != null ? found.type() : def.singleType();
    List<Node> vs = p.values;
    if (ParserReads.singleAsArray(def, vs)) {
      vs = List.of();
    }
    List<Node> xs = p.shadows;
    boolean primitive = childType != null && types.isPrimitive(childType);
    if (primitive
        && (ParserReads.droppingPartner(def, xs)
            || (def.max() <= 1
                && value != null
                && value.kind() == Node.Kind.OBJECT
                && ParserReads.emptyPartner(value, property)))) {
      vs = List.of();
      xs = List.of();
    }
    if (ParserReads.longerPartners(vs, xs)) {
      xs = List.of();
    }
    List<PlanNode> out = new ArrayList<>(Math.max(vs.size(), xs.size()));
    for (int i = 0; i < Math.max(vs.size(), xs.size()); i++) {
      Node v = i < vs.size() ? vs.get(i) : null;
      Node x = i < xs.size() ? xs.get(i) : null;
      PlanNode child = child(def, childType, v, x);
      if (child != null) {
        out.add(child);
      }
    }
    p.nodes = out;
    return out;
  }

  private @Nullable PlanNode child(
      ElementDef def, @Nullable String childType, @Nullable Node v, @Nullable Node x) {
    boolean emptyValue = v == null || v.kind() == Node.Kind.NULL;
    boolean emptyShadow = x == null || x.kind() != Node.Kind.OBJECT || x.children().isEmpty();
    if (emptyValue && emptyShadow) {
      return null;
    }
    if (v != null && v.resourceType() != null) {
      return resource(types, v, def.name());
    }
    if (childType == null) {
      if (def.contentReference() != null && owner != null) {
        ElementDef target = types.contentReference(owner, def.contentReference());
        if (target != null) {
          return element(types, def.name(), "BackboneElement", v, null, target, owner);
        }
      }
      return null;
    }
    boolean primitive = types.isPrimitive(childType);
    if (primitive && v != null && v.kind() == Node.Kind.OBJECT) {
      return null;
    }
    if (!primitive && v != null && v.kind() != Node.Kind.OBJECT && v.kind() != Node.Kind.XML) {
      return null;
    }
    if (!primitive && v != null && v.kind() == Node.Kind.OBJECT && v.children().isEmpty()) {
      // {}: the reference engine reports it ("must have some content") and it does not exist
      return null;
    }
    String name = def.name();
    String typeName =
        "BackboneElement".equals(childType) || "Element".equals(childType)
            ? "BackboneElement"
            : childType;
    return element(types, name, typeName, v, x, def, owner);
  }

  /** The FHIR type hierarchy of a plan, for {@code is}, {@code as} and {@code ofType()}. */
  static FhirModel model(Types types) {
    return new FhirModel() {
      @Override
      public @Nullable String baseType(String t) {
        TypeDef def = types.type(t);
        if (def == null) {
          return null;
        }
        if (def.constraint()) {
          return def.type();
        }
        String base = def.baseDefinition();
        if (base == null) {
          return null;
        }
        TypeDef b = types.plan().definition(base);
        return b == null ? null : b.type();
      }

      @Override
      public boolean isType(String t) {
        return types.type(t) != null;
      }
    };
  }

  @Override
  public String toString() {
    return name + ":" + type;
  }
}
