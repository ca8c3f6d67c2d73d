package dev.taskcheck.testdata.mutation;

import java.util.List;
import java.util.Locale;

/**
 * Writes a malformed or unresolvable literal reference: {@code Patient/} (no id), {@code #} (no
 * id), {@code Patient/a/b}, an absolute URL, a {@code urn:uuid:} that is in no Bundle, {@code
 * patient/a} (lower-case type), {@code Patient/a b}, a bare id, {@code Patient/a/_history/} (no
 * version), {@code Patient//a}, a conditional reference {@code Patient?identifier=...} outside a
 * transaction.
 */
final class ReferenceFormat extends BaseOperator {

  private static final List<String> VARIANTS =
      List.of(
          "type-only",
          "hash-only",
          "extra-segment",
          "absolute-url",
          "urn-uuid-unresolved",
          "lowercase-type",
          "space-in-id",
          "bare-id",
          "history-without-version",
          "double-slash",
          "conditional");

  ReferenceFormat() {
    super("reference-format", "a malformed or unresolvable literal reference");
  }

  @Override
  public void targets(Doc doc, List<Target> out) {
    for (Site s : doc.sites()) {
      if (s.isPrimitive()
          && s.element().path().equals("Reference.reference")
          && s.value().isString()
          && s.inTask()) {
        for (String v : VARIANTS) {
          out.add(new Target(v, v, s));
        }
      }
    }
  }

  @Override
  public Change apply(Doc doc, Target t, Rng rng) {
    Site s = t.site();
    String old = s.value().string();
    String[] typeId = Ops.typeAndId(old);
    String type = typeId != null ? typeId[0] : "Patient";
    String id =
        typeId != null
            ? typeId[1]
            : old.startsWith("#") && old.length() > 1 ? old.substring(1) : "example";
    String now =
        switch (t.variant()) {
          case "type-only" -> type + "/";
          case "hash-only" -> "#";
          case "extra-segment" -> type + "/" + id + "/" + id;
          case "absolute-url" -> "http://example.org/fhir/" + type + "/" + id;
          case "urn-uuid-unresolved" -> "urn:uuid:" + Ops.uuid(rng);
          case "lowercase-type" -> type.toLowerCase(Locale.ROOT) + "/" + id;
          case "space-in-id" -> type + "/" + id + " 1";
          case "bare-id" -> id;
          case "history-without-version" -> type + "/" + id + "/_history/";
          case "double-slash" -> type + "//" + id;
          default -> type + "?identifier=" + id;
        };
    if (now.equals(old)) {
      return null;
    }
    return Change.at(
        s,
        t.variant(),
        "reference \"" + old + "\" -> \"" + now + "\"",
        Ops.replaceString(doc, s.value(), now));
  }
}
