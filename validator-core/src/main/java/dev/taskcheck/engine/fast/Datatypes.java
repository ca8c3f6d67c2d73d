package dev.taskcheck.engine.fast;

import dev.taskcheck.parse.Node;

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
              value, defs.base().binding(), at.toString(), walker.doc().baseOnly(), walker.out());
      case "Coding" -> {
        if (!defs.base().path().endsWith("CodeableConcept.coding")) {
          codes.coding(
              value, defs.base().binding(), at.toString(), walker.doc().baseOnly(), walker.out());
        }
      }
      case "Reference" -> references.reference(walker, value, defs, at, scope);
      case "Narrative" -> narrative(walker, value, at, scope);
      case "Identifier",
          "Quantity",
          "SimpleQuantity",
          "Attachment",
          "Money",
          "ContactPoint",
          "Address",
          "HumanName",
          "Signature",
          "SampledData",
          "Timing",
          "Dosage",
          "Meta" ->
          special(type);
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
    Node language = scope.node().child("language");
    String lang = language == null ? null : language.value();
    Narratives.Outcome outcome =
        narratives.check(
            text,
            at.child("div").toString(),
            scope.loc().toString(),
            lang,
            java.util.List.of(new Narratives.LinkScope(outer.node(), java.util.List.of())),
            w.out());
    scope.internalRefs().addAll(outcome.localReferences());
    w.narrativeOutcome(narrative, outcome);
  }

  private static void special(String type) {
    throw new NotCovered("a " + type + " (its type-specific checks are pending)");
  }
}
