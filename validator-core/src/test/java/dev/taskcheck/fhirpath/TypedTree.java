package dev.taskcheck.fhirpath;

import dev.taskcheck.fhirpath.CoreDefinitions.Definition;
import dev.taskcheck.fhirpath.CoreDefinitions.Element;
import dev.taskcheck.parse.Node;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * TEST ONLY: types TaskCheck's parse tree ({@link Node}) with the core StructureDefinitions'
 * snapshots and presents it as {@link FhirNode}s: choice elements by their base name, JSON
 * primitive extensions ({@code _given}) merged item by item, resources inside resources typed by
 * their resource type. The production adapter will come from the fast engine's compiled plan; this
 * one shows what it has to do.
 */
final class TypedTree {

  private final CoreDefinitions defs;

  private TypedTree(CoreDefinitions defs) {
    this.defs = defs;
  }

  /** The typed view of a parsed resource. */
  static FhirNode of(Node root, CoreDefinitions defs) {
    String type = root.resourceType() != null ? root.resourceType() : root.name();
    return new TypedTree(defs)
        .node(root.name(), type, null, true, List.of(root), List.of(), type, type, type, type);
  }

  /** A type model over the same definitions. */
  static FhirModel model(CoreDefinitions defs) {
    return new FhirModel() {
      @Override
      public @Nullable String baseType(String type) {
        Definition d = defs.definition(type);
        return d == null ? null : d.baseName();
      }

      @Override
      public boolean isType(String type) {
        return defs.definition(type) != null;
      }
    };
  }

  /** One typed element. */
  static final class Typed implements FhirNode {
    private final String name;
    private final String type;
    private final @Nullable String value;
    private final boolean resource;
    private final List<Typed> children;
    private final Map<String, List<Typed>> byName;
    private final String definition;
    private final String path;

    Typed(
        String name,
        String type,
        @Nullable String value,
        boolean resource,
        List<Typed> children,
        String definition,
        String path) {
      this.definition = definition;
      this.path = path;
      this.name = name;
      this.type = type;
      this.value = value;
      this.resource = resource;
      this.children = List.copyOf(children);
      Map<String, List<Typed>> groups = new HashMap<>();
      for (Typed c : children) {
        groups.computeIfAbsent(c.name, k -> new ArrayList<>()).add(c);
      }
      Map<String, List<Typed>> frozen = new HashMap<>();
      groups.forEach((k, v) -> frozen.put(k, List.copyOf(v)));
      this.byName = frozen;
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public String typeName() {
      return type;
    }

    @Override
    public @Nullable String primitiveValue() {
      return value;
    }

    @Override
    public boolean isResource() {
      return resource;
    }

    @Override
    public List<? extends FhirNode> children() {
      return children;
    }

    @Override
    public List<? extends FhirNode> children(String childName) {
      List<Typed> c = byName.get(childName);
      return c == null ? List.of() : c;
    }

    /**
     * The StructureDefinition whose snapshot defines this element ({@code Task}, {@code Period}).
     */
    String definition() {
      return definition;
    }

    /**
     * The element's path in that definition ({@code Task.executionPeriod}, {@code
     * Task.input.value[x]}).
     */
    String path() {
      return path;
    }

    @Override
    public String toString() {
      return name + ":" + type + (value != null ? "=" + value : "");
    }
  }

  /**
   * Builds a node from its raw parts: value nodes (XML, or the JSON value) and extension holders
   * (JSON {@code _x}), typed in the context of a definition and a path within it.
   */
  private Typed node(
      String name,
      String type,
      @Nullable String value,
      boolean resource,
      List<Node> parts,
      List<Node> extensionHolders,
      String definition,
      String path,
      String ownDefinition,
      String ownPath) {
    List<Node> raw = new ArrayList<>();
    for (Node p : parts) {
      raw.addAll(p.children());
    }
    for (Node x : extensionHolders) {
      raw.addAll(x.children());
    }
    // group the raw children by name, JSON "_x" with "x", keeping document order of first
    // appearance
    Map<String, List<Node>> values = new LinkedHashMap<>();
    Map<String, List<Node>> holders = new HashMap<>();
    for (Node c : raw) {
      if (c.name().startsWith("_") && c.name().length() > 1) {
        String base = c.name().substring(1);
        holders.computeIfAbsent(base, k -> new ArrayList<>()).add(c);
        values.computeIfAbsent(base, k -> new ArrayList<>());
      } else {
        values.computeIfAbsent(c.name(), k -> new ArrayList<>()).add(c);
      }
    }
    List<Typed> children = new ArrayList<>();
    for (Map.Entry<String, List<Node>> e : values.entrySet()) {
      List<Node> vs = e.getValue();
      List<Node> xs = holders.getOrDefault(e.getKey(), List.of());
      for (int i = 0; i < Math.max(vs.size(), xs.size()); i++) {
        Node v = i < vs.size() ? vs.get(i) : null;
        Node x = i < xs.size() ? xs.get(i) : null;
        Typed t = child(e.getKey(), v, x, definition, path);
        if (t != null) {
          children.add(t);
        }
      }
    }
    return new Typed(name, type, value, resource, children, ownDefinition, ownPath);
  }

  private @Nullable Typed child(
      String jsonName, @Nullable Node v, @Nullable Node x, String definition, String path) {
    boolean empty =
        (v == null || (v.value() == null && v.children().isEmpty() && v.resourceType() == null))
            && (x == null || x.children().isEmpty());
    if (empty) {
      return null;
    }
    String name = jsonName;
    String type = "Element";
    String childDefinition = definition;
    String childPath = path + "." + jsonName;
    Definition d = defs.definition(definition);
    Element element = d == null ? null : d.elements().get(childPath);
    if (element == null && d != null) {
      // a choice element: value[x] written as valueQuantity
      for (Element candidate : d.elements().values()) {
        String p = candidate.path();
        if (p.endsWith("[x]") && p.startsWith(path + ".") && p.lastIndexOf('.') == path.length()) {
          String base = p.substring(path.length() + 1, p.length() - 3);
          if (jsonName.startsWith(base) && jsonName.length() > base.length()) {
            String suffix = jsonName.substring(base.length());
            for (String code : candidate.types()) {
              if (capitalized(code).equals(suffix)) {
                name = base;
                element = new Element(p, List.of(code), null, List.of());
              }
            }
          }
        }
      }
    }
    boolean resource = v != null && v.resourceType() != null;
    if (resource) {
      String rt = v.resourceType();
      return node(name, rt, null, true, List.of(v), List.of(), rt, rt, rt, rt);
    }
    String ownPath = element != null ? element.path() : childPath;
    if (element != null) {
      childPath = element.path();
      if (element.contentReference() != null) {
        String ref = element.contentReference();
        childPath = ref.substring(ref.indexOf('#') + 1);
        type = "BackboneElement";
      } else if (element.types().size() == 1) {
        String code = element.types().get(0);
        type = code;
        boolean nested =
            code.equals("BackboneElement")
                || (code.equals("Element") && d != null && hasChildren(d, childPath));
        if (!nested) {
          childDefinition = code;
          childPath = code;
        }
        // R4's snapshots type Resource.id as string; FHIR says id
        if (code.equals("string")
            && element.path().endsWith(".id")
            && element.path().indexOf('.') == element.path().lastIndexOf('.')
            && d != null
            && d.kind().equals("resource")) {
          type = "id";
          childDefinition = "id";
          childPath = "id";
        }
      }
    }
    String value = v == null ? null : v.value();
    if (value == null && type.equals("xhtml") && v != null) {
      value = ""; // the XML parser leaves the markup out
    }
    List<Node> parts = v == null ? List.of() : List.of(v);
    List<Node> holders = x == null ? List.of() : List.of(x);
    return node(
        name, type, value, false, parts, holders, childDefinition, childPath, definition, ownPath);
  }

  /**
   * Whether a definition has elements below a path (an Element-typed nested element, such as
   * Timing.repeat).
   */
  private static boolean hasChildren(Definition d, String path) {
    String prefix = path + ".";
    for (String p : d.elements().keySet()) {
      if (p.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }

  private static String capitalized(String code) {
    return code.isEmpty()
        ? code
        : code.substring(0, 1).toUpperCase(Locale.ROOT) + code.substring(1);
  }
}
