package dev.taskcheck.engine.fast;

import dev.taskcheck.parse.Node;

/**
 * The checks of particular datatypes beyond their definitions (docs/engines/reference-behaviour.md §11-13, §17):
 * codings, identifiers, quantities, attachments, references, narratives.
 */
final class Datatypes {

  private final Codes codes;
  private final References references;

  Datatypes(Codes codes, References references) {
    this.codes = codes;
    this.references = references;
  }

  void check(Walker walker, Node value, String type, Walker.Defs defs, Loc at, Walker.ResourceScope scope) {
    switch (type) {
      case "CodeableConcept" -> codes.codeableConcept(value, defs.base().binding(), at.toString(),
          walker.doc().baseOnly(), walker.out());
      case "Coding" -> {
        if (!defs.base().path().endsWith("CodeableConcept.coding")) {
          codes.coding(value, defs.base().binding(), at.toString(), walker.doc().baseOnly(), walker.out());
        }
      }
      case "Reference" -> references.reference(walker, value, defs, at, scope);
      case "Identifier", "Quantity", "SimpleQuantity", "Attachment", "Narrative", "Money", "ContactPoint", "Address",
          "HumanName", "Signature", "SampledData", "Timing", "Dosage", "Meta" -> special(type);
      default -> { }
    }
  }

  private static void special(String type) {
    throw new NotCovered("a " + type + " (its type-specific checks are pending)");
  }
}
