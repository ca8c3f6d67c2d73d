package dev.taskcheck.testdata.mutation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * Gives a primitive a value its type does not allow, per type: a dateTime with a space, month 13,
 * hour 24, minutes without seconds but a zone; a date with a time; an instant without zone;
 * decimals as strings or with a leading '+'; integer overflow, a negative positiveInt, unsignedInt
 * -1; empty strings, strings of spaces, control characters; a code with leading or trailing space;
 * an id too long or with invalid characters; a uri with a space; an oid or uuid without its prefix;
 * invalid base64; booleans as strings. Each variant is kept only where it changes the value.
 */
final class BadPrimitive extends BaseOperator {

  /** Type, then variant name to the new JSON value from the old (string or number text). */
  private static final Pattern DATE = Pattern.compile("[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?");

  private static final Pattern CLOCK = Pattern.compile("[0-9]{2}:[0-9]{2}:[0-9]{2}");
  private static final Pattern SMALL_INTEGER = Pattern.compile("-?[0-9]{1,15}");
  private static final Map<String, Map<String, UnaryOperator<String>>> VARIANTS = variants();

  BadPrimitive() {
    super("bad-primitive", "a primitive value its type's format does not allow");
  }

  @Override
  public void targets(Doc doc, List<Target> out) {
    for (Site s : doc.sites()) {
      JsonText.Kind k =
          s.value().kind() == JsonText.Kind.FALSE ? JsonText.Kind.TRUE : s.value().kind();
      if (!s.isPrimitive() || k != kind(s.type()) || !VARIANTS.containsKey(s.type())) {
        continue;
      }
      String old = old(s.value());
      for (Map.Entry<String, UnaryOperator<String>> v : VARIANTS.get(s.type()).entrySet()) {
        String json = v.getValue().apply(old);
        if (!json.equals(Jsons.raw(doc.text(), s.value()))) {
          out.add(new Target(s.type() + ":" + v.getKey(), v.getKey(), s));
        }
      }
    }
  }

  /** The JSON kind a primitive type is written as (true for boolean). */
  static JsonText.Kind kind(String type) {
    return switch (type) {
      case "boolean" -> JsonText.Kind.TRUE;
      case "integer", "decimal", "positiveInt", "unsignedInt" -> JsonText.Kind.NUMBER;
      default -> JsonText.Kind.STRING;
    };
  }

  /** The value as the variants read it: a string's content, a number's or boolean's text. */
  private static String old(JsonText.Value v) {
    return switch (v.kind()) {
      case STRING, NUMBER -> v.string();
      case TRUE -> "true";
      default -> "false";
    };
  }

  @Override
  public Change apply(Doc doc, Target t, Rng rng) {
    Site s = t.site();
    String json = VARIANTS.get(s.type()).get(t.variant()).apply(old(s.value()));
    return Change.at(
        s,
        s.type() + ":" + t.variant(),
        s.type() + " " + s.name() + " " + Ops.shown(doc, s.value()) + " -> " + Ops.shown(json),
        doc.layout().replace(s.value(), json));
  }

  // ---- the variants, per type
  // ----------------------------------------------------------------------

  private static Map<String, Map<String, UnaryOperator<String>>> variants() {
    Map<String, Map<String, UnaryOperator<String>>> m = new LinkedHashMap<>();
    Map<String, UnaryOperator<String>> date = new LinkedHashMap<>();
    date.put("month-13", v -> str(datePart(v).substring(0, 5) + "13" + rest(datePart(v), 7)));
    date.put("day-32", v -> str(year(v) + "-01-32"));
    date.put("with-time", v -> str(datePart(v) + "T10:00:00Z"));
    date.put("slashes", v -> str(datePart(v).replace('-', '/')));
    date.put("two-digit-year", v -> str(datePart(v).substring(2)));
    m.put("date", date);
    Map<String, UnaryOperator<String>> dateTime = new LinkedHashMap<>();
    dateTime.put("space", v -> str(day(v) + " " + clock(v)));
    dateTime.put("month-13", v -> str(year(v) + "-13-01T10:00:00Z"));
    dateTime.put("hour-24", v -> str(day(v) + "T24:00:00Z"));
    dateTime.put("no-seconds", v -> str(day(v) + "T" + clock(v).substring(0, 5) + "+01:00"));
    dateTime.put("no-zone", v -> str(day(v) + "T" + clock(v)));
    dateTime.put("bad-zone", v -> str(day(v) + "T" + clock(v) + "+25:00"));
    dateTime.put("feb-30", v -> str(year(v) + "-02-30"));
    m.put("dateTime", dateTime);
    Map<String, UnaryOperator<String>> instant = new LinkedHashMap<>();
    instant.put("no-zone", v -> str(day(v) + "T" + clock(v)));
    instant.put("date-only", v -> str(day(v)));
    instant.put("no-seconds", v -> str(day(v) + "T" + clock(v).substring(0, 5) + "Z"));
    instant.put("space", v -> str(day(v) + " " + clock(v) + "Z"));
    m.put("instant", instant);
    Map<String, UnaryOperator<String>> time = new LinkedHashMap<>();
    time.put("hour-24", v -> str("24:00:00"));
    time.put("with-zone", v -> str(v + "Z"));
    time.put("no-seconds", v -> str(v.length() >= 5 ? v.substring(0, 5) : "10:00"));
    time.put("minute-60", v -> str("10:60:00"));
    m.put("time", time);
    Map<String, UnaryOperator<String>> decimal = new LinkedHashMap<>();
    decimal.put("string", v -> str(v));
    decimal.put("leading-plus", v -> str("+" + v));
    decimal.put("comma", v -> str(v.replace('.', ',') + (v.contains(".") ? "" : ",5")));
    m.put("decimal", decimal);
    Map<String, UnaryOperator<String>> integer = new LinkedHashMap<>();
    integer.put("overflow", v -> "2147483648");
    integer.put("decimal", v -> v + ".5");
    integer.put("exponent", v -> "1e3");
    integer.put("string", v -> str(v));
    m.put("integer", integer);
    Map<String, UnaryOperator<String>> positive = new LinkedHashMap<>();
    positive.put("zero", v -> "0");
    positive.put("negative", v -> v.startsWith("-") ? "-1" : "-" + v);
    positive.put("overflow", v -> "2147483648");
    positive.put("decimal", v -> v + ".0");
    m.put("positiveInt", positive);
    Map<String, UnaryOperator<String>> unsigned = new LinkedHashMap<>();
    unsigned.put("negative", v -> "-1");
    unsigned.put("overflow", v -> "2147483648");
    unsigned.put("decimal", v -> v + ".5");
    m.put("unsignedInt", unsigned);
    Map<String, UnaryOperator<String>> integer64 = new LinkedHashMap<>();
    integer64.put("number", v -> SMALL_INTEGER.matcher(v).matches() ? v : "5");
    integer64.put("letters", v -> str(v + "a"));
    integer64.put("overflow", v -> str("9223372036854775808"));
    m.put("integer64", integer64);
    m.put("string", text());
    m.put("markdown", text());
    Map<String, UnaryOperator<String>> code = new LinkedHashMap<>();
    code.put("leading-space", v -> str(" " + v));
    code.put("trailing-space", v -> str(v + " "));
    code.put(
        "double-space", v -> str(v.length() > 1 ? v.charAt(0) + "  " + v.substring(1) : v + "  x"));
    code.put("empty", v -> str(""));
    code.put("tab", v -> str(v + "\t"));
    m.put("code", code);
    Map<String, UnaryOperator<String>> id = new LinkedHashMap<>();
    id.put("too-long", v -> str((v + "-" + "0123456789".repeat(7)).substring(0, 65)));
    id.put("underscore", v -> str(v + "_1"));
    id.put("slash", v -> str(v + "/1"));
    id.put("space", v -> str(v + " 1"));
    id.put("empty", v -> str(""));
    m.put("id", id);
    m.put("uri", uri());
    m.put("url", uri());
    Map<String, UnaryOperator<String>> canonical = new LinkedHashMap<>(uri());
    canonical.put("trailing-pipe", v -> str(v + "|"));
    m.put("canonical", canonical);
    Map<String, UnaryOperator<String>> oid = new LinkedHashMap<>();
    oid.put("no-prefix", v -> str(v.replaceFirst("^urn:oid:", "")));
    oid.put("letters", v -> str("urn:oid:1.2.a"));
    oid.put("leading-zero", v -> str("urn:oid:1.02.3"));
    m.put("oid", oid);
    Map<String, UnaryOperator<String>> uuid = new LinkedHashMap<>();
    uuid.put("no-prefix", v -> str(v.replaceFirst("^urn:uuid:", "")));
    uuid.put("uppercase", v -> str(v.toUpperCase(Locale.ROOT).replace("URN:UUID:", "urn:uuid:")));
    uuid.put("short", v -> str("urn:uuid:1234"));
    m.put("uuid", uuid);
    Map<String, UnaryOperator<String>> base64 = new LinkedHashMap<>();
    base64.put("invalid-chars", v -> str("not base64!"));
    base64.put("bad-length", v -> str("abcde"));
    m.put("base64Binary", base64);
    Map<String, UnaryOperator<String>> bool = new LinkedHashMap<>();
    bool.put("string", v -> str(v));
    bool.put("capitalised", v -> str(FhirTable.capitalized(v)));
    bool.put("number", v -> v.equals("true") ? "1" : "0");
    m.put("boolean", bool);
    return m;
  }

  private static Map<String, UnaryOperator<String>> text() {
    Map<String, UnaryOperator<String>> m = new LinkedHashMap<>();
    m.put("empty", v -> str(""));
    m.put("spaces", v -> str("   "));
    m.put("control-char", v -> str(v + "\u0001"));
    m.put("padded", v -> str(" " + v + " "));
    return m;
  }

  private static Map<String, UnaryOperator<String>> uri() {
    Map<String, UnaryOperator<String>> m = new LinkedHashMap<>();
    m.put("space", v -> str(v.length() > 4 ? v.substring(0, 4) + " " + v.substring(4) : v + " x"));
    m.put("empty", v -> str(""));
    m.put("spaces", v -> str("   "));
    return m;
  }

  private static String str(String s) {
    return Jsons.quote(s);
  }

  /**
   * The date part {@code YYYY-MM-DD} of a date or dateTime, completed from {@code YYYY} or {@code
   * YYYY-MM}.
   */
  private static String datePart(String v) {
    String d = v.length() >= 10 ? v.substring(0, 10) : v;
    if (!DATE.matcher(d).matches()) {
      return "2024-03-05";
    }
    return d.length() == 4 ? d + "-03-05" : d.length() == 7 ? d + "-05" : d;
  }

  private static String rest(String s, int from) {
    return s.length() > from ? s.substring(from) : "";
  }

  private static String day(String v) {
    return datePart(v);
  }

  private static String year(String v) {
    return datePart(v).substring(0, 4);
  }

  /** The clock time {@code hh:mm:ss} of a dateTime (fraction and zone dropped), or 10:30:00. */
  private static String clock(String v) {
    if (v.length() >= 19 && v.charAt(10) == 'T' && CLOCK.matcher(v.substring(11, 19)).matches()) {
      return v.substring(11, 19);
    }
    return "10:30:00";
  }
}
