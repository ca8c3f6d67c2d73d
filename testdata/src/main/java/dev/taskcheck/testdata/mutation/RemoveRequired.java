package dev.taskcheck.testdata.mutation;

import java.util.ArrayList;
import java.util.List;

/**
 * Drops a required element (min 1): {@code Task.status}, {@code Task.intent}, {@code input.type},
 * {@code input.value[x]}, {@code Narrative.div}, {@code Extension.url}, {@code Annotation.text}, R5's
 * {@code performer.actor}, {@code Bundle.type}, {@code entry.request.method} ... Variants: {@code drop} (the
 * element and its {@code _x} extensions), {@code drop-keep-extension} (a primitive's value only; its
 * {@code _x} stays), {@code absent-reason} (a primitive's value replaced by a data-absent-reason extension).
 */
final class RemoveRequired implements Operator {

  static final String DAR = "http://hl7.org/fhir/StructureDefinition/data-absent-reason";

  @Override
  public String name() {
    return "remove-required";
  }

  @Override
  public String summary() {
    return "drop a required (1..1) element";
  }

  @Override
  public void targets(Doc doc, List<Target> out) {
    for (Site s : doc.sites()) {
      if (!s.isMember() || s.isShadow() || s.element() == null || s.element().min() < 1) {
        continue;
      }
      String key = s.element().path();
      out.add(new Target(key, "drop", s));
      if (s.isPrimitive() && s.value().isScalar() && !key.equals("Extension.url")) {
        out.add(new Target(key, Ops.shadow(s) != null ? "drop-keep-extension" : "absent-reason", s));
      }
    }
  }

  @Override
  public Change apply(Doc doc, Target t, Rng rng) {
    Site s = t.site();
    String was = s.name() + " " + Ops.shown(doc, s.value());
    return switch (t.variant()) {
      case "drop" -> Change.at(s, t.variant(), "removed " + was, Ops.removeMember(doc, s));
      case "drop-keep-extension" -> Change.at(s, t.variant(), "removed " + was + ", kept _" + s.name(),
          Ops.remove(doc, s.owner(), s.name()));
      default -> {
        List<Layout.Edit> edits = new ArrayList<>();
        edits.add(doc.layout().rename(s.member(), "_" + s.name()));
        String ext = Jsons.obj("url", Jsons.quote(DAR), "valueCode", Jsons.quote("unknown"));
        edits.add(doc.layout().replace(s.value(), Jsons.obj("extension", Jsons.arr(ext))));
        yield Change.at(s, t.variant(), "replaced " + was + " by _" + s.name() + " with a data-absent-reason",
            edits);
      }
    };
  }
}
