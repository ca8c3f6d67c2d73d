package dev.taskcheck.testdata.mutation;

import java.util.List;

/**
 * Repeats an element that allows at most one (0..1 or 1..1). Variants: {@code array-of-two} (the
 * value twice in an array), {@code array-of-one} (the value wrapped in an array), {@code
 * two-choice-types} (a second {@code value[x]} of another type beside the first).
 */
final class DuplicateSingle extends BaseOperator {

  /** Simple values for a second choice type, in order of preference. */
  private static final List<String[]> SECOND_VALUES =
      List.of(
          new String[] {"string", "\"second value\""},
          new String[] {"boolean", "true"},
          new String[] {"integer", "2"},
          new String[] {"code", "\"second\""},
          new String[] {"dateTime", "\"2024-02-01T10:00:00Z\""});

  DuplicateSingle() {
    super("duplicate-single", "repeat an element that allows at most one");
  }

  @Override
  public void targets(Doc doc, List<Target> out) {
    for (Site s : doc.sites()) {
      if (!s.isMember()
          || s.isShadow()
          || s.element() == null
          || s.element().repeats()
          || s.value().isArray()
          || s.isResource()) {
        continue;
      }
      String shape = s.value().isObject() ? "object" : "primitive";
      out.add(new Target("array-of-two " + shape, "array-of-two", s));
      out.add(new Target("array-of-one " + shape, "array-of-one", s));
      if (s.element().isChoice() && second(s) != null) {
        out.add(new Target("two-choice-types", "two-choice-types", s));
      }
    }
  }

  private static String[] second(Site s) {
    for (String[] v : SECOND_VALUES) {
      if (s.element().types().contains(v[0])
          && !v[0].equals(s.type())
          && s.owner().member(s.element().jsonBase() + FhirTable.capitalized(v[0])) == null) {
        return v;
      }
    }
    return null;
  }

  @Override
  public Change apply(Doc doc, Target t, Rng rng) {
    Site s = t.site();
    String raw = Jsons.raw(doc.text(), s.value());
    return switch (t.variant()) {
      case "array-of-two" ->
          Change.at(
              s,
              t.variant(),
              s.name() + " written twice in an array",
              doc.layout().replace(s.value(), Jsons.arr(raw, raw)));
      case "array-of-one" ->
          Change.at(
              s,
              t.variant(),
              s.name() + " written as an array of one",
              doc.layout().replace(s.value(), Jsons.arr(raw)));
      default -> {
        String[] v = second(s);
        String name = s.element().jsonBase() + FhirTable.capitalized(v[0]);
        int index = s.owner().indexOf(s.member());
        yield Change.at(
            s,
            t.variant(),
            "added " + name + " " + v[1] + " beside " + s.name(),
            doc.layout().insert(s.owner(), index, name, v[1]));
      }
    };
  }
}
