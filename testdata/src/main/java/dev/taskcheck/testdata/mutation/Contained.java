package dev.taskcheck.testdata.mutation;

import java.util.List;

/**
 * Breaks the rules for contained resources (dom-2 to dom-5, ref-1). Variants: {@code
 * missing-target} (a Reference to {@code #id} that no contained resource has), {@code unreferenced}
 * (a new contained Patient nothing refers to), {@code nested} (a contained resource with its own
 * {@code contained}), {@code version-id} and {@code last-updated} (meta of a contained resource),
 * {@code security-label}, {@code no-id} and {@code no-resource-type} (a contained resource without
 * them).
 */
final class Contained extends BaseOperator {

  private static final String CONFIDENTIALITY =
      "http://terminology.hl7.org/CodeSystem/v3-Confidentiality";

  Contained() {
    super("contained", "broken contained resources and #id references");
  }

  @Override
  public void targets(Doc doc, List<Target> out) {
    for (Site s : doc.sites()) {
      addIf(
          out,
          s,
          "Reference".equals(s.type()) && s.value().isObject() && s.inTask(),
          "missing-target");
      addIf(
          out,
          s,
          s.isResource() && "Task".equals(s.type()) && s.value().isObject(),
          "unreferenced");
      if (s.isResource()
          && s.isItem()
          && s.value().isObject()
          && s.element() != null
          && s.element().path().endsWith(".contained")) {
        for (String v :
            List.of(
                "nested",
                "version-id",
                "last-updated",
                "security-label",
                "no-id",
                "no-resource-type")) {
          if ((v.equals("no-id") && s.value().member("id") == null)
              || (v.equals("no-resource-type") && s.value().member("resourceType") == null)) {
            continue;
          }
          add(out, s, v);
        }
      }
    }
  }

  @Override
  public Change apply(Doc doc, Target t, Rng rng) {
    Site s = t.site();
    JsonText.Value v = s.value();
    return switch (t.variant()) {
      case "missing-target" -> {
        String id = "#not-contained-" + (1 + rng.nextInt(9));
        JsonText.Value ref = v.get("reference");
        Layout.Edit edit =
            ref != null
                ? Ops.replaceString(doc, ref, id)
                : Ops.append(doc, v, "reference", Jsons.quote(id));
        yield Change.at(
            s,
            t.variant(),
            "reference "
                + (ref == null ? "added" : Ops.shown(doc, ref))
                + " -> \""
                + id
                + "\", no such contained resource",
            edit);
      }
      case "unreferenced" -> {
        String patient =
            Jsons.obj(
                "resourceType",
                Jsons.quote("Patient"),
                "id",
                Jsons.quote("unreferenced-1"),
                "active",
                "true");
        JsonText.Value contained = v.get("contained");
        Layout.Edit edit =
            contained != null && contained.isArray()
                ? doc.layout().insertItem(contained, contained.items().size() - 1, patient)
                : doc.layout().insert(v, afterBase(v), "contained", Jsons.arr(patient));
        yield new Change(
            t.variant(),
            s.pointer() + "/contained",
            s.path() + ".contained",
            "added contained Patient/unreferenced-1 that nothing refers to",
            List.of(edit));
      }
      case "nested" ->
          Change.at(
              s,
              t.variant(),
              "contained " + v.text("resourceType") + " has a contained Patient",
              Ops.append(
                  doc,
                  v,
                  "contained",
                  Jsons.arr(
                      Jsons.obj(
                          "resourceType", Jsons.quote("Patient"), "id", Jsons.quote("nested-1")))));
      case "version-id" -> meta(doc, s, "versionId", Jsons.quote("1"));
      case "last-updated" -> meta(doc, s, "lastUpdated", Jsons.quote("2024-03-05T10:00:00Z"));
      case "security-label" ->
          meta(
              doc,
              s,
              "security",
              Jsons.arr(
                  Jsons.obj("system", Jsons.quote(CONFIDENTIALITY), "code", Jsons.quote("R"))));
      case "no-id" ->
          Change.at(
              s,
              t.variant(),
              "contained " + v.text("resourceType") + " without id",
              Ops.remove(doc, v, "id"));
      default ->
          Change.at(
              s,
              t.variant(),
              "contained resource without resourceType",
              Ops.remove(doc, v, "resourceType"));
    };
  }

  /** Sets {@code meta.name} of a contained resource (a new meta, or a member added to its meta). */
  private static Change meta(Doc doc, Site s, String name, String json) {
    JsonText.Value meta = s.value().get("meta");
    Layout.Edit edit;
    if (meta == null || !meta.isObject()) {
      edit = doc.layout().insert(s.value(), afterBase(s.value()), "meta", Jsons.obj(name, json));
    } else if (meta.member(name) != null) {
      edit = doc.layout().replace(meta.get(name), json);
    } else {
      edit = Ops.append(doc, meta, name, json);
    }
    return new Change(
        name.equals("security")
            ? "security-label"
            : name.equals("versionId") ? "version-id" : "last-updated",
        s.pointer() + "/meta/" + name,
        s.path() + ".meta." + name,
        "contained " + s.value().text("resourceType") + " has meta." + name + " " + Ops.shown(json),
        List.of(edit));
  }

  /** The index of the member after which resource-level members go: after resourceType and id. */
  private static int afterBase(JsonText.Value resource) {
    int at = -1;
    for (int i = 0; i < resource.members().size() && i < 2; i++) {
      String n = resource.members().get(i).name();
      if (n.equals("resourceType") || n.equals("id")) {
        at = i;
      }
    }
    return at;
  }
}
