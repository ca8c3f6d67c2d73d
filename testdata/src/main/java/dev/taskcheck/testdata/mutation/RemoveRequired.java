package dev.taskcheck.testdata.mutation;

import java.util.List;

/**
 * Drops a required element (min 1): {@code Task.status}, {@code Task.intent}, {@code input.type},
 * {@code input.value[x]}, {@code Narrative.div}, {@code Extension.url}, {@code Annotation.text},
 * R5's {@code performer.actor}, {@code Bundle.type}, {@code entry.request.method} ... Variants:
 * {@code drop} (the element and its {@code _x} extensions), {@code drop-keep-extension} (a
 * primitive's value only; its {@code _x} stays), {@code absent-reason} (a primitive's value
 * replaced by a data-absent-reason extension), {@code id-only} (a primitive's value replaced by
 * {@code _x} with an id and nothing else).
 */
final class RemoveRequired extends BaseOperator {

  static final String DAR = "http://hl7.org/fhir/StructureDefinition/data-absent-reason";

  RemoveRequired() {
    super("remove-required", "drop a required (1..1) element");
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
        out.add(
            new Target(key, Ops.shadow(s) != null ? "drop-keep-extension" : "absent-reason", s));
        if (Ops.shadow(s) == null) {
          out.add(new Target(key, "id-only", s));
        }
      }
    }
  }

  @Override
  public Change apply(Doc doc, Target t, Rng rng) {
    Site s = t.site();
    String was = s.name() + " " + Ops.shown(doc, s.value());
    return switch (t.variant()) {
      case "drop" -> Change.at(s, t.variant(), "removed " + was, Ops.removeMember(doc, s));
      case "drop-keep-extension" ->
          Change.at(
              s,
              t.variant(),
              "removed " + was + ", kept _" + s.name(),
              Ops.remove(doc, s.owner(), s.name()));
      case "id-only" ->
          Change.at(
              s,
              t.variant(),
              "replaced " + was + " by _" + s.name() + " with an id only",
              shadowInstead(doc, s, Jsons.obj("id", Jsons.quote("no-value"))));
      default -> {
        String ext = Jsons.obj("url", Jsons.quote(DAR), "valueCode", Jsons.quote("unknown"));
        yield Change.at(
            s,
            t.variant(),
            "replaced " + was + " by _" + s.name() + " with a data-absent-reason",
            shadowInstead(doc, s, Jsons.obj("extension", Jsons.arr(ext))));
      }
    };
  }

  /** The primitive's member renamed {@code _name}, its value replaced by {@code json}. */
  private static List<Layout.Edit> shadowInstead(Doc doc, Site s, String json) {
    return List.of(
        doc.layout().rename(s.member(), "_" + s.name()), doc.layout().replace(s.value(), json));
  }
}
