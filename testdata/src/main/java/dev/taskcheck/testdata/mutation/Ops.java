package dev.taskcheck.testdata.mutation;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/** Helpers the operators share: reading sites, naming values in descriptions, common edits. */
final class Ops {

  /** Resource types used as wrong reference targets and in new references, in a fixed order. */
  static final List<String> RESOURCE_TYPES =
      List.of(
          "Medication",
          "Observation",
          "Location",
          "Task",
          "Patient",
          "Device",
          "Organization",
          "Practitioner",
          "Provenance",
          "Encounter",
          "Group",
          "Specimen",
          "Substance",
          "Condition",
          "Coverage",
          "CareTeam",
          "RelatedPerson",
          "PractitionerRole");

  private Ops() {}

  /** The value's text in the seed, shortened for a description (no tabs or line ends). */
  static String shown(Doc doc, JsonText.Value v) {
    String raw = Jsons.raw(doc.text(), v).replaceAll("\\s+", " ");
    return raw.length() > 60 ? raw.substring(0, 57) + "..." : raw;
  }

  /** The same for new JSON text. */
  static String shown(String json) {
    String s = json.replaceAll("\\s+", " ");
    return s.length() > 60 ? s.substring(0, 57) + "..." : s;
  }

  /** The sibling {@code _name} of a member (its primitive extensions), or null. */
  static JsonText.Member shadow(Site site) {
    return site.isMember() && !site.isShadow() ? site.owner().member("_" + site.name()) : null;
  }

  /** Removes a member (the site's member) and its {@code _name} sibling, if any. */
  static List<Layout.Edit> removeMember(Doc doc, Site site) {
    Set<String> names = new LinkedHashSet<>();
    names.add(site.name());
    JsonText.Member shadow = shadow(site);
    if (shadow != null) {
      names.add(shadow.name());
    }
    return doc.layout().remove(site.owner(), names);
  }

  /** Removes members of an object by name. */
  static List<Layout.Edit> remove(Doc doc, JsonText.Value object, String... names) {
    return doc.layout().remove(object, Set.of(names));
  }

  /** Adds a member at the end of an object. */
  static Layout.Edit append(Doc doc, JsonText.Value object, String name, String json) {
    return doc.layout().insert(object, object.members().size() - 1, name, json);
  }

  /** Replaces a string value by another string. */
  static Layout.Edit replaceString(Doc doc, JsonText.Value v, String s) {
    return doc.layout().replace(v, Jsons.quote(s));
  }

  /**
   * The first element of the object site's type that the object does not have and that {@code kind}
   * accepts.
   */
  static FhirTable.Element absent(Doc doc, Site s, Predicate<FhirTable.Element> kind) {
    for (FhirTable.Element e : doc.table().children(UnknownElement.owner(s))) {
      if (kind.test(e) && s.value().member(e.name()) == null) {
        return e;
      }
    }
    return null;
  }

  /**
   * A change that adds a member for {@code e} with value {@code json} at the end of the object
   * site.
   */
  static Operator.Change addMember(
      Doc doc, Site s, String variant, FhirTable.Element e, String json) {
    return new Operator.Change(
        variant,
        s.pointer() + "/" + e.name(),
        s.path() + "." + e.name(),
        "added " + e.name() + ": " + json,
        List.of(append(doc, s.value(), e.name(), json)));
  }

  /** A change that appends {@code json} to the array site. */
  static Operator.Change appendItem(Doc doc, Site s, String variant, String json) {
    JsonText.Value v = s.value();
    int n = v.items().size();
    return new Operator.Change(
        variant,
        s.pointer() + "/" + n,
        s.path() + "[" + n + "]",
        json + " appended to " + s.name(),
        List.of(doc.layout().insertItem(v, n - 1, json)));
  }

  /** A change that adds {@code _name: json} after the primitive member site. */
  static Operator.Change shadowBeside(Doc doc, Site s, String variant, String json) {
    return Operator.Change.at(
        s,
        variant,
        "_" + s.name() + ": " + json + " beside " + s.name(),
        doc.layout().insert(s.owner(), s.owner().indexOf(s.member()), "_" + s.name(), json));
  }

  /** A change that replaces the site's value by {@code json}. */
  static Operator.Change replaced(Doc doc, Site s, String variant, String json) {
    return Operator.Change.at(
        s,
        variant,
        s.name() + " " + shown(doc, s.value()) + " -> " + shown(json),
        doc.layout().replace(s.value(), json));
  }

  /**
   * Whether a site is an object of a type the table describes or a backbone element (not a
   * resource).
   */
  static boolean isComplex(Site s) {
    return s.value().isObject()
        && s.element() != null
        && s.type() != null
        && !s.isResource()
        && !s.isShadow()
        && !FhirTable.isPrimitive(s.type());
  }

  /**
   * The {@code Type/id} parts of a reference ({@code Patient/1}, {@code http://x/fhir/Patient/1}),
   * or null.
   */
  static String[] typeAndId(String reference) {
    String r = reference;
    int history = r.indexOf("/_history/");
    if (history > 0) {
      r = r.substring(0, history);
    }
    String[] parts = r.split("/", -1);
    if (parts.length < 2) {
      return null;
    }
    String type = parts[parts.length - 2];
    String id = parts[parts.length - 1];
    if (type.isEmpty() || !Character.isUpperCase(type.charAt(0)) || id.isEmpty()) {
      return null;
    }
    return new String[] {type, id};
  }

  /**
   * The first resource type of {@link #RESOURCE_TYPES} after a random start that is not in {@code
   * not}.
   */
  static String otherType(Rng rng, List<String> not) {
    int start = rng.nextInt(RESOURCE_TYPES.size());
    for (int i = 0; i < RESOURCE_TYPES.size(); i++) {
      String t = RESOURCE_TYPES.get((start + i) % RESOURCE_TYPES.size());
      if (!not.contains(t)) {
        return t;
      }
    }
    throw new IllegalStateException("every type excluded");
  }

  /** A deterministic UUID-shaped string from the generator. */
  static String uuid(Rng rng) {
    String hex =
        Long.toHexString(rng.nextLong() | Long.MIN_VALUE)
            + Long.toHexString(rng.nextLong() | Long.MIN_VALUE);
    return hex.substring(0, 8)
        + "-"
        + hex.substring(8, 12)
        + "-4"
        + hex.substring(13, 16)
        + "-a"
        + hex.substring(17, 20)
        + "-"
        + hex.substring(20, 32);
  }
}
