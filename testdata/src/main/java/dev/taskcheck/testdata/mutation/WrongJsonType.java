package dev.taskcheck.testdata.mutation;

import java.util.List;

/**
 * Writes a value with the wrong JSON type: an object as a string, number, boolean or array of
 * strings; a string primitive as an object, number or boolean; a number as a string, boolean or
 * object; a boolean as a string or number; a repeating element's array as its first item alone or
 * as a string.
 */
final class WrongJsonType extends BaseOperator {

  WrongJsonType() {
    super(
        "wrong-json-type",
        "a value of the wrong JSON type (object, array, string, number, boolean)");
  }

  @Override
  public void targets(Doc doc, List<Target> out) {
    for (Site s : doc.sites()) {
      if (s.element() == null || s.isShadow() || s.isResource() || s.type() == null) {
        continue;
      }
      JsonText.Value v = s.value();
      if (v.isArray()) {
        // an array (of a repeating member) becomes one of its items or a string; other arrays stay
        if (s.isMember() && s.repeats() && !v.items().isEmpty()) {
          add(out, s, "array-to-item", "array-to-string");
        }
      } else if (v.isObject()) {
        add(
            out,
            s,
            "object-to-string",
            "object-to-number",
            "object-to-boolean",
            "object-to-strings");
      } else if (v.isString()) {
        add(out, s, "string-to-object", "string-to-number", "string-to-boolean");
      } else if (v.kind() == JsonText.Kind.NUMBER) {
        add(out, s, "number-to-string", "number-to-boolean", "number-to-object");
      } else if (v.kind() == JsonText.Kind.TRUE || v.kind() == JsonText.Kind.FALSE) {
        add(out, s, "boolean-to-string", "boolean-to-number");
      }
    }
  }

  @Override
  public Change apply(Doc doc, Target t, Rng rng) {
    Site s = t.site();
    JsonText.Value v = s.value();
    String raw = Jsons.raw(doc.text(), v);
    String json =
        switch (t.variant()) {
          case "array-to-item" -> Jsons.raw(doc.text(), v.items().get(0));
          case "array-to-string", "object-to-string" -> Jsons.quote(label(v));
          case "object-to-number" -> "1";
          case "object-to-boolean", "string-to-boolean", "number-to-boolean" -> "true";
          case "object-to-strings" -> Jsons.arr(Jsons.quote(label(v)));
          case "string-to-object" -> Jsons.obj("value", raw);
          case "string-to-number" -> number(v.string());
          case "number-to-string", "boolean-to-string" -> Jsons.quote(raw);
          case "number-to-object" -> Jsons.obj("value", raw);
          case "boolean-to-number" -> v.kind() == JsonText.Kind.TRUE ? "1" : "0";
          default -> throw new IllegalArgumentException(t.variant());
        };
    return Ops.replaced(doc, s, t.variant(), json);
  }

  /** A string that stands for an object or array: its first string inside, else its name. */
  private static String label(JsonText.Value v) {
    String found = firstString(v);
    return found == null || found.isBlank() ? "value" : found;
  }

  private static String firstString(JsonText.Value v) {
    if (v.isString()) {
      return v.string();
    }
    for (JsonText.Member m : v.members()) {
      String s = firstString(m.value());
      if (s != null) {
        return s;
      }
    }
    for (JsonText.Value item : v.items()) {
      String s = firstString(item);
      if (s != null) {
        return s;
      }
    }
    return null;
  }

  /** The string as a JSON number when it reads as one, else its length. */
  private static String number(String s) {
    return s.matches("-?(0|[1-9][0-9]{0,15})(\\.[0-9]{1,15})?") ? s : Integer.toString(s.length());
  }
}
