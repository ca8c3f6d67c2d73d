package dev.taskcheck.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class DocumentParserTest {

  private static final String TASK_JSON =
      """
      {
        "resourceType": "Task",
        "id": "t1",
        "meta": {"versionId": "3", "profile": ["http://example.org/p|1.0"]},
        "status": "draft",
        "_status": {"extension": [{"url": "http://example.org/x", "valueString": "y"}]},
        "intent": "order",
        "input": [
          {"type": {"text": "a"}, "valueRatio": {"numerator": {"value": 4}, "denominator": {"value": 10}}},
          {"type": {"text": "b"}, "valueString": "x"}
        ]
      }
      """;

  private static ParsedDocument parsed(String text) {
    ParseOutcome o = DocumentParser.parseText(text, 1);
    assertThat(o).isInstanceOf(ParsedDocument.class);
    return (ParsedDocument) o;
  }

  private static ParseFailure failed(byte[] bytes, int firstLine) {
    ParseOutcome o = DocumentParser.parse(bytes, firstLine);
    assertThat(o).isInstanceOf(ParseFailure.class);
    return (ParseFailure) o;
  }

  private static ParseFailure failed(String text) {
    return failed(text.getBytes(StandardCharsets.UTF_8), 1);
  }

  /**
   * 512 property names whose hashes, as Jackson's symbol table computes them (h * 33 + c from any
   * seed), are all the same: two-character blocks "aB" and "b!" have the same hash, and so does any
   * string of nine of them.
   */
  private static String collidingNames(String end) {
    StringBuilder b = new StringBuilder("{\"resourceType\":\"Task\",\"status\":\"draft\"");
    for (int n = 0; n < 512; n++) {
      b.append(",\"");
      for (int bit = 8; bit >= 0; bit--) {
        b.append((n >> bit & 1) == 0 ? "aB" : "b!");
      }
      b.append("\":1");
    }
    return b.append(end).toString();
  }

  @Test
  void namesCraftedToCollideAreReadOrRefusedWithAFinding() {
    // valid: the reader of its own reads it (every name an unknown element, for the engines)
    ParseOutcome ok = DocumentParser.parseText(collidingNames("}"), 1);
    assertThat(ok).isInstanceOf(ParsedDocument.class);
    assertThat(((ParsedDocument) ok).root().children()).hasSize(513);
    // with an error, it goes to Jackson, whose guard stops it: one failure, not an exception
    ParseOutcome bad = DocumentParser.parseText(collidingNames(",\"x\":}"), 1);
    assertThat(bad).isInstanceOf(ParseFailure.class);
    ParseFailure f = (ParseFailure) bad;
    assertThat(f.issueType()).isEqualTo("too-costly");
    assertThat(f.ruleId()).isEqualTo(ParseFailure.PARSE);
    assertThat(f.line()).isEqualTo(1);
    assertThat(f.column()).isGreaterThan(1);
  }

  @Test
  void jsonTreeHasNamesValuesAndPositions() {
    ParsedDocument doc = parsed(TASK_JSON);
    Node root = doc.root();
    assertThat(doc.format()).isEqualTo(Format.JSON);
    assertThat(doc.resourceType()).isEqualTo("Task");
    assertThat(root.line()).isEqualTo(1);
    assertThat(root.column()).isEqualTo(1);
    Node status = root.child("status");
    assertThat(status).isNotNull();
    assertThat(status.value()).isEqualTo("draft");
    assertThat(status.line()).isEqualTo(5);
    assertThat(status.column()).isEqualTo(3);
    assertThat(root.child("meta").children("profile"))
        .extracting(Node::value)
        .containsExactly("http://example.org/p|1.0");
    assertThat(root.children("input")).hasSize(2);
    assertThat(root.children("input").get(1).line()).isEqualTo(10);
    assertThat(root.children("input").get(1).column()).isEqualTo(5);
    assertThat(root.child("resourceType")).isNull();
  }

  @Test
  void numbersKeepTheirText() {
    ParsedDocument doc = parsed("{\"resourceType\":\"Task\",\"x\":1.50,\"y\":-0,\"z\":true}");
    assertThat(doc.root().childValue("x")).isEqualTo("1.50");
    assertThat(doc.root().childValue("y")).isEqualTo("-0");
    assertThat(doc.root().childValue("z")).isEqualTo("true");
  }

  @Test
  void firstLineShiftsEveryPosition() {
    ParseOutcome o =
        DocumentParser.parseText("{\"resourceType\":\"Task\",\"status\":\"draft\"}", 41);
    Node status = ((ParsedDocument) o).root().child("status");
    assertThat(status.line()).isEqualTo(41);
    assertThat(status.column()).isEqualTo(24);
  }

  @Test
  void bundleEntriesAreResourceNodes() {
    ParsedDocument doc =
        parsed(
            """
        {"resourceType": "Bundle", "type": "collection", "entry": [
          {"fullUrl": "urn:uuid:1", "resource": {"resourceType": "Patient", "id": "p"}},
          {"resource": {"resourceType": "Task", "id": "t", "status": "draft"}}
        ]}""");
    var entries = doc.root().children("entry");
    assertThat(entries).hasSize(2);
    Node task = entries.get(1).child("resource");
    assertThat(task.resourceType()).isEqualTo("Task");
    assertThat(task.line()).isEqualTo(3);
    assertThat(task.childValue("id")).isEqualTo("t");
  }

  @Test
  void xmlTreeMatchesTheJsonShape() {
    ParsedDocument doc =
        parsed(
            """
        <?xml version="1.0" encoding="UTF-8"?>
        <Bundle xmlns="http://hl7.org/fhir">
          <type value="collection"/>
          <entry>
            <resource>
              <Task>
                <id value="t"/>
                <text><status value="generated"/><div xmlns="http://www.w3.org/1999/xhtml"><p>hi <b>x</b></p></div></text>
                <extension url="http://example.org/e"><valueString value="v"/></extension>
                <status value="draft"/>
                <input><type><text value="a"/></type><valueString value="x"/></input>
                <input><type><text value="b"/></type><valueInteger value="2"/></input>
              </Task>
            </resource>
          </entry>
        </Bundle>
        """);
    assertThat(doc.format()).isEqualTo(Format.XML);
    assertThat(doc.resourceType()).isEqualTo("Bundle");
    assertThat(doc.root().line()).isEqualTo(2);
    assertThat(doc.root().column()).isEqualTo(1);
    Node resource = doc.root().child("entry").child("resource");
    assertThat(resource.resourceType()).isEqualTo("Task");
    assertThat(resource.line()).isEqualTo(5);
    assertThat(resource.childValue("status")).isEqualTo("draft");
    assertThat(resource.child("status").line()).isEqualTo(10);
    assertThat(resource.child("status").column()).isEqualTo(9);
    assertThat(resource.child("extension").childValue("url")).isEqualTo("http://example.org/e");
    assertThat(resource.children("input")).hasSize(2);
    assertThat(resource.child("text").child("div")).isNotNull();
  }

  @Test
  void aLineParsesAsItsTextWithTheLineBreak() {
    // parseLine reads an ordinary document without copying the break on; any other text with it
    for (String text :
        List.of(
            "{\"resourceType\":\"Task\",\"status\":\"draft\"}",
            "  {\"resourceType\":\"Task\"}\t ",
            "{\"resourceType\":\"Task\",\"status\":",
            "{\"resourceType\":\"Task\"",
            "{\"resourceType\":\"Task\"} x",
            "{\"status\":\"draft\"}",
            "\uFEFF{\"resourceType\":\"Task\"}",
            "\u2003{\"resourceType\":\"Task\"}",
            "<Task xmlns=\"http://hl7.org/fhir\"><status value=\"draft\"/></Task>",
            "<Task xmlns=\"http://hl7.org/fhir\">",
            "[1]",
            "x",
            "",
            " ")) {
      for (int firstLine : new int[] {1, 7}) {
        JsonTrees.sameAsALine(text, firstLine, DocumentLimits.DEFAULTS, text);
      }
    }
    ParseOutcome truncated =
        DocumentParser.parseLine("{\"resourceType\":\"Task\"", 3, DocumentLimits.DEFAULTS);
    assertThat(truncated).isInstanceOf(ParseFailure.class);
    // the end of the input is after the line break, as in a file
    assertThat(((ParseFailure) truncated).line()).isEqualTo(4);
  }

  @Test
  void truncatedJsonSaysWhere() {
    ParseFailure f = failed("{\n  \"resourceType\": \"Task\",\n  \"status\": \"dr");
    assertThat(f.line()).isEqualTo(3);
    assertThat(f.message()).contains("truncated");
    assertThat(f.issueType()).isEqualTo("structure");
  }

  @Test
  void invalidUtf8NamesLineAndColumnOfTheBadByte() {
    byte[] head =
        "{\n  \"resourceType\": \"Task\",\n  \"description\": \"ab"
            .getBytes(StandardCharsets.UTF_8);
    byte[] tail = "\"\n}".getBytes(StandardCharsets.UTF_8);
    byte[] all = new byte[head.length + 2 + tail.length];
    System.arraycopy(head, 0, all, 0, head.length);
    all[head.length] = (byte) 0xC3;
    all[head.length + 1] = (byte) 0x28;
    System.arraycopy(tail, 0, all, head.length + 2, tail.length);
    ParseFailure f = failed(all, 1);
    assertThat(f.line()).isEqualTo(3);
    assertThat(f.column()).isEqualTo(21);
    assertThat(f.message()).contains("UTF-8").contains("0xC3");
  }

  @Test
  void emptyAndWhitespaceOnly() {
    assertThat(failed("").message()).contains("empty");
    assertThat(failed("  \n\t ").message()).contains("only whitespace");
  }

  @Test
  void topLevelArrayStringAndNumberAreNotResources() {
    assertThat(failed("[{\"resourceType\":\"Task\"}]").message())
        .contains("array")
        .contains("Bundle or NDJSON");
    assertThat(failed("\"Task\"").message()).contains("a string");
    assertThat(failed("42").message()).contains("a number");
  }

  @Test
  void objectWithoutResourceTypeIsNotAResource() {
    ParseFailure f = failed("\n  {\"status\": \"draft\"}");
    assertThat(f.message()).contains("no resourceType");
    assertThat(f.line()).isEqualTo(2);
    assertThat(f.column()).isEqualTo(3);
    assertThat(failed("{\"resourceType\": 7}").message()).contains("must be a JSON string");
  }

  @Test
  void commentsAndTrailingGarbageAreRefused() {
    assertThat(failed("{\"resourceType\":\"Task\", // hi\n\"status\":\"draft\"}").message())
        .contains("comments");
    ParseFailure trailing = failed("{\"resourceType\":\"Task\"}\n}}garbage");
    assertThat(trailing.line()).isEqualTo(2);
    assertThat(trailing.message()).contains("after the end");
  }

  @Test
  void binaryDataIsRecognised() {
    byte[] bytes = {0x7f, 'E', 'L', 'F', 0, 1, 2, 3};
    assertThat(failed(bytes, 1).message()).contains("binary");
    assertThat(failed(new byte[] {(byte) 0xFF, (byte) 0xFE, '{', 0}, 1).message())
        .contains("UTF-16");
    assertThat(failed(new byte[] {(byte) 0xFF, (byte) 0xFE, 0, 0, '{', 0, 0, 0}, 1).message())
        .contains("UTF-32");
    assertThat(failed(new byte[] {0, 0, (byte) 0xFE, (byte) 0xFF, 0, 0, 0, '{'}, 1).message())
        .contains("UTF-32");
    assertThat(failed("GIF89a garbage").message()).contains("not a JSON or XML document");
  }

  @Test
  void doctypeIsRefusedBeforeAnyEntityIsRead() {
    ParseFailure f =
        failed(
            """
        <?xml version="1.0"?>
        <!DOCTYPE Task [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>
        <Task xmlns="http://hl7.org/fhir"><status value="draft"/><description value="&xxe;"/></Task>
        """);
    assertThat(f.issueType()).isEqualTo("security");
    assertThat(f.line()).isEqualTo(2);
    assertThat(f.message()).contains("DOCTYPE");
  }

  @Test
  void remoteDtdIsNeverFetched() {
    ParseFailure f =
        failed(
            """
        <!DOCTYPE Task SYSTEM "http://example.invalid/evil.dtd">
        <Task xmlns="http://hl7.org/fhir"><status value="draft"/></Task>
        """);
    assertThat(f.issueType()).isEqualTo("security");
    assertThat(f.line()).isEqualTo(1);
  }

  @Test
  void undeclaredEntityIsAnError() {
    ParseFailure f =
        failed("<Task xmlns=\"http://hl7.org/fhir\">\n<description value=\"&nope;\"/></Task>");
    assertThat(f.line()).isEqualTo(2);
  }

  @Test
  void xmlOutsideTheFhirNamespaceIsNotAResource() {
    assertThat(failed("<Task><status value=\"draft\"/></Task>").message()).contains("namespace");
  }

  @Test
  void malformedXmlSaysWhere() {
    ParseFailure f =
        failed("<Task xmlns=\"http://hl7.org/fhir\">\n  <status value=\"draft\">\n</Task>");
    assertThat(f.line()).isEqualTo(3);
    assertThat(f.message()).startsWith("invalid XML");
  }
}
