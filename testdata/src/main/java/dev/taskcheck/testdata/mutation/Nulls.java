package dev.taskcheck.testdata.mutation;

import java.util.List;

/**
 * JSON nulls where FHIR allows none. Variants: {@code value} (a member's value becomes {@code
 * null}), {@code item} (an array item becomes {@code null}), {@code appended-item} ({@code null}
 * added to an array), {@code array} (an array becomes {@code [null]}), {@code add-member} (an
 * absent primitive element added as {@code null}), {@code shadow} ({@code _x: null} beside a
 * primitive).
 */
final class Nulls extends BaseOperator {

  Nulls() {
    super("null", "nulls as values, in arrays, and in _x");
  }

  @Override
  public void targets(Doc doc, List<Target> out) {
    for (Site s : doc.sites()) {
      if (s.element() == null
          || s.isShadow()
          || (!s.inTask() && !"Bundle".equals(s.resourceType()))) {
        continue;
      }
      JsonText.Value v = s.value();
      if (s.isMember() && !v.isArray()) {
        add(out, s, "value");
      }
      if (s.isItem() && !s.isResource()) {
        add(out, s, "item");
      }
      if (s.isMember() && v.isArray() && !v.items().isEmpty()) {
        add(out, s, "appended-item");
        add(out, s, "array");
      }
      if (s.isPrimitive() && s.isMember() && Ops.shadow(s) == null) {
        add(out, s, "shadow");
      }
      if (Ops.isComplex(s) && absentPrimitive(doc, s) != null) {
        add(out, s, "add-member");
      }
    }
  }

  private static FhirTable.Element absentPrimitive(Doc doc, Site s) {
    return Ops.absent(doc, s, e -> !e.isChoice() && FhirTable.isPrimitive(e.types().get(0)));
  }

  @Override
  public Change apply(Doc doc, Target t, Rng rng) {
    Site s = t.site();
    return switch (t.variant()) {
      case "value", "item" -> Ops.replaced(doc, s, t.variant(), "null");
      case "appended-item" -> Ops.appendItem(doc, s, t.variant(), "null");
      case "array" -> Ops.replaced(doc, s, t.variant(), "[null]");
      case "shadow" -> Ops.shadowBeside(doc, s, t.variant(), "null");
      default -> Ops.addMember(doc, s, t.variant(), absentPrimitive(doc, s), "null");
    };
  }
}
