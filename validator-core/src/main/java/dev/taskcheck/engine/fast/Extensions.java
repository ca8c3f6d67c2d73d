package dev.taskcheck.engine.fast;

import dev.taskcheck.model.IssueSource;
import dev.taskcheck.model.Severity;
import dev.taskcheck.parse.Node;
import dev.taskcheck.plan.ElementDef;
import dev.taskcheck.plan.TypeDef;
import dev.taskcheck.plan.TypeRef;
import org.jspecify.annotations.Nullable;

/**
 * Extensions (docs/engines/reference-behaviour.md §14): the url rules, unknown extensions
 * (information only: any extension is allowed), and the structure of the extension itself against
 * the base Extension definition.
 */
final class Extensions {

  private static final String TOOLS = "http://hl7.org/fhir/tools/StructureDefinition/";

  /**
   * Extensions the reference engine carries definitions of its own for (HL7's {@code
   * SpecialExtensions}): known, with the context {@code Resource.meta}, at most one, and the value
   * type given here. Only their plain use is reproduced: a top-level extension on a resource's
   * {@code meta} with a value of that type gives no finding; any other use is not covered.
   */
  private static final java.util.Map<String, String> BUILT_IN =
      java.util.Map.of(
          "http://hl7.org/fhir/StructureDefinition/instance-name", "valueString",
          "http://hl7.org/fhir/StructureDefinition/instance-description", "valueMarkdown");

  private static final java.util.regex.Pattern META_EXTENSION =
      java.util.regex.Pattern.compile(
          "(Task|Task\\.contained\\[\\d+\\])\\.meta\\.extension\\[\\d+\\]");

  private final Types types;
  private final java.util.function.Predicate<String> igDefines;

  Extensions(Types types) {
    this(types, url -> false);
  }

  /**
   * @param igDefines whether a loaded IG package defines a canonical URL (an extension the
   *     reference engine then checks against its definition)
   */
  Extensions(Types types, java.util.function.Predicate<String> igDefines) {
    this.types = types;
    this.igDefines = igDefines;
  }

  /** Checks one extension element (an object: the walker checked its shape). */
  void extension(Walker w, Node ext, Walker.Defs defs, Loc at, Walker.ResourceScope scope) {
    Walker.ExtensionScope parent = w.currentExtension();
    boolean nested = parent != null;
    // the definition of a known extension, checked in place of the base Extension's open value
    TypeDef definition = null;
    Node urlNode = ParserReads.primitive(ext, "url");
    String url = urlNode == null ? null : urlNode.value();
    if (urlNode == null || url == null || url.isEmpty()) {
      w.out()
          .issue(
              "structure-other",
              Severity.ERROR,
              "invalid",
              at.toString(),
              "the extension has no url",
              IssueSource.STRUCTURE,
              "Extension_EXT_Url_NotFound");
    } else if ((parent == null || parent.url() == null) && !Primitives.isAbsoluteUrl(url)) {
      // inside an extension without url (not one whose url is ""), a relative url is reported as on
      // a top-level one
      w.out()
          .issue(
              "structure-other",
              Severity.ERROR,
              "invalid",
              at.toString(),
              "the extension url '" + url + "' is not absolute",
              IssueSource.STRUCTURE,
              "Extension_EXT_URL_Absolute");
    } else {
      definition = known(w, ext, url, nested, defs, at);
    }
    TypeDef extension = types.type("Extension");
    if (extension == null) {
      throw new NotCovered("the Extension definition is missing from the plan");
    }
    Walker.ExtensionScope previous = w.enterExtension(url);
    try {
      w.children(
          ext,
          extension.root().children(),
          new Walker.Defs(
              extension.root(),
              extension,
              definition == null ? null : definition.root(),
              definition),
          at,
          scope,
          "Extension");
    } finally {
      w.leaveExtension(previous);
    }
    Invariants invariants = w.engine().invariants();
    invariants.type(
        w,
        ext,
        extension,
        invariants.extra(extension.root().constraints(), defs.base().constraints()),
        new Walker.Defs(extension.root(), extension, null, null),
        at,
        scope,
        defs);
    invariants.element(w, ext, defs, "Extension", at, scope);
    if (urlNode != null && urlNode.kind() == Node.Kind.STRING && "".equals(url)) {
      // ele-1 on an empty Extension.url (§10, extension/url-empty)
      invariants.systemStringEle1(w, at.child("url"));
    }
  }

  /** A built-in extension of the reference engine ({@link #BUILT_IN}) used as it is meant. */
  private static void builtIn(Node ext, String url, String valueName, boolean nested, Loc at) {
    boolean plain = !nested && META_EXTENSION.matcher(at.toString()).matches();
    for (Node c : ext.children()) {
      String n = c.name();
      if (n.equals("extension")
          || n.equals("_" + valueName)
          || (n.startsWith("value") && !n.equals(valueName))) {
        plain = false;
      }
    }
    Node value = ext.child(valueName);
    if (!plain || value == null || value.kind() != Node.Kind.STRING || value.inArray()) {
      throw new NotCovered(
          "the extension "
              + url
              + " (the reference engine's built-in definition) other than as one value on meta");
    }
  }

  /** The definition of a known extension to check {@code ext} against, or null for none. */
  private @Nullable TypeDef known(
      Walker w, Node ext, String url, boolean nested, Walker.Defs defs, Loc at) {
    String u = url.contains("|") ? url.substring(0, url.indexOf('|')) : url;
    if (url.contains("|")) {
      throw new NotCovered("a versioned extension url");
    }
    TypeDef def = Primitives.isAbsoluteUrl(u) ? types.plan().definition(u) : null;
    if (def != null) {
      if (!simpleUse(def, ext, nested, defs)) {
        // a simple extension whose value is absent or dropped (null, an array, a _value that is
        // not an object): probes extension/known-no-value and dar-code-array
        w.out()
            .issue(
                "structure-other",
                Severity.ERROR,
                "structure",
                at.toString(),
                "the extension " + u + " is a simple extension, so it needs a value",
                IssueSource.STRUCTURE,
                "Extension_EXT_Simple_ABSENT");
      }
      return def;
    }
    if (u.matches("http://hl7\\.org/fhir/[0-9.]+/StructureDefinition/extension-.*")) {
      throw new NotCovered("a cross-version extension " + u);
    }
    if (nested && !Primitives.isAbsoluteUrl(url)) {
      // a nested extension of an unknown extension: its relative url is its own business
      return null;
    }
    String builtInType = BUILT_IN.get(url);
    if (builtInType != null) {
      builtIn(ext, url, builtInType, nested, at);
      return null;
    }
    if (url.startsWith(TOOLS)
        || url.contains("nema.org")
        || url.equals("http://hl7.org/fhir/StructureDefinition/structuredefinition-expression")
        || url.equals("http://hl7.org/fhir/StructureDefinition/codesystem-properties-mode")) {
      return null;
    }
    if (igDefines.test(url)) {
      // known to the reference engine, which checks it against the package's definition
      throw new NotCovered("an extension a loaded IG package defines (" + url + ")");
    }
    w.out()
        .issue(
            "structure-other",
            Severity.INFORMATION,
            "structure",
            at.toString(),
            "unknown extension " + url,
            IssueSource.STRUCTURE,
            "Extension_EXT_Unknown");
    return null;
  }

  /**
   * The uses of a known extension the fast engine checks (docs/engines/fast-engine.md, "Known
   * extensions"): a simple extension (one value, no extensions inside), not a modifier, as a
   * top-level {@code extension} whose context the definition names plainly. Anything else (a
   * complex or modifier extension, a nested one, a value of a type the definition does not allow or
   * in the wrong JSON shape, a value of {@code _value} extensions alone, a context the reference
   * engine has rules of its own for) goes to the reference engine. Returns whether the extension
   * has a value the parser keeps: without one (none, {@code null}, an array, a dropping {@code
   * _value}) the caller reports {@code Extension_EXT_Simple_ABSENT}.
   */
  private boolean simpleUse(TypeDef def, Node ext, boolean inExtension, Walker.Defs defs) {
    String url = def.url();
    ElementDef root = def.root();
    ElementDef nested = root.child("extension");
    ElementDef value = root.child("value");
    if (!"Extension".equals(def.type())
        || root.modifier()
        || nested == null
        || nested.max() != 0
        || value == null
        || value.min() != 1
        || value.types().isEmpty()) {
      throw new NotCovered("the known extension " + url + " (a complex or modifier extension)");
    }
    for (TypeRef t : value.types()) {
      if (!t.profiles().isEmpty() || !t.targetProfiles().isEmpty()) {
        // the definition's own target types and profiles are not applied here yet
        throw new NotCovered("the known extension " + url + " (a value with profiles or targets)");
      }
    }
    if (inExtension || !defs.base().path().endsWith(".extension")) {
      throw new NotCovered("the known extension " + url + " other than as a plain extension");
    }
    boolean hasValue = false;
    for (Node c : ext.children()) {
      String n = c.name();
      if (n.equals("extension") || n.equals("_extension")) {
        throw new NotCovered("the known extension " + url + " with extensions inside");
      }
      String partnerOf = ParserReads.partnerOf(n);
      String base = partnerOf != null ? partnerOf : n;
      if (!base.startsWith("value") || base.length() <= 5) {
        continue;
      }
      String type = Types.choiceType(value, base);
      if (type == null) {
        throw new NotCovered("the known extension " + url + " with a value of another type");
      }
      boolean primitive = types.isPrimitive(type);
      if (partnerOf != null) {
        if (!primitive || (c.kind() == Node.Kind.OBJECT && ext.child(base) == null)) {
          // a value given by its extensions alone, or a partner of a complex value
          throw new NotCovered("the known extension " + url + " with a value of extensions only");
        }
        continue;
      }
      if (c.kind() == Node.Kind.NULL || c.inArray()) {
        continue; // dropped by the parser: no value (probes dar-code-array; null/value mutants)
      }
      if (primitive ? c.kind() == Node.Kind.OBJECT : c.kind() != Node.Kind.OBJECT) {
        throw new NotCovered("the known extension " + url + " with a value of the wrong shape");
      }
      hasValue |= !primitive || ParserReads.primitive(ext, base) != null;
    }
    if (!contextAllows(def, defs.base().path())) {
      throw new NotCovered("the known extension " + url + " in a context it does not name plainly");
    }
    return hasValue;
  }

  /**
   * Whether one of the extension's contexts plainly names where it is: {@code Element} (which the
   * reference engine lets stand on a resource too: probes extension/dar-on-task-root and
   * original-text-on-task), or the type or path of what holds the extension.
   */
  private boolean contextAllows(TypeDef def, String extensionPath) {
    String parent = extensionPath.substring(0, extensionPath.length() - ".extension".length());
    for (String c : def.contexts()) {
      if (!c.startsWith("element:")) {
        continue;
      }
      String expression = c.substring("element:".length());
      if (expression.equals(parent) || expression.equals("Element")) {
        return true;
      }
    }
    return false;
  }
}
