package dev.taskcheck.parse;

import static org.assertj.core.api.Assertions.assertThat;

import org.jspecify.annotations.Nullable;

/** Compares what the fast JSON path and the Jackson path make of one text. */
final class JsonTrees {

  private JsonTrees() {}

  /** What the two paths did with one text. */
  record Outcome(ParseOutcome jackson, @Nullable Node fast) {

    boolean jacksonParsed() {
      return jackson instanceof ParsedDocument;
    }
  }

  /**
   * Parses {@code text} both ways and asserts that the fast path either gave up or built exactly
   * the Jackson path's tree.
   */
  static Outcome compare(String text, int firstLine, DocumentLimits limits, String what) {
    ParseOutcome jackson = JsonTreeParser.parseWithJackson(text, firstLine, limits);
    Node fast = FastJsonReader.read(text, firstLine, limits);
    if (fast != null) {
      assertThat(jackson)
          .as("%s: the fast path read it, so Jackson must have: %s", what, jackson)
          .isInstanceOf(ParsedDocument.class);
      Node expected = ((ParsedDocument) jackson).root();
      assertSame(expected, fast, what + ": " + expected.name(), true);
      // and through the parser's entry point, which takes the fast path
      ParseOutcome through = JsonTreeParser.parse(text, firstLine, limits);
      assertThat(through).isInstanceOf(ParsedDocument.class);
      assertThat(((ParsedDocument) through).firstLine()).isEqualTo(firstLine);
      assertThat(((ParsedDocument) through).text()).isSameAs(text);
    }
    sameAsALine(text, firstLine, limits, what);
    return new Outcome(jackson, fast);
  }

  /**
   * Asserts that {@link DocumentParser#parseLine}, which does not copy the line break on for an
   * ordinary document, gives what parsing the text with its line break gives: the same tree, or the
   * same failure at the same place.
   */
  static void sameAsALine(String text, int firstLine, DocumentLimits limits, String what) {
    ParseOutcome line = DocumentParser.parseLine(text, firstLine, limits);
    ParseOutcome withBreak = DocumentParser.parseText(text + "\n", firstLine, limits);
    if (withBreak instanceof ParsedDocument expected) {
      assertThat(line).as("%s: as a line", what).isInstanceOf(ParsedDocument.class);
      ParsedDocument actual = (ParsedDocument) line;
      assertThat(actual.format()).as("%s: format", what).isEqualTo(expected.format());
      assertThat(actual.firstLine()).as("%s: first line", what).isEqualTo(firstLine);
      assertSame(expected.root(), actual.root(), what + " as a line", true);
    } else {
      assertThat(line).as("%s: as a line", what).isEqualTo(withBreak);
    }
  }

  /** Asserts two trees equal in every field, property names interned (the same String). */
  static void assertSame(Node expected, Node actual, String path, boolean root) {
    assertThat(actual.name()).as("%s: name", path).isEqualTo(expected.name());
    if (!root) {
      assertThat(actual.name())
          .as("%s: the name is interned", path)
          .isSameAs(expected.name())
          .isSameAs(actual.name().intern());
    }
    assertThat(actual.value()).as("%s: value", path).isEqualTo(expected.value());
    assertThat(actual.resourceType())
        .as("%s: resourceType", path)
        .isEqualTo(expected.resourceType());
    assertThat(actual.kind()).as("%s: kind", path).isEqualTo(expected.kind());
    assertThat(actual.inArray()).as("%s: inArray", path).isEqualTo(expected.inArray());
    String at =
        expected.line()
            + ":"
            + expected.column()
            + " member "
            + expected.memberLine()
            + ":"
            + expected.memberColumn();
    assertThat(
            actual.line()
                + ":"
                + actual.column()
                + " member "
                + actual.memberLine()
                + ":"
                + actual.memberColumn())
        .as("%s: position", path)
        .isEqualTo(at);
    assertThat(actual.notes()).as("%s: notes", path).isEqualTo(expected.notes());
    assertThat(actual.children().size())
        .as("%s: number of children (%s)", path, expected.children())
        .isEqualTo(expected.children().size());
    for (int i = 0; i < expected.children().size(); i++) {
      Node e = expected.children().get(i);
      assertSame(e, actual.children().get(i), path + "/" + i + ":" + e.name(), false);
    }
  }
}
