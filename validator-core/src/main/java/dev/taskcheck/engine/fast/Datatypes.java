package dev.taskcheck.engine.fast;

import dev.taskcheck.model.IssueSource;
import dev.taskcheck.model.Severity;
import dev.taskcheck.parse.Node;
import java.util.regex.Pattern;

/**
 * The checks of particular datatypes beyond their definitions (docs/engines/reference-behaviour.md
 * §11-13, §17): codings, identifiers, quantities, attachments, references, narratives.
 */
final class Datatypes {

  private final Codes codes;
  private final References references;

  Datatypes(Codes codes, References references) {
    this.codes = codes;
    this.references = references;
  }

  void check(
      Walker walker,
      Node value,
      String type,
      Walker.Defs defs,
      Loc at,
      Walker.ResourceScope scope) {
    switch (type) {
      case "CodeableConcept" ->
          codes.codeableConcept(
              value, defs.base().binding(), at, walker.doc().baseOnly(), walker.out());
      case "Coding" -> {
        if (!defs.base().path().endsWith("CodeableConcept.coding")) {
          codes.coding(value, defs.base().binding(), at, walker.doc().baseOnly(), walker.out());
        }
      }
      case "Reference" -> references.reference(walker, value, defs, at, scope);
      case "Narrative" -> narrative(walker, value, at, scope);
      case "Identifier" -> identifier(value, at, walker.out());
      case "Quantity", "SimpleQuantity" -> codes.quantityUnit(value, at, walker.out());
      case "Attachment" -> special(type);
      default -> {}
    }
  }

  private final Narratives narratives = new Narratives();

  /**
   * The narrative's div checked as XHTML (txt-1 and txt-2 are then decided from the outcome); its
   * {@code #x} links count as references of the resource for dom-3.
   */
  private void narrative(Walker w, Node narrative, Loc at, Walker.ResourceScope scope) {
    Node div = narrative.child("div");
    if (div == null
        || div.kind() == Node.Kind.NULL
        || div.kind() == Node.Kind.OBJECT
        || div.kind() == Node.Kind.ARRAY) {
      if (narrative.child("_div") != null || (div != null && div.kind() != Node.Kind.NULL)) {
        throw new NotCovered("a narrative div that is not a string");
      }
      return;
    }
    String text = div.value();
    if (text == null) {
      return;
    }
    Walker.ResourceScope outer = scope;
    while (outer.container() != null) {
      outer = outer.container();
    }
    // the language as the reference engine's parser keeps it (an array is dropped)
    String lang = ParserReads.scalar(ParserReads.primitive(scope.node(), "language"));
    Narratives.Outcome outcome =
        narratives.check(
            text, at.child("div"), scope.loc(), lang, linkScopes(w.doc(), outer.node()), w.out());
    scope.internalRefs().addAll(outcome.localReferences());
    w.narrativeOutcome(narrative, outcome);
    narrativeInvariants(w, outcome, at.child("div"));
  }

  /**
   * Where the reference engine looks for a narrative's {@code #x} targets (Narratives.check): the
   * document's resource; in a Bundle, the Task entry with the Bundle around it, and, when the
   * TaskCheck profile pass runs, the Bundle itself (that pass's {@code %rootResource}).
   */
  private static java.util.List<Narratives.LinkScope> linkScopes(Document doc, Node outer) {
    Node bundle = doc.bundle();
    if (bundle == null) {
      return java.util.List.of(new Narratives.LinkScope(outer, java.util.List.of()));
    }
    Narratives.LinkScope entry = new Narratives.LinkScope(outer, java.util.List.of(bundle));
    return doc.taskProfile() == null
        ? java.util.List.of(entry)
        : java.util.List.of(entry, new Narratives.LinkScope(bundle, java.util.List.of()));
  }

  /**
   * txt-1 and txt-2, the invariants of {@code Narrative.div}, decided from the XHTML checks'
   * outcome: the div is an xhtml primitive, whose invariants the walker does not evaluate, so they
   * are reported here, at the div, as the reference engine does (§13).
   */
  private static void narrativeInvariants(Walker w, Narratives.Outcome outcome, Loc div) {
    dev.taskcheck.plan.TypeDef narrativeType = w.engine().types().type("Narrative");
    if (narrativeType == null) {
      throw new NotCovered("a narrative without the definition of Narrative");
    }
    for (dev.taskcheck.plan.ElementDef child : narrativeType.root().children()) {
      if (!child.path().equals("Narrative.div")) {
        continue;
      }
      for (dev.taskcheck.plan.Constraint c : child.constraints()) {
        boolean holds =
            switch (c.key()) {
              case "txt-1" -> outcome.txt1();
              case "txt-2" -> outcome.txt2();
              default -> true;
            };
        if (!holds) {
          String source = c.source().isEmpty() ? narrativeType.url() : c.source();
          Severity level = c.error() && !c.bestPractice() ? Severity.ERROR : Severity.WARNING;
          w.out()
              .invariant(
                  c.key(),
                  level,
                  div.toString(),
                  c.human(),
                  source.startsWith(Types.CORE) ? IssueSource.STRUCTURE : IssueSource.PROFILE,
                  source + "#" + c.key());
        }
      }
    }
  }

  /** An identifier's system and, for the IETF URI and UUID systems, its value (§12). */
  private static void identifier(Node identifier, Loc expression, Findings out) {
    // a number or boolean in place of the string is reported by the parser and still read as text
    String system = ParserReads.scalar(ParserReads.primitive(identifier, "system"));
    if (system == null) {
      return;
    }
    if (!system.startsWith("http:")
        && !system.startsWith("https:")
        && !system.startsWith("urn:")
        && !system.startsWith("ldap:")) {
      out.issue(
          "structure-other",
          Severity.ERROR,
          "code-invalid",
          expression.toString(),
          "The identifier system '" + system + "' must be an absolute URI",
          IssueSource.STRUCTURE,
          "Type_Specific_Checks_DT_Identifier_System");
      return;
    }
    boolean uriSystem = system.equals("urn:ietf:rfc:3986");
    boolean uuidSystem = system.equals("https://tools.ietf.org/html/rfc4122");
    if (!uriSystem && !uuidSystem) {
      return;
    }
    Node valueNode = identifier.child("value");
    if (valueNode == null || valueNode.kind() != Node.Kind.STRING) {
      throw new NotCovered("an identifier of a URI or UUID system without a string value");
    }
    String value = valueNode.value();
    if (value == null) {
      throw new NotCovered("an identifier of a URI or UUID system without a string value");
    }
    if (uriSystem) {
      if (!ABSOLUTE_URI.matcher(value).lookingAt()) {
        out.issue(
            "structure-other",
            Severity.ERROR,
            "code-invalid",
            expression.toString(),
            "The system urn:ietf:rfc:3986 says the value is an absolute URI, and '"
                + value
                + "' is not one",
            IssueSource.STRUCTURE,
            "TYPE_SPECIFIC_CHECKS_DT_IDENTIFIER_IETF_SYSTEM_VALUE");
      }
      return;
    }
    if (value.startsWith("urn:uuid:")) {
      out.issue(
          "structure-other",
          Severity.WARNING,
          "code-invalid",
          expression.toString(),
          "A value in urn:uuid: form belongs to the system urn:ietf:rfc:3986, not " + system,
          IssueSource.STRUCTURE,
          "TYPE_SPECIFIC_CHECKS_DT_IDENTIFIER_IETF_SYSTEM_WRONG_3");
    } else if (UUID.matcher(value).matches()) {
      out.issue(
          "structure-other",
          Severity.WARNING,
          "code-invalid",
          expression.toString(),
          "A UUID identifier should use the system urn:ietf:rfc:3986 with urn:uuid:" + value,
          IssueSource.STRUCTURE,
          "TYPE_SPECIFIC_CHECKS_DT_IDENTIFIER_IETF_SYSTEM_WRONG_2");
    } else {
      out.issue(
          "structure-other",
          Severity.ERROR,
          "code-invalid",
          expression.toString(),
          "With the system " + system + " the value must be a UUID, and '" + value + "' is not",
          IssueSource.STRUCTURE,
          "TYPE_SPECIFIC_CHECKS_DT_IDENTIFIER_IETF_SYSTEM_WRONG_1");
    }
  }

  private static final Pattern ABSOLUTE_URI = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*:");
  private static final Pattern UUID =
      Pattern.compile(
          "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  private static void special(String type) {
    throw new NotCovered("a " + type + " (its type-specific checks are pending)");
  }
}
