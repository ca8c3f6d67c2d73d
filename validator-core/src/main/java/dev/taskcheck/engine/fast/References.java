package dev.taskcheck.engine.fast;

import dev.taskcheck.model.FhirRelease;
import dev.taskcheck.model.IssueSource;
import dev.taskcheck.model.Severity;
import dev.taskcheck.parse.Node;
import dev.taskcheck.plan.ElementDef;
import dev.taskcheck.plan.TypeDef;
import dev.taskcheck.plan.TypeRef;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * References (docs/engines/reference-behaviour.md §17): what there is to follow, the syntax,
 * contained resolution, {@code Reference.type}, and the type a reference implies against the
 * element's targets, and references to another entry of a Bundle (Bundles resolves them).
 * References to contained resources' content are not covered yet.
 */
final class References {

  private static final String CORE = "http://hl7.org/fhir/StructureDefinition/";
  private static final TextPattern NO_WHITESPACE = TextPattern.lazy("\\S+");
  private static final TextPattern ID = TextPattern.lazy("[A-Za-z0-9\\-.]{1,64}");
  private static final TextPattern SEARCH =
      TextPattern.lazy("^[^?]+\\?([\\w-]+(=[^&]*)?(&[\\w-]+(=[^&]*)?)*)?$");

  private final Types types;
  private final FhirRelease release;

  References(Types types, FhirRelease release) {
    this.types = types;
    this.release = release;
  }

  void reference(Walker w, Node node, Walker.Defs defs, Loc at, Walker.ResourceScope scope) {
    Node typeNode = ParserReads.primitive(node, "type");
    if (typeNode != null && typeNode.kind() != Node.Kind.STRING) {
      throw new NotCovered("a Reference.type that is not a string");
    }
    String declared = typeNode == null ? null : typeNode.value();
    if (declared != null && !declared.isEmpty()) {
      typeBinding(w, declared, at);
    }
    String ref = stringChild(node, "reference");
    if (ref == null || ref.isEmpty()) {
      Node identifier = ParserReads.single(node, "identifier");
      if (identifier != null && identifier.kind() != Node.Kind.OBJECT) {
        identifier = null;
      }
      String system = identifier == null ? null : stringChild(identifier, "system");
      String value = identifier == null ? null : stringChild(identifier, "value");
      String display = stringChild(node, "display");
      if (empty(system) && empty(value) && empty(display)) {
        w.out()
            .issue(
                "structure-reference",
                Severity.WARNING,
                "structure",
                at.toString(),
                "a Reference without a reference or an identifier should have a display",
                IssueSource.STRUCTURE,
                "Reference_REF_NoDisplay");
      }
      return;
    }
    if (ref.equals("http://tools.ietf.org/html/bcp47")) {
      return;
    }
    boolean noWhitespace = NO_WHITESPACE.matches(ref);
    if (!noWhitespace) {
      referenceError(
          w,
          at,
          "invalid",
          "the reference '" + ref + "' contains whitespace",
          "REFERENCE_REF_INVALID_REF");
      return;
    }
    Parts parts = new Parts(ref);
    if (suspicious(ref, parts)) {
      w.out()
          .issue(
              "structure-reference",
              Severity.WARNING,
              "structure",
              at.toString(),
              "the reference '"
                  + ref
                  + "' does not look like a reference (Type/id, an absolute URL or #id)",
              IssueSource.STRUCTURE,
              "REFERENCE_REF_SUSPICIOUS");
    }
    String resolvedType = null;
    // what the reference resolves to in the document's Bundle, when it is in one
    String inBundle = w.doc().targets().type(scope.node(), ref);
    if (ref.startsWith("#")) {
      w.localReference(scope, ref.substring(1));
      Resolved target = contained(scope, ref);
      if (target == null) {
        referenceError(
            w,
            at,
            "the reference '" + ref + "' names no contained resource",
            "Reference_REF_CantResolve");
      } else {
        resolvedType = target.node().resourceType();
        if (resolvedType == null) {
          throw new NotCovered("a reference to a contained resource without a type");
        }
        targetChecks(w, resolvedType, target, defs, at);
      }
    } else if (Bundles.Targets.FORMAT2.equals(inBundle)) {
      referenceError(
          w,
          at,
          "invalid",
          "the reference '" + ref + "' in a Bundle is not of the form Type/id",
          "Reference_REF_Format2");
    } else if (inBundle != null) {
      // an entry of the Bundle: its type against the element's targets, nothing more (the
      // reference engine does not report a target's own errors there: bundle/other-entry-invalid)
      resolvedType = inBundle;
      targetType(w, inBundle, targetTypes(defs), at);
    } else {
      int q = ref.indexOf('?');
      if (q > 0 && types.isConcreteResource(ref.substring(0, q))) {
        if (!SEARCH.matches(ref)) {
          referenceError(
              w,
              at,
              "invalid",
              "the conditional reference '" + ref + "' is not a valid search",
              "REFERENCE_REF_QUERY_INVALID");
        }
      }
    }
    String implied = resolvedType != null ? resolvedType : impliedType(parts);
    List<String> targets = targetTypes(defs);
    if (declared != null && !declared.isEmpty()) {
      declaredType(w, declared, resolvedType != null ? resolvedType : implied, targets, at);
    }
    if (implied != null && !targets.isEmpty() && !ref.startsWith("#") && resolvedType == null) {
      boolean ok = false;
      for (int i = 0; i < targets.size(); i++) {
        if (isSubtype(implied, targets.get(i))) {
          ok = true;
          break;
        }
      }
      if (!ok) {
        referenceError(
            w,
            at,
            "the reference '"
                + ref
                + "' points at a "
                + implied
                + ", which is not one of "
                + targets,
            "Reference_REF_BadTargetType2");
      }
    }
  }

  /** {@code Reference.type} against its binding, with or without a reference. */
  private void typeBinding(Walker w, String declared, Loc at) {
    TypeDef reference = types.type("Reference");
    ElementDef type = reference == null ? null : reference.root().child("type");
    if (type == null) {
      throw new NotCovered("a Reference.type without the definition of Reference");
    }
    if (type.binding() != null) {
      w.engine().codes().referenceType(declared, type.binding(), at.child("type"), w.out());
    }
  }

  /**
   * {@code Reference.type} beside a reference (reference-behaviour.md §17): it must name one of the
   * element's targets (a type name, or the canonical URL of a core type), and the type the
   * reference itself shows (its URL, or the contained resource it resolves to) when there is one. A
   * conditional or {@code urn:} reference shows no type. The binding of {@code type} to the
   * resource types is the walker's.
   */
  private static void declaredType(
      Walker w, String declared, @Nullable String actual, List<String> targets, Loc at) {
    // a type name is read as the core type's URL; a URL as written
    boolean target =
        targets.contains(declared)
            || (declared.startsWith(CORE) && targets.contains(declared.substring(CORE.length())));
    if (!targets.isEmpty() && !targets.contains("Resource") && !target) {
      referenceError(
          w,
          at,
          "Reference.type '" + declared + "' is not one of the targets " + targets,
          "Reference_REF_WrongTarget");
    }
    if (actual != null && !declared.equals(actual)) {
      referenceError(
          w,
          at,
          "Reference.type '" + declared + "' is not the type of the reference, " + actual,
          "Reference_REF_BadTargetType");
    }
  }

  /** A structure-reference error at the reference, of issue type {@code structure}. */
  private static void referenceError(Walker w, Loc at, String message, String messageId) {
    referenceError(w, at, "structure", message, messageId);
  }

  /** A structure-reference error at the reference, of this issue type. */
  private static void referenceError(
      Walker w, Loc at, String type, String message, String messageId) {
    w.out()
        .issue(
            "structure-reference",
            Severity.ERROR,
            type,
            at.toString(),
            message,
            IssueSource.STRUCTURE,
            messageId);
  }

  /** A contained resource without a resource type (the walker reported the fatal finding). */
  @SuppressWarnings("DoNotCallSuggester") // not covered yet: the reference engine takes the Task
  void containedWithoutType(Walker w, Node contained, Loc at, Walker.ResourceScope scope) {
    throw new NotCovered("a contained resource without a known resource type");
  }

  /** A contained resource a reference resolved to, with where it stands. */
  record Resolved(Node node, Loc loc, Walker.ResourceScope container) {}

  /**
   * The contained resource {@code #id} names, searched in the resource holding the reference and
   * then its containers; {@code #} alone names the container of a contained resource.
   */
  private @Nullable Resolved contained(Walker.ResourceScope scope, String ref) {
    String id = ref.substring(1);
    boolean wasContained = false;
    for (Walker.ResourceScope s = scope; s != null; s = s.container()) {
      if (ref.equals("#") && s.container() == null && wasContained) {
        return new Resolved(s.node(), s.loc(), s);
      }
      if (s.container() != null) {
        wasContained = true;
      }
      List<Node> all = s.node().children("contained");
      for (int i = 0; i < all.size(); i++) {
        Node c = all.get(i);
        if (id.equals(c.childValue("id"))) {
          return new Resolved(c, s.loc().child("contained", i), s);
        }
      }
    }
    return null;
  }

  /**
   * A resolved reference's target against the element's targets: a type it may not be is an error;
   * a target of a type it may be that has errors of its own gets an information at the reference
   * (checked once the container's contained resources are all walked).
   */
  private void targetChecks(Walker w, String type, Resolved target, Walker.Defs defs, Loc at) {
    List<String> targets = targetTypes(defs);
    if (targets.isEmpty() || targets.contains("Resource") || !targetType(w, type, targets, at)) {
      return;
    }
    String targetPath = target.loc().toString();
    String expression = at.toString();
    Walker.ResourceScope owner = target.container();
    w.contextual();
    owner
        .afterContained()
        .add(
            () -> {
              for (dev.taskcheck.model.Issue i : w.out().issues()) {
                String e = i.expression();
                boolean inside =
                    e != null && (e.equals(targetPath) || e.startsWith(targetPath + "."));
                if (inside
                    && i.severity().isAtLeast(Severity.ERROR)
                    && (i.messageId() == null || !CONTAINER_LEVEL.contains(i.messageId()))) {
                  w.out()
                      .issue(
                          "structure-other",
                          Severity.INFORMATION,
                          "structure",
                          expression,
                          "the contained "
                              + type
                              + " this reference points at has errors of its own",
                          IssueSource.STRUCTURE,
                          "Details_for__matching_against_Profile_");
                  return;
                }
              }
            });
  }

  /**
   * A resolved target's type against the element's targets (none, or {@code Resource}: any): an
   * error when it may not be one of them. Returns whether it may.
   */
  private static boolean targetType(Walker w, String type, List<String> targets, Loc at) {
    if (targets.isEmpty() || targets.contains("Resource") || targets.contains(type)) {
      return true;
    }
    referenceError(
        w,
        at,
        "the reference points at a " + type + ", which is not one of " + targets,
        "Reference_REF_BadTargetType");
    return false;
  }

  /** Findings about a contained resource that come from its container, not from checking it. */
  private static final java.util.Set<String> CONTAINER_LEVEL =
      java.util.Set.of(
          "CONTAINED_ORPHAN_DOM3", "Resource_RES_ID_Missing", "RESOURCE_DUPLICATE_CONTAINED_ID");

  /**
   * The reference engine's suspicion: not absolute, not #..., and neither Type/id nor
   * Type/id/_history/v.
   */
  private boolean suspicious(String url, Parts parts) {
    if (Primitives.isAbsoluteUrl(url) || url.startsWith("#")) {
      return false;
    }
    if (parts.length == 2
        && types.isConcreteResourceName(parts.get(0))
        && ID.matches(parts.get(1))) {
      return false;
    }
    return !(parts.length == 4
        && types.isConcreteResourceName(parts.get(0))
        && ID.matches(parts.get(1))
        && parts.is(2, "_history")
        && ID.matches(parts.get(3)));
  }

  /**
   * A reference's parts between slashes, as {@code String.split("/")} gives them (the reference
   * engine splits so): empty parts kept, except at the end, which are dropped; an empty text is one
   * empty part. Each part is cut out only when asked for.
   */
  static final class Parts {
    private final String text;

    /** Where each part starts; part i ends one before where part i + 1 starts, or at the end. */
    private final int[] starts;

    final int length;

    Parts(String text) {
      this.text = text;
      int slashes = 0;
      for (int i = 0; i < text.length(); i++) {
        if (text.charAt(i) == '/') {
          slashes++;
        }
      }
      int[] at = new int[slashes + 1];
      int k = 1;
      for (int i = 0; i < text.length(); i++) {
        if (text.charAt(i) == '/') {
          at[k++] = i + 1;
        }
      }
      this.starts = at;
      int count = at.length;
      if (text.isEmpty()) {
        this.length = 1;
        return;
      }
      while (count > 0 && end(count - 1) == at[count - 1]) {
        count--; // an empty part at the end
      }
      this.length = count;
    }

    private int end(int i) {
      return i + 1 < starts.length ? starts[i + 1] - 1 : text.length();
    }

    /** The first part, once cut out: the type of {@code Type/id}, asked for twice. */
    private @Nullable String first;

    String get(int i) {
      if (i < 0 || i >= length) {
        throw new IndexOutOfBoundsException(i);
      }
      if (i == 0) {
        String f = first;
        if (f == null) {
          f = text.substring(0, end(0));
          first = f;
        }
        return f;
      }
      return text.substring(starts[i], end(i));
    }

    /** Whether part i is {@code what}, without cutting it out. */
    boolean is(int i, String what) {
      int start = starts[i];
      int end = end(i);
      return end - start == what.length() && text.startsWith(what, start);
    }
  }

  /**
   * The resource type a reference's text implies ({@code Patient/1}, {@code
   * http://x/Patient/1/_history/2}), from its parts between slashes.
   */
  private @Nullable String impliedType(Parts parts) {
    String candidate;
    switch (parts.length) {
      case 0, 1 -> {
        // "/" and "//" split into no parts: the HL7 validator fails on them as on "Patient//1"
        // (ReferenceEngineQuirksTest); no type is implied
        return null;
      }
      case 2 -> candidate = parts.get(0);
      default ->
          candidate =
              parts.is(parts.length - 2, "_history") && parts.length >= 4
                  ? parts.get(parts.length - 4)
                  : parts.get(parts.length - 2);
    }
    return types.type(candidate) != null ? candidate : null;
  }

  /**
   * The target types of an element's Reference type, by the element's list of types (the plan's
   * object, compared by identity: the same for every document).
   */
  private final IdentityCache<List<String>> targets = new IdentityCache<>();

  private List<String> targetTypes(Walker.Defs defs) {
    List<TypeRef> types = defs.base().types();
    List<String> known = targets.get(types);
    if (known == null) {
      known = List.copyOf(findTargetTypes(types));
      targets.put(types, known);
    }
    return known;
  }

  private List<String> findTargetTypes(List<TypeRef> elementTypes) {
    List<String> out = new ArrayList<>();
    for (TypeRef t : elementTypes) {
      if (!t.code().equals("Reference")) {
        continue;
      }
      for (String profile : t.targetProfiles()) {
        TypeDef sd = types.plan().definition(profile);
        if (sd != null) {
          out.add(sd.type());
        }
      }
    }
    return out;
  }

  private boolean isSubtype(String type, String target) {
    return types.lineage(type).contains(target);
  }

  private static @Nullable String stringChild(Node n, String name) {
    Node c = ParserReads.primitive(n, name);
    return c == null ? null : c.value();
  }

  private static boolean empty(@Nullable String s) {
    return s == null || s.isEmpty();
  }

  FhirRelease release() {
    return release;
  }
}
