package dev.taskcheck.engine.fast;

import dev.taskcheck.model.IssueSource;
import dev.taskcheck.model.Severity;
import dev.taskcheck.parse.Node;
import dev.taskcheck.plan.TypeDef;
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

  Extensions(Types types) {
    this.types = types;
  }

  /** Checks one extension element (an object: the walker checked its shape). */
  void extension(Walker w, Node ext, Walker.Defs defs, Loc at, Walker.ResourceScope scope) {
    String parentUrl = w.currentExtension();
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
    } else if (parentUrl == null && !Primitives.isAbsoluteUrl(url)) {
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
      known(w, ext, url, parentUrl, at);
    }
    TypeDef extension = types.type("Extension");
    if (extension == null) {
      throw new NotCovered("the Extension definition is missing from the plan");
    }
    String previous = w.enterExtension(url == null ? "" : url);
    try {
      w.children(
          ext,
          extension.root().children(),
          new Walker.Defs(extension.root(), extension, null, null),
          at,
          scope,
          "Extension");
    } finally {
      w.leaveExtension(previous);
    }
    w.engine()
        .invariants()
        .type(
            w,
            ext,
            extension,
            new Walker.Defs(extension.root(), extension, null, null),
            at,
            scope,
            defs);
    w.engine().invariants().element(w, ext, defs, "Extension", at, scope);
    if (urlNode != null && urlNode.kind() == Node.Kind.STRING && "".equals(url)) {
      // ele-1 on an empty Extension.url (§10, extension/url-empty)
      w.engine().invariants().systemStringEle1(w, at.child("url"));
    }
  }

  /** A built-in extension of the reference engine ({@link #BUILT_IN}) used as it is meant. */
  private static void builtIn(
      Node ext, String url, String valueName, @Nullable String parentUrl, Loc at) {
    boolean plain = parentUrl == null && META_EXTENSION.matcher(at.toString()).matches();
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

  private void known(Walker w, Node ext, String url, @Nullable String parentUrl, Loc at) {
    String u = url.contains("|") ? url.substring(0, url.indexOf('|')) : url;
    if (url.contains("|")) {
      throw new NotCovered("a versioned extension url");
    }
    TypeDef def = Primitives.isAbsoluteUrl(u) ? types.plan().definition(u) : null;
    if (def != null) {
      throw new NotCovered("the known extension " + u + " (its definition's checks are pending)");
    }
    if (u.matches("http://hl7\\.org/fhir/[0-9.]+/StructureDefinition/extension-.*")) {
      throw new NotCovered("a cross-version extension " + u);
    }
    if (parentUrl != null && !Primitives.isAbsoluteUrl(url)) {
      // a nested extension of an unknown extension: its relative url is its own business
      return;
    }
    String builtInType = BUILT_IN.get(url);
    if (builtInType != null) {
      builtIn(ext, url, builtInType, parentUrl, at);
      return;
    }
    if (url.startsWith(TOOLS)
        || url.contains("nema.org")
        || url.equals("http://hl7.org/fhir/StructureDefinition/structuredefinition-expression")
        || url.equals("http://hl7.org/fhir/StructureDefinition/codesystem-properties-mode")) {
      return;
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
  }
}
