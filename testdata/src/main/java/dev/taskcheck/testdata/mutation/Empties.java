package dev.taskcheck.testdata.mutation;

import java.util.List;

/**
 * Empty objects and arrays (ele-1, and the JSON rule that arrays are never empty). Variants: {@code
 * object} (a complex value becomes {@code {}}), {@code array} (a repeating element's array becomes
 * {@code []}), {@code item} (an object in an array becomes {@code {}}), {@code appended-item}
 * ({@code {}} added to an array of objects), {@code add-array} (an absent repeating element added
 * as {@code []}), {@code add-object} (an absent complex element added as {@code {}}), {@code
 * shadow} ({@code _x: {}} beside a primitive).
 */
final class Empties extends BaseOperator {

  Empties() {
    super("empty", "empty objects and arrays");
  }

  @Override
  public void targets(Doc doc, List<Target> out) {
    for (Site s : doc.sites()) {
      if (!s.inTask() && !"Bundle".equals(s.resourceType())) {
        continue;
      }
      JsonText.Value v = s.value();
      if (Ops.isComplex(s) && !v.members().isEmpty()) {
        add(out, s, s.isItem() ? "item" : "object");
      }
      if (s.isMember() && v.isArray() && s.element() != null && !v.items().isEmpty()) {
        add(out, s, "array");
        if (v.items().get(0).isObject()) {
          add(out, s, "appended-item");
        }
      }
      if (s.isPrimitive() && s.isMember() && Ops.shadow(s) == null) {
        add(out, s, "shadow");
      }
      if (v.isObject()
          && s.type() != null
          && (Ops.isComplex(s) || s.isResource())
          && absent(doc, s, true) != null) {
        add(out, s, "add-array");
      }
      if (v.isObject()
          && s.type() != null
          && (Ops.isComplex(s) || s.isResource())
          && absent(doc, s, false) != null) {
        add(out, s, "add-object");
      }
    }
  }

  /**
   * The first element of the object's type that it does not have: repeating, or complex and single.
   */
  private static FhirTable.Element absent(Doc doc, Site s, boolean repeating) {
    return Ops.absent(
        doc,
        s,
        e ->
            e.repeats() == repeating
                && (repeating
                    || (!FhirTable.isPrimitive(e.types().get(0))
                        && !e.isChoice()
                        && !e.types().get(0).equals("Resource"))));
  }

  @Override
  public Change apply(Doc doc, Target t, Rng rng) {
    Site s = t.site();
    return switch (t.variant()) {
      case "object", "item" -> Ops.replaced(doc, s, t.variant(), "{}");
      case "array" -> Ops.replaced(doc, s, t.variant(), "[]");
      case "appended-item" -> Ops.appendItem(doc, s, t.variant(), "{}");
      case "shadow" -> Ops.shadowBeside(doc, s, t.variant(), "{}");
      default -> {
        boolean repeating = t.variant().equals("add-array");
        yield Ops.addMember(
            doc, s, t.variant(), absent(doc, s, repeating), repeating ? "[]" : "{}");
      }
    };
  }
}
