package dev.taskcheck.testdata.mutation;

import java.util.List;

/**
 * JSON nulls where FHIR allows none. Variants: {@code value} (a member's value becomes {@code null}),
 * {@code item} (an array item becomes {@code null}), {@code appended-item} ({@code null} added to an array),
 * {@code array} (an array becomes {@code [null]}), {@code add-member} (an absent primitive element added as
 * {@code null}), {@code shadow} ({@code _x: null} beside a primitive).
 */
final class Nulls implements Operator {

  @Override
  public String name() {
    return "null";
  }

  @Override
  public String summary() {
    return "nulls as values, in arrays, and in _x";
  }

  @Override
  public void targets(Doc doc, List<Target> out) {
    for (Site s : doc.sites()) {
      if (s.element() == null || s.isShadow() || !s.inTask() && !"Bundle".equals(s.resourceType())) {
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

  private static void add(List<Target> out, Site s, String variant) {
    out.add(new Target(variant, variant, s));
  }

  private static FhirTable.Element absentPrimitive(Doc doc, Site s) {
    for (FhirTable.Element e : doc.table().children(UnknownElement.owner(s))) {
      if (!e.isChoice() && FhirTable.isPrimitive(e.types().get(0)) && s.value().member(e.name()) == null) {
        return e;
      }
    }
    return null;
  }

  @Override
  public Change apply(Doc doc, Target t, Rng rng) {
    Site s = t.site();
    JsonText.Value v = s.value();
    return switch (t.variant()) {
      case "value", "item" -> Change.at(s, t.variant(), s.name() + " " + Ops.shown(doc, v) + " -> null",
          doc.layout().replace(v, "null"));
      case "appended-item" -> new Change(t.variant(), s.pointer() + "/" + v.items().size(),
          s.path() + "[" + v.items().size() + "]", "null appended to " + s.name(),
          List.of(doc.layout().insertItem(v, v.items().size() - 1, "null")));
      case "array" -> Change.at(s, t.variant(), s.name() + " -> [null]", doc.layout().replace(v, "[null]"));
      case "shadow" -> Change.at(s, t.variant(), "_" + s.name() + ": null beside " + s.name(),
          doc.layout().insert(s.owner(), s.owner().indexOf(s.member()), "_" + s.name(), "null"));
      default -> {
        FhirTable.Element e = absentPrimitive(doc, s);
        yield new Change(t.variant(), s.pointer() + "/" + e.name(), s.path() + "." + e.name(),
            "added " + e.name() + ": null", List.of(Ops.append(doc, v, e.name(), "null")));
      }
    };
  }
}
