package dev.taskcheck.testdata.mutation;

import java.util.ArrayList;
import java.util.List;

/**
 * Points a Reference at a resource type its element does not allow ({@code requester} to a
 * Medication, {@code partOf} to a Patient, {@code encounter} to an Observation). Variants: {@code
 * relative} (the type part of {@code Type/id} replaced), {@code type-element} ({@code
 * Reference.type} set to the wrong type), {@code type-disagrees} ({@code Reference.type} another
 * allowed type than the reference's), {@code unknown-type} ({@code Medicine/id}: no such resource
 * type, on any Reference).
 */
final class ReferenceType extends BaseOperator {

  ReferenceType() {
    super("reference-type", "a reference to a resource type its element does not allow");
  }

  @Override
  public void targets(Doc doc, List<Target> out) {
    for (Site s : doc.sites()) {
      if (!"Reference".equals(s.type())
          || !s.value().isObject()
          || s.element() == null
          || !s.inTask()) {
        continue;
      }
      String[] typeId = typeId(s);
      boolean restricted = s.element().restrictedTargets();
      if (restricted && typeId != null) {
        out.add(new Target("relative", "relative", s));
      }
      if (restricted) {
        out.add(new Target("type-element", "type-element", s));
      }
      if (restricted
          && typeId != null
          && s.element().targets().size() > 1
          && s.element().targets().contains(typeId[0])) {
        out.add(new Target("type-disagrees", "type-disagrees", s));
      }
      if (typeId != null) {
        out.add(new Target("unknown-type", "unknown-type", s));
      }
    }
  }

  /** The {@code Type/id} of the site's literal reference, or null (none, contained, urn). */
  private static String[] typeId(Site s) {
    String ref = s.value().text("reference");
    return ref == null || ref.startsWith("#") || ref.startsWith("urn:") ? null : Ops.typeAndId(ref);
  }

  @Override
  public Change apply(Doc doc, Target t, Rng rng) {
    Site s = t.site();
    List<String> targets = s.element().targets();
    String[] typeId = typeId(s);
    JsonText.Value ref = s.value().get("reference");
    switch (t.variant()) {
      case "relative", "unknown-type" -> {
        String type =
            t.variant().equals("unknown-type")
                ? rng.pick("Medicine", "Doctor", "Person2", "Tasks")
                : Ops.otherType(rng, targets);
        String old = ref.string();
        String now =
            old.substring(0, old.lastIndexOf(typeId[0] + "/" + typeId[1])) + type + "/" + typeId[1];
        return Change.at(
            s,
            t.variant(),
            "reference \""
                + old
                + "\" -> \""
                + now
                + "\" (allowed: "
                + String.join("|", targets.isEmpty() ? List.of("any") : targets)
                + ")",
            Ops.replaceString(doc, ref, now));
      }
      case "type-element" -> {
        String type = Ops.otherType(rng, targets);
        return Change.at(
            s,
            t.variant(),
            "Reference.type \"" + type + "\" (allowed: " + String.join("|", targets) + ")",
            setType(doc, s, type));
      }
      default -> {
        List<String> others = new ArrayList<>(targets);
        others.remove(typeId[0]);
        String type = rng.pick(others);
        return Change.at(
            s,
            t.variant(),
            "Reference.type \"" + type + "\" but reference \"" + ref.string() + "\"",
            setType(doc, s, type));
      }
    }
  }

  private static Layout.Edit setType(Doc doc, Site s, String type) {
    JsonText.Value old = s.value().get("type");
    if (old != null) {
      return doc.layout().replace(old, Jsons.quote(type));
    }
    return Ops.append(doc, s.value(), "type", Jsons.quote(type));
  }
}
