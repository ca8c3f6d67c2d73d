package dev.taskcheck.testdata.mutation;

import java.util.ArrayList;
import java.util.List;

/**
 * Adds or renames an element so that it is not one of its type's. Variants: {@code misspelled} (a
 * known member renamed: a letter dropped, doubled or swapped, or capitalised), {@code
 * other-release} (a Task element only the other release has: R5's {@code requestedPerformer},
 * {@code doNotPerform}, {@code requestedPeriod}, {@code reason}, {@code performer} in R4; R4's
 * {@code performerType}, {@code reasonCode}, {@code reasonReference} in R5), {@code
 * shadow-of-complex} ({@code _code} beside a complex {@code code}), {@code shadow-without-base}
 * ({@code _x} for no element {@code x}), {@code invented} (a plausible name no type has).
 */
final class UnknownElement extends BaseOperator {

  private static final List<String> INVENTED =
      List.of(
          "comment",
          "notes",
          "assignedTo",
          "label",
          "codeSystem",
          "target",
          "duration",
          "category",
          "remarks",
          "details");

  UnknownElement() {
    super(
        "unknown-element",
        "an element its type does not have (misspelt, from the other release, a stray _x)");
  }

  @Override
  public void targets(Doc doc, List<Target> out) {
    for (Site s : doc.sites()) {
      if (s.isMember() && s.element() != null && !s.isShadow() && s.parent().type() != null) {
        out.add(new Target("misspelled", "misspelled", s));
        if (s.value().isObject() && Ops.isComplex(s) && !s.element().isChoice()) {
          out.add(new Target("shadow-of-complex", "shadow-of-complex", s));
        }
      }
      if (!s.value().isObject()
          || s.type() == null
          || s.isShadow()
          || !(Ops.isComplex(s) || s.isResource())) {
        continue;
      }
      if (s.isResource() && "Task".equals(s.type()) && !otherRelease(doc, s).isEmpty()) {
        out.add(new Target("other-release", "other-release", s));
      }
      if (s.isResource() && !FhirTable.isResource(s.type())) {
        continue; // a contained resource the table does not describe
      }
      out.add(new Target("invented", "invented", s));
      out.add(new Target("shadow-without-base", "shadow-without-base", s));
    }
  }

  /**
   * Task elements of the other release that this release does not have and the Task does not carry.
   */
  private static List<FhirTable.Element> otherRelease(Doc doc, Site task) {
    List<FhirTable.Element> out = new ArrayList<>();
    for (FhirTable.Element e : FhirTable.of(doc.seed().release().other()).children("Task")) {
      if (doc.table().element("Task", e.name()) == null && task.value().member(e.name()) == null) {
        out.add(e);
      }
    }
    return out;
  }

  @Override
  public Change apply(Doc doc, Target t, Rng rng) {
    Site s = t.site();
    String owner = owner(s);
    return switch (t.variant()) {
      case "misspelled" -> {
        String name = misspelt(doc, owner(s.parent()), s.name(), s.owner(), rng);
        yield name == null
            ? null
            : Change.at(
                s,
                t.variant(),
                s.name() + " renamed " + name,
                doc.layout().rename(s.member(), name));
      }
      case "shadow-of-complex" -> {
        String json =
            Jsons.obj(
                "extension",
                Jsons.arr(
                    Jsons.obj(
                        "url",
                        Jsons.quote("http://example.org/fhir/StructureDefinition/note"),
                        "valueString",
                        Jsons.quote("x"))));
        int at = s.owner().indexOf(s.member());
        yield Change.at(
            s,
            t.variant(),
            "added _" + s.name() + " beside the complex " + s.name(),
            doc.layout().insert(s.owner(), at, "_" + s.name(), json));
      }
      case "other-release" -> {
        FhirTable.Element e = rng.pick(otherRelease(doc, s));
        String json = sample(e);
        yield new Change(
            t.variant(),
            s.pointer() + "/" + e.name(),
            s.path() + "." + e.name(),
            "added "
                + doc.seed().release().other().name()
                + " element "
                + e.name()
                + " "
                + Ops.shown(json),
            List.of(Ops.append(doc, s.value(), e.name(), json)));
      }
      case "invented" -> {
        String name = absent(doc, owner, INVENTED.get(rng.nextInt(INVENTED.size())), s.value());
        yield new Change(
            t.variant(),
            s.pointer() + "/" + name,
            s.path() + "." + name,
            "added unknown " + name,
            List.of(Ops.append(doc, s.value(), name, Jsons.quote("x"))));
      }
      default -> {
        String base =
            absent(doc, owner, rng.pick("status2", "flag", "reviewed", "displayName"), s.value());
        String json = Jsons.obj("id", Jsons.quote("shadow-1"));
        yield new Change(
            t.variant(),
            s.pointer() + "/_" + base,
            s.path() + "." + base,
            "added _" + base + " with no element " + base,
            List.of(Ops.append(doc, s.value(), "_" + base, json)));
      }
    };
  }

  /** The table key of the type of an object site: its type, or the backbone element's path. */
  static String owner(Site s) {
    return "BackboneElement".equals(s.type()) ? s.element().path() : s.type();
  }

  /**
   * {@code name}, or it with a number, so that it is neither an element of the owner nor a member.
   */
  private static String absent(Doc doc, String owner, String name, JsonText.Value object) {
    String n = name;
    for (int i = 2;
        doc.table().element(owner, n) != null
            || object.member(n) != null
            || object.member("_" + n) != null;
        i++) {
      n = name + i;
    }
    return n;
  }

  /**
   * A misspelling of {@code name} that no element of the owner (or choice of it) has; null if none.
   */
  private static String misspelt(
      Doc doc, String owner, String name, JsonText.Value object, Rng rng) {
    List<String> options = new ArrayList<>();
    int i = 1 + rng.nextInt(Math.max(1, name.length() - 1));
    if (name.length() > 3) {
      options.add(name.substring(0, i) + name.substring(i + 1 > name.length() ? i : i + 1));
    }
    options.add(name.substring(0, i) + name.charAt(i - 1) + name.substring(i));
    if (i < name.length()) {
      options.add(
          name.substring(0, i - 1) + name.charAt(i) + name.charAt(i - 1) + name.substring(i + 1));
    }
    options.add(FhirTable.capitalized(name));
    int start = rng.nextInt(options.size());
    for (int k = 0; k < options.size(); k++) {
      String o = options.get((start + k) % options.size());
      if (!o.equals(name)
          && doc.table().element(owner, o) == null
          && doc.table().choiceFor(owner, o) == null
          && object.member(o) == null) {
        return o;
      }
    }
    return null;
  }

  /** A small valid value for an element of the other release. */
  private static String sample(FhirTable.Element e) {
    String type = e.types().get(0);
    return switch (type) {
      case "boolean" -> "true";
      case "Period" -> Jsons.obj("start", Jsons.quote("2024-03-01"));
      case "Reference" -> Jsons.obj("reference", Jsons.quote("Practitioner/example"));
      case "CodeableReference" ->
          wrap(e, Jsons.obj("concept", Jsons.obj("text", Jsons.quote("performer"))));
      case "BackboneElement" ->
          wrap(e, Jsons.obj("actor", Jsons.obj("reference", Jsons.quote("Practitioner/example"))));
      default -> wrap(e, Jsons.obj("text", Jsons.quote("example")));
    };
  }

  private static String wrap(FhirTable.Element e, String json) {
    return e.repeats() ? Jsons.arr(json) : json;
  }
}
