package dev.taskcheck.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The per-document budgets of the parsers (issue 14, rows 5, 6, 11, 14 and point 2). */
class DocumentLimitsTest {

  private static ParseFailure failed(String text) {
    return failed(text, DocumentLimits.DEFAULTS);
  }

  private static ParseFailure failed(String text, DocumentLimits limits) {
    ParseOutcome o =
        assertTimeoutPreemptively(
            Duration.ofSeconds(60), () -> DocumentParser.parseText(text, 1, limits));
    assertThat(o).isInstanceOf(ParseFailure.class);
    ParseFailure f = (ParseFailure) o;
    assertThat(f.message()).doesNotContain("Jackson", "StreamReadConstraints", "com.fasterxml");
    return f;
  }

  /** {"resourceType":"Task","extension":[{ ... n levels ... }]}, one level a line. */
  private static String nestedJsonExtensions(int n) {
    StringBuilder b = new StringBuilder("{\"resourceType\":\"Task\",\n");
    for (int i = 0; i < n; i++) {
      b.append("\"extension\":[{\"url\":\"http://e.org/x\",\n");
    }
    b.append("\"valueString\":\"v\"");
    for (int i = 0; i < n; i++) {
      b.append("}]");
    }
    return b.append(",\"status\":\"draft\",\"intent\":\"order\"}").toString();
  }

  @Test
  void jsonNestedExtensionsAreRefusedWhereTheLimitIsCrossed() {
    ParseFailure f = failed(nestedJsonExtensions(240));
    assertThat(f.ruleId()).isEqualTo(DocumentLimits.TOO_DEEP);
    // root = 1, each extension = array + object: the object at line 51 is level 101
    assertThat(f.line()).isEqualTo(51);
    assertThat(f.column()).isEqualTo(14);
  }

  @Test
  void jsonWithinTheDepthLimitParses() {
    assertThat(DocumentParser.parseText(nestedJsonExtensions(49), 1))
        .isInstanceOf(ParsedDocument.class);
  }

  @Test
  void jsonNestingBeyondJacksonsOldLimitGetsPositionAndOwnWords() {
    String text = "{\"resourceType\":\"Task\",\n\"x\":" + "[".repeat(600) + "]".repeat(600) + "}";
    ParseFailure f = failed(text);
    assertThat(f.ruleId()).isEqualTo(DocumentLimits.TOO_DEEP);
    assertThat(f.line()).isEqualTo(2);
    // the first [ (column 5) is level 2
    assertThat(f.column()).isEqualTo(5 + 99);
  }

  @Test
  void xmlNestedExtensionsAreRefused() {
    StringBuilder b = new StringBuilder("<Task xmlns=\"http://hl7.org/fhir\">\n");
    for (int i = 0; i < 300; i++) {
      b.append("<extension url=\"http://e.org/x\">\n");
    }
    b.append("<valueString value=\"v\"/>");
    b.append("</extension>".repeat(300)).append("</Task>");
    ParseFailure f = failed(b.toString());
    assertThat(f.ruleId()).isEqualTo(DocumentLimits.TOO_DEEP);
    // Task is level 1 on line 1; the extension on line 101 is level 101
    assertThat(f.line()).isEqualTo(101);
    assertThat(f.column()).isEqualTo(1);
  }

  @Test
  void xmlDeepNarrativeIsRefused() {
    String text =
        "<Task xmlns=\"http://hl7.org/fhir\"><text><status value=\"generated\"/>\n"
            + "<div xmlns=\"http://www.w3.org/1999/xhtml\">"
            + "<div>".repeat(10_000)
            + "</div>".repeat(10_001)
            + "</text></Task>";
    ParseFailure f = failed(text);
    assertThat(f.ruleId()).isEqualTo(DocumentLimits.TOO_DEEP);
    assertThat(f.line()).isEqualTo(2);
    // Task 1, text 2, the outer div 3: the 98th inner div is level 101
    assertThat(f.column()).isEqualTo(43 + 97 * 5);
  }

  @Test
  void tooManyKeysAreRefusedAtTheFirstKeyOver() {
    StringBuilder b = new StringBuilder("{\"resourceType\":\"Task\"");
    for (int i = 0; i < 100_000; i++) {
      b.append(",\n\"k").append(i).append("\":1");
    }
    ParseFailure f = failed(b.append("}").toString());
    assertThat(f.ruleId()).isEqualTo(DocumentLimits.TOO_MANY_KEYS);
    // resourceType is key 1, k998 (line 1000) key 1000, k999 on line 1001 key 1001
    assertThat(f.line()).isEqualTo(1001);
    assertThat(f.column()).isEqualTo(1);
  }

  @Test
  void manyKeysBelowTheLimitParseInLinearWork() {
    StringBuilder b = new StringBuilder("{\"resourceType\":\"Task\"");
    for (int i = 0; i < 100_000; i++) {
      b.append(",\"k").append(i).append("\":1");
    }
    ParseOutcome o =
        assertTimeoutPreemptively(
            Duration.ofSeconds(60),
            () ->
                DocumentParser.parseText(
                    b.append("}").toString(),
                    1,
                    DocumentLimits.DEFAULTS.withMaxKeysPerObject(200_000)));
    assertThat(o).isInstanceOf(ParsedDocument.class);
  }

  @Test
  void containedNestedTooDeepIsRefused() {
    StringBuilder b = new StringBuilder("{\"resourceType\":\"Task\"");
    for (int i = 0; i < 200; i++) {
      b.append(",\n\"contained\":[{\"resourceType\":\"Task\",\"id\":\"c").append(i).append('"');
    }
    b.append("}]".repeat(200)).append("}");
    ParseFailure f = failed(b.toString(), DocumentLimits.DEFAULTS.withMaxDepth(200));
    assertThat(f.ruleId()).isEqualTo(DocumentLimits.CONTAINED_TOO_DEEP);
    // the 6th contained resource, on line 7, after "contained":[
    assertThat(f.line()).isEqualTo(7);
    assertThat(f.column()).isEqualTo(14);
  }

  @Test
  void xmlContainedNestedTooDeepIsRefused() {
    StringBuilder b = new StringBuilder("<Task xmlns=\"http://hl7.org/fhir\">");
    for (int i = 0; i < 20; i++) {
      b.append("\n<contained><Task>");
    }
    b.append("</Task></contained>".repeat(20)).append("</Task>");
    ParseFailure f = failed(b.toString());
    assertThat(f.ruleId()).isEqualTo(DocumentLimits.CONTAINED_TOO_DEEP);
    assertThat(f.line()).isEqualTo(7);
    assertThat(f.column()).isEqualTo(1);
  }

  @Test
  void elementBudgetIsTheWorkLimit() {
    StringBuilder b = new StringBuilder("{\"resourceType\":\"Task\",\"input\":[");
    for (int i = 0; i < 50; i++) {
      b.append(i == 0 ? "" : ",\n").append("{\"valueString\":\"v\"}");
    }
    ParseFailure f = failed(b.append("]}").toString(), DocumentLimits.DEFAULTS.withMaxNodes(60));
    assertThat(f.ruleId()).isEqualTo(DocumentLimits.TOO_MUCH_WORK);
    // 30 items and their 30 values: the 31st item, on line 31, is element 61
    assertThat(f.line()).isEqualTo(31);
    assertThat(f.column()).isEqualTo(1);
  }

  @Test
  void duplicateResourceTypeIsAFindingNotASkip() {
    ParseFailure f = failed("{\"resourceType\":\"Task\",\n  \"resourceType\":\"Patient\"}");
    assertThat(f.ruleId()).isEqualTo(ParseFailure.PARSE);
    assertThat(f.line()).isEqualTo(2);
    assertThat(f.column()).isEqualTo(3);
    ParseFailure g =
        failed(
            "{\"resourceType\":\"Patient\",\"status\":\"draft\",\n"
                + "\"resourceType\":\"Task\",\"intent\":\"order\"}");
    assertThat(g.line()).isEqualTo(2);
    assertThat(g.column()).isEqualTo(1);
    ParseFailure h = failed("{\"resourceType\":5,\n\"resourceType\":\"Task\"}");
    assertThat(h.line()).isEqualTo(2);
    ParseFailure contained =
        failed(
            "{\"resourceType\":\"Task\",\"contained\":[{\"resourceType\":\"Patient\",\n"
                + " \"resourceType\":\"Task\"}]}");
    assertThat(contained.line()).isEqualTo(2);
    assertThat(contained.column()).isEqualTo(2);
  }

  @Test
  void longNumberIsPlacedAndWordedByTaskCheck() {
    ParseFailure f = failed("{\"resourceType\":\"Task\",\n  \"x\": " + "1".repeat(1000) + "1}");
    assertThat(f.ruleId()).isEqualTo(ParseFailure.PARSE);
    assertThat(f.line()).isEqualTo(2);
    assertThat(f.column()).isEqualTo(8);
  }

  @Test
  void longKeyIsPlacedAndWordedByTaskCheck() {
    ParseFailure f = failed("{\"resourceType\":\"Task\",\n  \"" + "k".repeat(50_000) + "\": 1}");
    assertThat(f.ruleId()).isEqualTo(ParseFailure.PARSE);
    assertThat(f.line()).isEqualTo(2);
    assertThat(f.column()).isEqualTo(3);
  }

  @Test
  void unknownXmlEncodingIsAParseFatalNamingItWhole() {
    ParseFailure f =
        failed(
            "<?xml version=\"1.0\" encoding=\"bogus-encoding\"?>\n"
                + "<Task xmlns=\"http://hl7.org/fhir\"><status value=\"draft\"/></Task>");
    assertThat(f.ruleId()).isEqualTo(ParseFailure.PARSE);
    assertThat(f.message()).contains("'bogus-encoding'");
    assertThat(f.line()).isEqualTo(1);
    assertThat(f.column()).isEqualTo(21);
  }

  @Test
  void knownXmlEncodingIsLeftToTheStructureEngine() {
    assertThat(
            DocumentParser.parseText(
                "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n"
                    + "<Task xmlns=\"http://hl7.org/fhir\"><status value=\"draft\"/></Task>",
                1))
        .isInstanceOf(ParsedDocument.class);
  }
}
