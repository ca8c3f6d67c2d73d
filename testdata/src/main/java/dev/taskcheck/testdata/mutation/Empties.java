package dev.taskcheck.testdata.mutation;

import java.util.List;

/**
 * Empty objects and arrays (ele-1, and the JSON rule that arrays are never empty). Variants: {@code object}
 * (a complex value becomes {@code {}}), {@code array} (a repeating element's array becomes {@code []}),
 * {@code item} (an object in an array becomes {@code {}}), {@code appended-item} ({@code {}} added to an
 * array of objects), {@code add-array} (an absent repeating element added as {@code []}),
 * {@code add-object} (an absent complex element added as {@code {}}), {@code shadow} ({@code _x: {}} beside
 * a primitive).
 */
final class Empties implements Operator {

  @Override
  public String name() {
    return "empty";
  }

  @Override
  public String summary() {
    return "empty objects and arrays";
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
      if (v.isObject() && s.type() != null && (Ops.isComplex(s) || s.isResource()) && absent(doc, s, true) != null) {
        add(out, s, "add-array");
      }
      if (v.isObject() && s.type() != null && (Ops.isComplex(s) || s.isResource()) && absent(doc, s, false) != null) {
        add(out, s, "add-object");
      }
    }
  }

  private static void add(List<Target> out, Site s, String variant) {
    out.add(new Target(variant, variant, s));
  }

  /** The first element of the object's type that it does not have: repeating, or complex and single. */
  private static FhirTable.Element absent(Doc doc, Site s, boolean repeating) {
    String owner = UnknownElement.owner(s);
    for (FhirTable.Element e : doc.table().children(owner)) {
      boolean complex = !FhirTable.isPrimitive(e.types().get(0)) && !e.isChoice()
          && !e.types().get(0).equals("Resource");
      if (e.repeats() == repeating && (repeating || complex) && s.value().member(e.name()) == null) {
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
      case "object", "item" -> Change.at(s, t.variant(), s.name() + " " + Ops.shown(doc, v) + " -> {}",
          doc.layout().replace(v, "{}"));
      case "array" -> Change.at(s, t.variant(), s.name() + " -> []", doc.layout().replace(v, "[]"));
      case "appended-item" -> new Change(t.variant(), s.pointer() + "/" + v.items().size(),
          s.path() + "[" + v.items().size() + "]", "{} appended to " + s.name(),
          List.of(doc.layout().insertItem(v, v.items().size() - 1, "{}")));
      case "shadow" -> {
        int at = s.owner().indexOf(s.member());
        yield Change.at(s, t.variant(), "_" + s.name() + ": {} beside " + s.name(),
            doc.layout().insert(s.owner(), at, "_" + s.name(), "{}"));
      }
      default -> {
        boolean repeating = t.variant().equals("add-array");
        FhirTable.Element e = absent(doc, s, repeating);
        String json = repeating ? "[]" : "{}";
        yield new Change(t.variant(), s.pointer() + "/" + e.name(), s.path() + "." + e.name(),
            "added " + e.name() + ": " + json, List.of(Ops.append(doc, v, e.name(), json)));
      }
    };
  }
}
