package dev.taskcheck.testdata.mutation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Year;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Breaks an invariant while keeping every value well-formed. Variants: {@code rat-1} (a Ratio keeps
 * its numerator only), {@code rat-1-added} (a new input whose Ratio has only a numerator), {@code
 * per-1} (a Period ends before it starts), {@code qty-3} (a Quantity code without a system), {@code
 * display-only} (a Reference keeps its display only), narrative {@code div} breakers ({@code
 * div-empty}, {@code div-whitespace}, {@code div-script}, {@code div-event-attribute}, {@code
 * div-no-namespace}, {@code div-malformed}), {@code inv-1} (lastModified before authoredOn), {@code
 * rng-2} (a Range low above its high), {@code att-1} (Attachment data without contentType), {@code
 * no-narrative} (dom-6).
 */
final class Invariants extends BaseOperator {

  private static final String XHTML = "http://www.w3.org/1999/xhtml";
  private static final Pattern YEAR = Pattern.compile("[0-9]{4}");
  private static final Pattern YEAR_MONTH = Pattern.compile("[0-9]{4}-[0-9]{2}");
  private static final Pattern DAY = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");

  Invariants() {
    super(
        "invariant",
        "an invariant broken with well-formed values (rat-1, per-1, qty-3, txt-1/2, inv-1, ...)");
  }

  @Override
  public void targets(Doc doc, List<Target> out) {
    for (Site s : doc.sites()) {
      if (!s.inTask() || s.isShadow() || s.type() == null) {
        continue;
      }
      JsonText.Value v = s.value();
      switch (s.type()) {
        case "Ratio" ->
            addIf(
                out,
                s,
                v.isObject() && v.member("numerator") != null && v.member("denominator") != null,
                "rat-1");
        case "Period" ->
            addIf(out, s, v.isObject() && (date(v, "start") || date(v, "end")), "per-1");
        case "Quantity", "Age", "Count", "Distance", "Duration", "SimpleQuantity" ->
            addIf(
                out,
                s,
                v.isObject()
                    && ((v.member("code") != null && v.member("system") != null)
                        || (v.member("code") == null && v.member("system") == null)),
                "qty-3");
        case "Reference" ->
            addIf(
                out,
                s,
                v.isObject() && (v.member("reference") != null || v.member("identifier") != null),
                "display-only");
        case "Range" ->
            addIf(out, s, v.isObject() && number(v.get("low")) && number(v.get("high")), "rng-2");
        case "Attachment" ->
            addIf(
                out,
                s,
                v.isObject() && v.member("data") != null && v.member("contentType") != null,
                "att-1");
        case "xhtml" -> {
          for (String variant :
              List.of(
                  "div-empty",
                  "div-whitespace",
                  "div-script",
                  "div-event-attribute",
                  "div-no-namespace",
                  "div-malformed")) {
            addIf(out, s, v.isString(), variant);
          }
        }
        case "Task" -> {
          addIf(out, s, s.isResource() && date(v, "authoredOn"), "inv-1");
          addIf(out, s, s.isResource() && v.member("text") != null, "no-narrative");
          addIf(out, s, s.isResource(), "rat-1-added");
        }
        default -> {
          // nothing to break here
        }
      }
    }
  }

  private static boolean date(JsonText.Value object, String name) {
    JsonText.Value v = object.get(name);
    return v != null && v.isString() && shift(v.string(), 0) != null;
  }

  private static boolean number(JsonText.Value quantity) {
    return quantity != null
        && quantity.isObject()
        && quantity.get("value") != null
        && quantity.get("value").kind() == JsonText.Kind.NUMBER;
  }

  @Override
  public Change apply(Doc doc, Target t, Rng rng) {
    Site s = t.site();
    JsonText.Value v = s.value();
    return switch (t.variant()) {
      case "rat-1" ->
          Change.at(
              s, t.variant(), "Ratio without its denominator", Ops.remove(doc, v, "denominator"));
      case "per-1" -> period(doc, s);
      case "qty-3" ->
          v.member("code") != null
              ? Change.at(
                  s,
                  t.variant(),
                  "Quantity code " + Ops.shown(doc, v.get("code")) + " without its system",
                  Ops.remove(doc, v, "system"))
              : Change.at(
                  s,
                  t.variant(),
                  "Quantity code \"mg\" added without a system",
                  Ops.append(doc, v, "code", Jsons.quote("mg")));
      case "display-only" ->
          Change.at(
              s,
              t.variant(),
              "Reference with a display only",
              v.member("display") == null
                  ? List.of(doc.layout().replace(v, Jsons.obj("display", Jsons.quote("someone"))))
                  : Ops.remove(doc, v, "reference", "identifier", "type"));
      case "rng-2" -> {
        JsonText.Value low = v.get("low").get("value");
        JsonText.Value high = v.get("high").get("value");
        String now = new BigDecimal(high.string()).add(BigDecimal.ONE).toPlainString();
        yield Change.at(
            s,
            t.variant(),
            "Range low " + low.string() + " -> " + now + " above high " + high.string(),
            doc.layout().replace(low, now));
      }
      case "att-1" ->
          Change.at(
              s,
              t.variant(),
              "Attachment data without contentType",
              Ops.remove(doc, v, "contentType"));
      case "inv-1" -> lastModified(doc, s);
      case "no-narrative" ->
          new Change(
              t.variant(),
              s.pointer() + "/text",
              s.path() + ".text",
              "removed the narrative",
              Ops.remove(doc, v, "text"));
      case "rat-1-added" -> ratioInput(doc, s);
      default -> {
        String div = div(t.variant());
        yield Change.at(
            s, t.variant(), "div " + Ops.shown(Jsons.quote(div)), Ops.replaceString(doc, v, div));
      }
    };
  }

  private static String div(String variant) {
    String open = "<div xmlns=\"" + XHTML + "\">";
    return switch (variant) {
      case "div-empty" -> open + "</div>";
      case "div-whitespace" -> open + "   </div>";
      case "div-script" -> open + "<p>Task</p><script>alert(1)</script></div>";
      case "div-event-attribute" -> open + "<p onclick=\"alert(1)\">Task</p></div>";
      case "div-no-namespace" -> "<div><p>Task</p></div>";
      default -> open + "<p>Task</div>";
    };
  }

  /** A Period that ends a day before it starts: end moved, or a missing start or end added. */
  private static Change period(Doc doc, Site s) {
    JsonText.Value v = s.value();
    JsonText.Value start = v.get("start");
    JsonText.Value end = v.get("end");
    if (start != null && date(v, "start")) {
      String now = shift(start.string(), -1);
      Layout.Edit edit =
          end != null
              ? Ops.replaceString(doc, end, now)
              : Ops.append(doc, v, "end", Jsons.quote(now));
      return Change.at(
          s, "per-1", "Period end -> \"" + now + "\" before start " + Ops.shown(doc, start), edit);
    }
    String now = shift(end.string(), 1);
    Layout.Edit edit =
        start != null
            ? Ops.replaceString(doc, start, now)
            : doc.layout().insert(v, -1, "start", Jsons.quote(now));
    return Change.at(
        s, "per-1", "Period start -> \"" + now + "\" after end " + Ops.shown(doc, end), edit);
  }

  /** lastModified a day before authoredOn (replaced or added). */
  private static Change lastModified(Doc doc, Site task) {
    JsonText.Value v = task.value();
    String now = shift(v.get("authoredOn").string(), -1);
    JsonText.Value old = v.get("lastModified");
    Layout.Edit edit =
        old != null
            ? Ops.replaceString(doc, old, now)
            : doc.layout()
                .insert(v, v.indexOf(v.member("authoredOn")), "lastModified", Jsons.quote(now));
    return new Change(
        "inv-1",
        task.pointer() + "/lastModified",
        task.path() + ".lastModified",
        "lastModified -> \"" + now + "\" before authoredOn " + Ops.shown(doc, v.get("authoredOn")),
        List.of(edit));
  }

  /** A new input whose value is a Ratio with a numerator only. */
  private static Change ratioInput(Doc doc, Site task) {
    JsonText.Value v = task.value();
    String input =
        Jsons.obj(
            "type",
            Jsons.obj("text", Jsons.quote("progress")),
            "valueRatio",
            Jsons.obj("numerator", Jsons.obj("value", "1")));
    JsonText.Value inputs = v.get("input");
    Layout.Edit edit =
        inputs != null && inputs.isArray()
            ? doc.layout().insertItem(inputs, inputs.items().size() - 1, input)
            : Ops.append(doc, v, "input", Jsons.arr(input));
    int index = inputs != null && inputs.isArray() ? inputs.items().size() : 0;
    return new Change(
        "rat-1-added",
        task.pointer() + "/input/" + index,
        task.path() + ".input[" + index + "].value.ofType(Ratio)",
        "added an input whose Ratio has a numerator only",
        List.of(edit));
  }

  /**
   * A date or dateTime moved by {@code days} (a year or year-month moves by a year or a month), the
   * time and zone kept; null when the text is not one.
   */
  static String shift(String value, int days) {
    try {
      if (YEAR.matcher(value).matches()) {
        return Year.parse(value).plusYears(days).toString();
      }
      if (YEAR_MONTH.matcher(value).matches()) {
        return YearMonth.parse(value).plusMonths(days).toString();
      }
      if (value.length() >= 10 && DAY.matcher(value.substring(0, 10)).matches()) {
        return LocalDate.parse(value.substring(0, 10)).plusDays(days) + value.substring(10);
      }
    } catch (DateTimeParseException e) {
      return null;
    }
    return null;
  }
}
