package dev.taskcheck.testdata.mutation;

import java.util.List;

/**
 * Deliberate syntax mutations (the only mutants that are not strict JSON), kept few: {@code
 * trailing-comma}, {@code missing-comma}, {@code unquoted-name}, {@code single-quotes}, {@code
 * comment}, {@code unclosed} (the document's last brace gone), {@code extra-closing}, {@code
 * duplicate-name} (a member repeated: well-formed but not unique), {@code leading-zero}, {@code
 * plus-number}, {@code nan}, {@code bare-word}, {@code bom}.
 */
final class Syntax extends BaseOperator {

  Syntax() {
    super("syntax", "deliberate JSON syntax errors (a few, marked)");
  }

  @Override
  public boolean syntax() {
    return true;
  }

  @Override
  public int weight() {
    return 1;
  }

  @Override
  public void targets(Doc doc, List<Target> out) {
    Site root = doc.sites().get(0);
    for (String v : List.of("unclosed", "extra-closing", "bom")) {
      out.add(new Target(v, v, root));
    }
    for (Site s : doc.sites()) {
      if (!s.isMember() || s.element() == null) {
        continue;
      }
      for (String v :
          List.of("unquoted-name", "single-quotes", "comment", "duplicate-name", "bare-word")) {
        out.add(new Target(v, v, s));
      }
      if (s.owner().members().size() > 1) {
        out.add(new Target("missing-comma", "missing-comma", s));
      }
      if (s.owner().members().get(s.owner().members().size() - 1).equals(s.member())) {
        out.add(new Target("trailing-comma", "trailing-comma", s));
      }
      if (s.value().kind() == JsonText.Kind.NUMBER) {
        for (String v : List.of("leading-zero", "plus-number", "nan")) {
          out.add(new Target(v, v, s));
        }
      }
    }
  }

  @Override
  public Change apply(Doc doc, Target t, Rng rng) {
    Site s = t.site();
    JsonText.Value v = s.value();
    String text = doc.text();
    return switch (t.variant()) {
      case "unclosed" ->
          Change.at(
              s, t.variant(), "the last '}' removed", new Layout.Edit(v.end() - 1, v.end(), ""));
      case "extra-closing" ->
          Change.at(
              s, t.variant(), "a second '}' at the end", new Layout.Edit(v.end(), v.end(), "}"));
      case "bom" ->
          Change.at(
              s,
              t.variant(),
              "a byte order mark before the document",
              new Layout.Edit(0, 0, "\uFEFF"));
      case "unquoted-name" ->
          Change.at(
              s,
              t.variant(),
              "member name " + s.name() + " without quotes",
              new Layout.Edit(s.member().nameStart(), s.member().nameEnd(), s.name()));
      case "single-quotes" ->
          Change.at(
              s,
              t.variant(),
              "member name '" + s.name() + "' in single quotes",
              new Layout.Edit(s.member().nameStart(), s.member().nameEnd(), "'" + s.name() + "'"));
      case "comment" ->
          Change.at(
              s,
              t.variant(),
              "a /* comment */ before " + s.name(),
              new Layout.Edit(s.member().nameStart(), s.member().nameStart(), "/* mutated */ "));
      case "duplicate-name" -> {
        int i = s.owner().indexOf(s.member());
        yield Change.at(
            s,
            t.variant(),
            "member " + s.name() + " written twice",
            doc.layout().insert(s.owner(), i, s.name(), Jsons.raw(text, v)));
      }
      case "bare-word" ->
          Change.at(
              s,
              t.variant(),
              s.name() + " -> undefined",
              new Layout.Edit(v.start(), v.end(), "undefined"));
      case "missing-comma" -> {
        List<JsonText.Member> ms = s.owner().members();
        int i = s.owner().indexOf(s.member());
        int end = i + 1 < ms.size() ? ms.get(i).value().end() : ms.get(i - 1).value().end();
        int comma = text.indexOf(',', end);
        yield Change.at(
            s,
            t.variant(),
            "the comma after a member removed",
            new Layout.Edit(comma, comma + 1, ""));
      }
      case "trailing-comma" ->
          Change.at(
              s,
              t.variant(),
              "a comma after the last member " + s.name(),
              new Layout.Edit(v.end(), v.end(), ","));
      case "leading-zero" ->
          Change.at(
              s,
              t.variant(),
              s.name() + " " + v.string() + " with a leading zero",
              new Layout.Edit(
                  v.start() + (v.string().startsWith("-") ? 1 : 0),
                  v.start() + (v.string().startsWith("-") ? 1 : 0),
                  "0"));
      case "plus-number" ->
          Change.at(
              s,
              t.variant(),
              s.name() + " +" + v.string(),
              new Layout.Edit(v.start(), v.start(), "+"));
      default ->
          Change.at(
              s, t.variant(), s.name() + " -> NaN", new Layout.Edit(v.start(), v.end(), "NaN"));
    };
  }
}
