package dev.taskcheck.testdata.mutation;

import java.util.List;

/**
 * Breaks an extension. Variants: {@code no-url}, {@code no-value} (neither value nor nested
 * extensions: ext-1), {@code value-and-nested} (both: ext-1), {@code two-values}, {@code
 * relative-url}, {@code empty-url}, {@code url-with-space}, {@code unknown-modifier} (a
 * modifierExtension nobody knows on a Task or backbone element), {@code modifier-in-datatype}
 * ({@code modifierExtension} where a datatype has none), {@code unknown-extension} (an extension
 * with an unresolvable URL), {@code dar-wrong-type} (the data-absent-reason extension with a string
 * instead of a code).
 */
final class Extensions extends BaseOperator {

  private static final String UNKNOWN = "http://example.org/fhir/StructureDefinition/";

  Extensions() {
    super(
        "extension",
        "extensions without url or value, with both value and extensions, unknown (modifier) extensions");
  }

  @Override
  public void targets(Doc doc, List<Target> out) {
    for (Site s : doc.sites()) {
      if (!s.inTask() || !s.value().isObject() || s.type() == null) {
        continue;
      }
      JsonText.Value v = s.value();
      if (s.type().equals("Extension") && s.isItem()) {
        boolean url = v.member("url") != null && v.get("url").isString();
        JsonText.Member value = value(v);
        addIf(out, s, url, "no-url", "relative-url", "empty-url", "url-with-space");
        addIf(
            out,
            s,
            value != null && v.member("extension") == null,
            "no-value",
            "value-and-nested",
            "two-values");
        addIf(
            out,
            s,
            url && RemoveRequired.DAR.equals(v.text("url")) && value != null,
            "dar-wrong-type");
      } else if ((s.isResource() && "Task".equals(s.type()))
          || "BackboneElement".equals(s.type())) {
        addIf(out, s, true, "unknown-modifier", "unknown-extension");
      } else if (Ops.isComplex(s) && !s.type().equals("Extension")) {
        addIf(out, s, true, "modifier-in-datatype", "unknown-extension");
      }
    }
  }

  /** The extension's value[x] member, or null. */
  private static JsonText.Member value(JsonText.Value extension) {
    return extension.members().stream()
        .filter(m -> m.name().startsWith("value"))
        .findFirst()
        .orElse(null);
  }

  @Override
  public Change apply(Doc doc, Target t, Rng rng) {
    Site s = t.site();
    JsonText.Value v = s.value();
    JsonText.Value url = v.get("url");
    JsonText.Member value = value(v);
    String ext =
        Jsons.obj(
            "url",
            Jsons.quote(UNKNOWN + "mutation-" + (1 + rng.nextInt(9))),
            "valueString",
            Jsons.quote("x"));
    return switch (t.variant()) {
      case "no-url" ->
          Change.at(
              s,
              t.variant(),
              "extension without url (was " + Ops.shown(doc, url) + ")",
              Ops.remove(doc, v, "url"));
      case "relative-url" -> url(doc, s, t, "my-extension");
      case "empty-url" -> url(doc, s, t, "");
      case "url-with-space" -> url(doc, s, t, url.string() + " x");
      case "no-value" ->
          Change.at(
              s,
              t.variant(),
              "extension " + Ops.shown(doc, url) + " without " + value.name(),
              Ops.remove(doc, v, value.name()));
      case "value-and-nested" ->
          Change.at(
              s,
              t.variant(),
              "extension with " + value.name() + " and a nested extension",
              Ops.append(
                  doc,
                  v,
                  "extension",
                  Jsons.arr(
                      Jsons.obj("url", Jsons.quote("part"), "valueString", Jsons.quote("x")))));
      case "two-values" -> {
        String second = value.name().equals("valueString") ? "valueBoolean" : "valueString";
        yield Change.at(
            s,
            t.variant(),
            "extension with " + value.name() + " and " + second,
            doc.layout()
                .insert(
                    v,
                    v.indexOf(value),
                    second,
                    second.equals("valueString") ? Jsons.quote("x") : "true"));
      }
      case "dar-wrong-type" -> {
        String now = Jsons.quote(value.value().isString() ? value.value().string() : "unknown");
        yield Change.at(
            s,
            t.variant(),
            "data-absent-reason " + value.name() + " -> valueString " + now,
            List.of(
                doc.layout().rename(value, "valueString"),
                doc.layout().replace(value.value(), now)));
      }
      case "unknown-modifier", "modifier-in-datatype" ->
          member(
              doc,
              s,
              t,
              "modifierExtension",
              Jsons.obj("url", Jsons.quote(UNKNOWN + "unknown-modifier"), "valueBoolean", "true"));
      default -> member(doc, s, t, "extension", ext);
    };
  }

  private static Change url(Doc doc, Site s, Target t, String now) {
    JsonText.Value url = s.value().get("url");
    return Change.at(
        s,
        t.variant(),
        "extension url " + Ops.shown(doc, url) + " -> \"" + now + "\"",
        Ops.replaceString(doc, url, now));
  }

  /**
   * Adds an extension to the site's {@code extension} or {@code modifierExtension} array (made if
   * absent).
   */
  private static Change member(Doc doc, Site s, Target t, String name, String extension) {
    JsonText.Value array = s.value().get(name);
    Layout.Edit edit =
        array != null && array.isArray()
            ? doc.layout().insertItem(array, array.items().size() - 1, extension)
            : Ops.append(doc, s.value(), name, Jsons.arr(extension));
    int index = array != null && array.isArray() ? array.items().size() : 0;
    return new Change(
        t.variant(),
        s.pointer() + "/" + name + "/" + index,
        s.path() + "." + name + "[" + index + "]",
        "added " + name + " " + Ops.shown(extension),
        List.of(edit));
  }
}
