package dev.taskcheck.plan;

import dev.taskcheck.parse.Node;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.jspecify.annotations.Nullable;

/**
 * Compiles conformance resources (StructureDefinitions with snapshots, ValueSets, CodeSystems),
 * parsed with TaskCheck's own parser from JSON or XML, into a {@link Plan}: element trees, value
 * set expansions and code systems. Resources are taken in the order given; a later resource with
 * the same canonical URL replaces an earlier one (as a support chain loading the packages in that
 * order does). What cannot be compiled is not guessed: a StructureDefinition without a snapshot is
 * left out, and a value set the compiler cannot expand is marked {@linkplain
 * ValueSetDef#incomplete() incomplete} with the reason; {@link #problems()} lists both.
 */
public final class PlanCompiler {

  static final String REGEX_EXTENSION = "http://hl7.org/fhir/StructureDefinition/regex";
  static final String BEST_PRACTICE =
      "http://hl7.org/fhir/StructureDefinition/elementdefinition-bestpractice";
  static final String BINDING_NAME =
      "http://hl7.org/fhir/StructureDefinition/elementdefinition-bindingName";
  static final String FHIR_TYPE =
      "http://hl7.org/fhir/StructureDefinition/structuredefinition-fhir-type";
  static final String SYSTEM_TYPES = "http://hl7.org/fhirpath/System.";

  private final Map<String, Node> structureDefinitions = new LinkedHashMap<>();
  private final Map<String, Node> valueSets = new LinkedHashMap<>();
  private final Map<String, Node> codeSystems = new LinkedHashMap<>();
  private final List<String> problems = new ArrayList<>();

  /** Adds a resource, or every resource of a Bundle; other resource types are ignored. */
  public PlanCompiler add(Node resource) {
    String type = resource.resourceType();
    if ("Bundle".equals(type)) {
      for (Node entry : resource.children("entry")) {
        Node r = entry.child("resource");
        if (r != null) {
          add(r);
        }
      }
      return this;
    }
    String url = resource.childValue("url");
    if (url == null || type == null) {
      return this;
    }
    switch (type) {
      case "StructureDefinition" -> put(structureDefinitions, url, resource);
      case "ValueSet" -> put(valueSets, url, resource);
      case "CodeSystem" -> put(codeSystems, url, resource);
      default -> {}
    }
    return this;
  }

  private static void put(Map<String, Node> map, String url, Node resource) {
    map.remove(url);
    map.put(url, resource);
  }

  /** What could not be compiled (definitions without a snapshot, value sets not fully expanded). */
  public List<String> problems() {
    return List.copyOf(problems);
  }

  /** Compiles everything added so far. */
  public Plan compile(String fhirVersion) {
    Map<String, CodeSystemDef> systems = new LinkedHashMap<>();
    for (Node cs : codeSystems.values()) {
      CodeSystemDef def = codeSystem(cs);
      systems.put(def.url(), def);
    }
    Map<String, ValueSetDef> sets = new LinkedHashMap<>();
    Expander expander = new Expander(systems);
    for (Node vs : valueSets.values()) {
      ValueSetDef def = expander.expand(vs);
      sets.put(def.url(), def);
      if (def.incomplete() != null) {
        problems.add("ValueSet " + def.url() + ": " + def.incomplete());
      }
    }
    Map<String, TypeDef> definitions = new LinkedHashMap<>();
    Map<String, String> typeUrls = new HashMap<>();
    for (Node sd : structureDefinitions.values()) {
      TypeDef def = structureDefinition(sd);
      if (def == null) {
        continue;
      }
      definitions.put(def.url(), def);
      if (!def.constraint()) {
        typeUrls.put(def.type(), def.url());
      }
    }
    return Plan.of(fhirVersion, typeUrls, definitions, sets, systems);
  }

  // ------------------------------------------------------------ StructureDefinitions

  private @Nullable TypeDef structureDefinition(Node sd) {
    String url = value(sd, "url");
    Node snapshot = sd.child("snapshot");
    List<Node> elements = snapshot == null ? List.of() : snapshot.children("element");
    if (elements.isEmpty()) {
      problems.add("StructureDefinition " + url + " has no snapshot; it is left out of the plan");
      return null;
    }
    String kind = value(sd, "kind");
    String type = sd.childValue("type");
    if (type == null) {
      type = sd.childValue("constrainedType");
    }
    if (type == null) {
      type = value(sd, "name");
    }
    boolean constraint = "constraint".equals(sd.childValue("derivation"));
    List<ElementDef> flat = new ArrayList<>(elements.size());
    for (Node e : elements) {
      flat.add(element(e));
    }
    ElementDef root = tree(flat, url);
    String regex = null;
    if (TypeDef.Kind.fromCode(kind) == TypeDef.Kind.PRIMITIVE_TYPE) {
      regex = primitiveRegex(elements);
    }
    return new TypeDef(
        url,
        sd.childValue("version"),
        value(sd, "name"),
        type,
        TypeDef.Kind.fromCode(kind),
        constraint,
        sd.childValue("baseDefinition"),
        "true".equals(sd.childValue("abstract")),
        regex,
        contexts(sd),
        root);
  }

  /** An extension's contexts as {@code type:expression} (R4 and later: {@code context[]}). */
  private static List<String> contexts(Node sd) {
    List<String> out = new ArrayList<>();
    for (Node c : sd.children("context")) {
      String type = c.childValue("type");
      String expression = c.childValue("expression");
      if (type != null && expression != null) {
        out.add(type + ":" + expression);
      }
    }
    return out;
  }

  private static @Nullable String primitiveRegex(List<Node> elements) {
    for (Node e : elements) {
      String path = e.childValue("path");
      if (path != null && path.endsWith(".value")) {
        for (Node t : e.children("type")) {
          String r = extensionValue(t, REGEX_EXTENSION);
          if (r == null) {
            Node code = t.child("_code");
            r = code == null ? null : extensionValue(code, REGEX_EXTENSION);
          }
          if (r != null) {
            return r;
          }
        }
      }
    }
    return null;
  }

  /**
   * Nests the snapshot's elements by their ids ({@code Task.input.type} goes under {@code
   * Task.input}).
   */
  private ElementDef tree(List<ElementDef> flat, String url) {
    Map<String, List<ElementDef>> childrenOf = new HashMap<>();
    for (ElementDef e : flat) {
      childrenOf.put(e.id(), new ArrayList<>());
    }
    ElementDef root = flat.get(0);
    for (int i = 1; i < flat.size(); i++) {
      ElementDef e = flat.get(i);
      String parent = parentId(e.id());
      List<ElementDef> siblings = parent == null ? null : childrenOf.get(parent);
      if (siblings == null) {
        problems.add(
            "StructureDefinition "
                + url
                + ": element "
                + e.id()
                + " has no parent in the snapshot");
        continue;
      }
      siblings.add(e);
    }
    return build(root, childrenOf);
  }

  private static ElementDef build(ElementDef e, Map<String, List<ElementDef>> childrenOf) {
    List<ElementDef> kids = childrenOf.getOrDefault(e.id(), List.of());
    if (kids.isEmpty()) {
      return e;
    }
    List<ElementDef> built = new ArrayList<>(kids.size());
    for (ElementDef k : kids) {
      built.add(build(k, childrenOf));
    }
    return e.withChildren(built);
  }

  /**
   * {@code Task.input.type} to {@code Task.input}; {@code Task.extension:foo.url} to {@code
   * Task.extension:foo}.
   */
  static @Nullable String parentId(String id) {
    int depth = 0;
    for (int i = id.length() - 1; i >= 0; i--) {
      char c = id.charAt(i);
      if (c == ']' || c == ')') {
        depth++;
      } else if (c == '[' || c == '(') {
        depth--;
      } else if (c == '.' && depth == 0) {
        return id.substring(0, i);
      }
    }
    return null;
  }

  private ElementDef element(Node e) {
    String path = value(e, "path");
    String id = e.childValue("id");
    if (id == null) {
      id = path;
    }
    int min = integer(e.childValue("min"), 0);
    String maxText = e.childValue("max");
    int max =
        maxText == null
            ? ElementDef.UNBOUNDED
            : maxText.equals("*") ? ElementDef.UNBOUNDED : integer(maxText, 1);
    List<TypeRef> types = new ArrayList<>();
    for (Node t : e.children("type")) {
      String code = t.childValue("code");
      if (code == null) {
        continue;
      }
      if (code.startsWith(SYSTEM_TYPES) && !path.endsWith(".value")) {
        // an element whose type is a FHIRPath system type (Element.id, Resource.id, Extension.url)
        // has its FHIR
        // type in an extension: validation treats it as that primitive
        String fhirType = extensionValue(t, FHIR_TYPE);
        if (fhirType == null) {
          Node c = t.child("_code");
          fhirType = c == null ? null : extensionValue(c, FHIR_TYPE);
        }
        if (fhirType != null) {
          code = fhirType;
        }
      }
      types.add(new TypeRef(code, values(t, "profile"), values(t, "targetProfile")));
    }
    String contentReference = e.childValue("contentReference");
    if (contentReference != null) {
      int hash = contentReference.indexOf('#');
      contentReference = hash >= 0 ? contentReference.substring(hash + 1) : contentReference;
    }
    Binding binding = null;
    Node b = e.child("binding");
    if (b != null && b.childValue("strength") != null) {
      String vs = b.childValue("valueSet");
      if (vs == null) {
        vs = b.childValue("valueSetUri");
      }
      if (vs == null) {
        Node ref = b.child("valueSetReference");
        vs = ref == null ? null : ref.childValue("reference");
      }
      binding =
          new Binding(
              Binding.Strength.fromCode(value(b, "strength")), vs, extensionValue(b, BINDING_NAME));
    }
    List<Constraint> constraints = new ArrayList<>();
    for (Node c : e.children("constraint")) {
      String key = c.childValue("key");
      if (key == null) {
        continue;
      }
      constraints.add(
          new Constraint(
              key,
              !"warning".equals(c.childValue("severity")),
              orEmpty(c.childValue("human")),
              c.childValue("expression"),
              orEmpty(c.childValue("source")),
              "true".equals(extensionValue(c, BEST_PRACTICE))));
    }
    ElementDef.Slicing slicing = null;
    Node s = e.child("slicing");
    if (s != null) {
      List<String> discriminators = new ArrayList<>();
      for (Node d : s.children("discriminator")) {
        discriminators.add(orEmpty(d.childValue("type")) + ":" + orEmpty(d.childValue("path")));
      }
      slicing =
          new ElementDef.Slicing(
              discriminators,
              "true".equals(s.childValue("ordered")),
              s.childValue("rules") == null ? "open" : value(s, "rules"));
    }
    return new ElementDef(
        id,
        path,
        min,
        max,
        types,
        contentReference,
        binding,
        constraints,
        choiceValue(e, "fixed"),
        choiceValue(e, "pattern"),
        "true".equals(e.childValue("isModifier")),
        values(e, "representation"),
        e.childValue("sliceName"),
        slicing,
        integer(e.childValue("maxLength"), 0),
        choiceValue(e, "minValue"),
        choiceValue(e, "maxValue"),
        List.of());
  }

  /**
   * The value of a choice element such as {@code fixed[x]} ({@code fixedUri}, {@code
   * patternCodeableConcept}).
   */
  private static @Nullable FixedValue choiceValue(Node parent, String prefix) {
    for (Node c : parent.children()) {
      String n = c.name();
      if (n.length() > prefix.length()
          && n.startsWith(prefix)
          && Character.isUpperCase(n.charAt(prefix.length()))) {
        return new FixedValue(primitiveOrComplex(n.substring(prefix.length())), tree(c, parent));
      }
    }
    return null;
  }

  /**
   * The type name from an element-name suffix: {@code Uri} is the primitive {@code uri}, {@code
   * CodeableConcept} the complex type; {@code DateTime} is {@code dateTime}.
   */
  static String primitiveOrComplex(String suffix) {
    String lower = Character.toLowerCase(suffix.charAt(0)) + suffix.substring(1);
    return PRIMITIVES.contains(lower)
        ? lower
        : Character.toUpperCase(suffix.charAt(0)) + suffix.substring(1);
  }

  private static final Set<String> PRIMITIVES =
      Set.of(
          "base64Binary",
          "boolean",
          "canonical",
          "code",
          "date",
          "dateTime",
          "decimal",
          "id",
          "instant",
          "integer",
          "integer64",
          "markdown",
          "oid",
          "positiveInt",
          "string",
          "time",
          "unsignedInt",
          "uri",
          "url",
          "uuid",
          "xhtml");

  /**
   * A node as a value tree; a JSON primitive's {@code _name} sibling adds its id and extensions.
   */
  private static FixedValue.Value tree(Node n, @Nullable Node parent) {
    List<FixedValue.Field> fields = new ArrayList<>();
    if (parent != null && n.value() != null) {
      Node shadow = parent.child("_" + n.name());
      if (shadow != null) {
        for (Node c : shadow.children()) {
          fields.add(new FixedValue.Field(c.name(), tree(c, shadow)));
        }
      }
    }
    for (Node c : n.children()) {
      if (!c.name().startsWith("_")) {
        fields.add(new FixedValue.Field(c.name(), tree(c, n)));
      }
    }
    return new FixedValue.Value(n.value(), fields);
  }

  // ------------------------------------------------------------ CodeSystems

  private static CodeSystemDef codeSystem(Node cs) {
    Map<String, CodeSystemDef.Concept> concepts = new LinkedHashMap<>();
    Map<String, List<String>> parents = new HashMap<>();
    for (Node c : cs.children("concept")) {
      collectConcepts(c, null, concepts, parents);
    }
    // parents declared as properties ("parent", "subsumedBy") join the nesting
    Map<String, CodeSystemDef.Concept> withParents = new LinkedHashMap<>();
    for (CodeSystemDef.Concept c : concepts.values()) {
      List<String> p = parents.getOrDefault(c.code(), List.of());
      withParents.put(
          c.code(),
          new CodeSystemDef.Concept(
              c.code(), c.display(), c.designations(), p, c.notSelectable(), c.inactive()));
    }
    String content = cs.childValue("content");
    return new CodeSystemDef(
        value(cs, "url"),
        cs.childValue("version"),
        orEmpty(cs.childValue("name")),
        content == null ? "complete" : content,
        !"false".equals(cs.childValue("caseSensitive")),
        withParents);
  }

  private static void collectConcepts(
      Node c,
      @Nullable String parent,
      Map<String, CodeSystemDef.Concept> out,
      Map<String, List<String>> parents) {
    String code = c.childValue("code");
    if (code == null) {
      return;
    }
    List<String> designations = new ArrayList<>();
    for (Node d : c.children("designation")) {
      String v = d.childValue("value");
      if (v != null) {
        designations.add(v);
      }
    }
    boolean notSelectable = false;
    boolean inactive = false;
    for (Node p : c.children("property")) {
      String pc = p.childValue("code");
      String v = propertyValue(p);
      if (pc == null || v == null) {
        continue;
      }
      switch (pc) {
        case "notSelectable", "abstract" -> notSelectable |= v.equals("true");
        case "status" ->
            inactive |= v.equals("retired") || v.equals("deprecated") || v.equals("inactive");
        case "inactive", "deprecated" -> inactive |= v.equals("true");
        case "parent", "subsumedBy" -> parents.computeIfAbsent(code, k -> new ArrayList<>()).add(v);
        default -> {}
      }
    }
    if (parent != null) {
      parents.computeIfAbsent(code, k -> new ArrayList<>()).add(parent);
    }
    out.putIfAbsent(
        code,
        new CodeSystemDef.Concept(
            code, c.childValue("display"), designations, List.of(), notSelectable, inactive));
    for (Node child : c.children("concept")) {
      collectConcepts(child, code, out, parents);
    }
  }

  private static @Nullable String propertyValue(Node property) {
    for (Node v : property.children()) {
      if (v.name().startsWith("value") && v.value() != null) {
        return v.value();
      }
    }
    return null;
  }

  // ------------------------------------------------------------ ValueSets

  /** Expands value sets from their compose, with the code systems of the plan. */
  private final class Expander {
    private final Map<String, CodeSystemDef> systems;
    private final Map<String, ValueSetDef> done = new HashMap<>();
    private final Set<String> expanding = new LinkedHashSet<>();

    Expander(Map<String, CodeSystemDef> systems) {
      this.systems = systems;
    }

    ValueSetDef expand(Node vs) {
      String url = value(vs, "url");
      ValueSetDef known = done.get(url);
      if (known != null) {
        return known;
      }
      ValueSetDef def;
      if (!expanding.add(url)) {
        def =
            new ValueSetDef(
                url,
                vs.childValue("version"),
                name(vs),
                List.of(),
                ValueSetDef.INCLUDES_ITSELF,
                List.of(),
                false);
      } else {
        try {
          def = compute(vs, url);
        } finally {
          expanding.remove(url);
        }
      }
      done.put(url, def);
      return def;
    }

    private ValueSetDef compute(Node vs, String url) {
      Map<String, ValueSetDef.Code> codes = new LinkedHashMap<>();
      Set<String> usedSystems = new LinkedHashSet<>();
      List<String> incomplete = new ArrayList<>();
      // set when a part of the value set draws on systems the compiler cannot name
      boolean[] systemsUnknown = {false};
      Node compose = vs.child("compose");
      if (compose == null) {
        Node expansion = vs.child("expansion");
        if (expansion == null) {
          incomplete.add(ValueSetDef.NO_CONTENT);
          systemsUnknown[0] = true;
        } else {
          collectExpansion(expansion, codes, usedSystems);
        }
      } else {
        for (Node include : compose.children("include")) {
          Map<String, ValueSetDef.Code> part =
              include(include, usedSystems, incomplete, systemsUnknown);
          codes.putAll(part);
        }
        for (Node exclude : compose.children("exclude")) {
          Map<String, ValueSetDef.Code> part =
              include(exclude, new LinkedHashSet<>(), new ArrayList<>(), new boolean[1]);
          part.keySet().forEach(codes::remove);
        }
      }
      return new ValueSetDef(
          url,
          vs.childValue("version"),
          name(vs),
          List.copyOf(codes.values()),
          incomplete.isEmpty() ? null : String.join("; ", incomplete),
          List.copyOf(usedSystems),
          !systemsUnknown[0]);
    }

    private void collectExpansion(
        Node n, Map<String, ValueSetDef.Code> codes, Set<String> usedSystems) {
      for (Node c : n.children("contains")) {
        String system = c.childValue("system");
        String code = c.childValue("code");
        if (system != null && code != null) {
          usedSystems.add(system);
          codes.put(
              system + "|" + code, new ValueSetDef.Code(system, code, c.childValue("display")));
        }
        collectExpansion(c, codes, usedSystems);
      }
    }

    /**
     * The codes of one include (or exclude): its concepts or filters from its system, within its
     * value sets.
     */
    private Map<String, ValueSetDef.Code> include(
        Node include, Set<String> usedSystems, List<String> incomplete, boolean[] systemsUnknown) {
      String system = include.childValue("system");
      Map<String, ValueSetDef.Code> fromSystem = null;
      if (system != null) {
        usedSystems.add(system);
        fromSystem = fromSystem(include, system, incomplete);
      }
      Map<String, ValueSetDef.Code> result = fromSystem;
      for (Node ref : include.children("valueSet")) {
        String target = ref.value();
        if (target == null) {
          continue;
        }
        Node other = valueSets.get(stripVersion(target));
        Map<String, ValueSetDef.Code> imported = new LinkedHashMap<>();
        if (other == null) {
          incomplete.add(ValueSetDef.UNKNOWN_VALUE_SET + target);
          systemsUnknown[0] = true;
        } else {
          ValueSetDef def = expand(other);
          usedSystems.addAll(def.systems());
          if (!def.systemsComplete()) {
            systemsUnknown[0] = true;
          }
          if (def.incomplete() != null) {
            incomplete.add(
                "it includes " + target + ", which is incomplete (" + def.incomplete() + ")");
          }
          for (ValueSetDef.Code c : def.codes()) {
            imported.put(c.system() + "|" + c.code(), c);
          }
        }
        if (result == null) {
          result = imported;
        } else {
          result.keySet().retainAll(imported.keySet());
        }
      }
      return result == null ? new LinkedHashMap<>() : result;
    }

    private Map<String, ValueSetDef.Code> fromSystem(
        Node include, String system, List<String> incomplete) {
      Map<String, ValueSetDef.Code> out = new LinkedHashMap<>();
      CodeSystemDef cs = systems.get(system);
      List<Node> concepts = include.children("concept");
      List<Node> filters = include.children("filter");
      if (!concepts.isEmpty()) {
        for (Node c : concepts) {
          String code = c.childValue("code");
          if (code == null) {
            continue;
          }
          String display = c.childValue("display");
          if (display == null && cs != null) {
            CodeSystemDef.Concept k = cs.concept(code);
            display = k == null ? null : k.display();
          }
          out.put(system + "|" + code, new ValueSetDef.Code(system, code, display));
        }
        return out;
      }
      if (cs == null || !cs.isComplete()) {
        incomplete.add(
            "it draws on "
                + system
                + (cs == null
                    ? ", which the definitions do not hold"
                    : ", whose definition is " + cs.content()));
        return out;
      }
      Set<String> selected = new LinkedHashSet<>(cs.concepts().keySet());
      for (Node f : filters) {
        String property = orEmpty(f.childValue("property"));
        String op = orEmpty(f.childValue("op"));
        String val = orEmpty(f.childValue("value"));
        Set<String> matching = filter(cs, property, op, val);
        if (matching == null) {
          incomplete.add(
              "it filters "
                  + system
                  + " by "
                  + property
                  + " "
                  + op
                  + " "
                  + val
                  + ", which the compiler cannot evaluate");
          return new LinkedHashMap<>();
        }
        selected.retainAll(matching);
      }
      for (String code : selected) {
        CodeSystemDef.Concept k = cs.concepts().get(code);
        out.put(
            system + "|" + code,
            new ValueSetDef.Code(system, code, k == null ? null : k.display()));
      }
      return out;
    }

    /** The codes a filter selects, or null for a filter the compiler does not evaluate. */
    private @Nullable Set<String> filter(
        CodeSystemDef cs, String property, String op, String value) {
      if (property.equals("concept")
          && (op.equals("is-a") || op.equals("descendent-of") || op.equals("is-not-a"))) {
        Set<String> descendants = descendants(cs, value);
        if (op.equals("is-a")) {
          if (cs.concepts().containsKey(value)) {
            descendants.add(value);
          }
          return descendants;
        }
        if (op.equals("descendent-of")) {
          return descendants;
        }
        Set<String> all = new LinkedHashSet<>(cs.concepts().keySet());
        all.removeAll(descendants);
        all.remove(value);
        return all;
      }
      if (property.equals("code") && op.equals("regex")) {
        try {
          Pattern p = Pattern.compile(value);
          Set<String> out = new LinkedHashSet<>();
          for (String code : cs.concepts().keySet()) {
            if (p.matcher(code).matches()) {
              out.add(code);
            }
          }
          return out;
        } catch (PatternSyntaxException e) {
          return null;
        }
      }
      if ((property.equals("parent") || property.equals("subsumedBy")) && op.equals("=")) {
        Set<String> out = new LinkedHashSet<>();
        for (CodeSystemDef.Concept c : cs.concepts().values()) {
          if (c.parents().contains(value)) {
            out.add(c.code());
          }
        }
        return out;
      }
      return null;
    }

    private Set<String> descendants(CodeSystemDef cs, String code) {
      Map<String, List<String>> childrenOf = new HashMap<>();
      for (CodeSystemDef.Concept c : cs.concepts().values()) {
        for (String p : c.parents()) {
          childrenOf.computeIfAbsent(p, k -> new ArrayList<>()).add(c.code());
        }
      }
      Set<String> out = new LinkedHashSet<>();
      List<String> queue = new ArrayList<>(childrenOf.getOrDefault(code, List.of()));
      while (!queue.isEmpty()) {
        String next = queue.remove(queue.size() - 1);
        if (out.add(next)) {
          queue.addAll(childrenOf.getOrDefault(next, List.of()));
        }
      }
      return out;
    }
  }

  // ------------------------------------------------------------ helpers

  private static String name(Node resource) {
    String n = resource.childValue("name");
    if (n == null) {
      n = resource.childValue("title");
    }
    return n == null ? orEmpty(resource.childValue("url")) : n;
  }

  static String stripVersion(String url) {
    int bar = url.indexOf('|');
    return bar < 0 ? url : url.substring(0, bar);
  }

  private static String value(Node n, String child) {
    String v = n.childValue(child);
    if (v == null) {
      throw new IllegalArgumentException(n.name() + " at line " + n.line() + " has no " + child);
    }
    return v;
  }

  private static List<String> values(Node n, String child) {
    List<String> out = new ArrayList<>();
    for (Node c : n.children(child)) {
      if (c.value() != null) {
        out.add(c.value());
      }
    }
    return out;
  }

  /** The value of the extension with this URL on {@code n} (any {@code value[x]}), or null. */
  static @Nullable String extensionValue(Node n, String url) {
    for (Node ext : n.children("extension")) {
      if (url.equals(ext.childValue("url"))) {
        for (Node v : ext.children()) {
          if (v.name().startsWith("value") && v.value() != null) {
            return v.value();
          }
        }
      }
    }
    return null;
  }

  private static int integer(@Nullable String text, int fallback) {
    if (text == null) {
      return fallback;
    }
    try {
      return Integer.parseInt(text.strip());
    } catch (NumberFormatException e) {
      return fallback;
    }
  }

  private static String orEmpty(@Nullable String s) {
    return s == null ? "" : s;
  }
}
