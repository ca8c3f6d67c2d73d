package dev.taskcheck.testdata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.xml.sax.SAXParseException;

/**
 * The bad-input files: documented, each with exactly the defect and the position that
 * bad-input/README.md states, and otherwise a valid Task (the repaired file parses).
 */
class BadInputTest {

  private static Path dir() {
    return TestData.root().resolve("bad-input");
  }

  private static byte[] bytes(String name) {
    return TestData.bytes(dir().resolve(name));
  }

  private static String text(String name) {
    return new String(bytes(name), StandardCharsets.UTF_8);
  }

  @Test
  void everyFileIsInTheReadmeAndEveryReadmeFileExists() {
    String readme = TestData.text(dir().resolve("README.md"));
    List<String> files = new ArrayList<>(TestData.files(dir()));
    files.remove("README.md");
    files.remove("expected.tsv");
    assertThat(files).allSatisfy(f -> assertThat(readme).contains("| `" + f + "` |"));
    assertThat(new TreeSet<>(files))
        .containsExactlyInAnyOrderElementsOf(Documents.backtickedFileNames(readme));
    assertThat(files)
        .containsExactlyInAnyOrder(
            "truncated.json",
            "invalid-utf8.json",
            "empty.json",
            "whitespace-only.json",
            "top-level-array.json",
            "top-level-string.json",
            "not-a-resource.json",
            "unknown-resource-type.json",
            "doctype.xml",
            "xxe.xml",
            "xxe-remote.xml",
            "binary.bin",
            "not-xml.xml",
            "json-with-comments.json",
            "trailing-garbage.json",
            "ndjson-mixed.ndjson");
  }

  @Test
  void expectedPositionsListEveryFileWithOneFatalFinding() {
    List<String> listed =
        TestData.text(dir().resolve("expected.tsv"))
            .lines()
            .filter(l -> !l.startsWith("#") && !l.isBlank())
            .map(l -> l.substring(0, l.indexOf('\t')))
            .toList();
    List<String> files = new ArrayList<>(TestData.files(dir()));
    files.removeAll(List.of("README.md", "expected.tsv", "ndjson-mixed.ndjson"));
    assertThat(listed).containsExactlyInAnyOrderElementsOf(files);
  }

  @Test
  void truncatedEndsAt18_42() {
    String t = text("truncated.json");
    assertThat(bytes("truncated.json")).hasSize(531);
    assertThat(endOfInput(t)).isEqualTo("18:42");
    assertThat(t).endsWith("\"reference\": \"Practitioner/prac-2002\"");
    assertThatThrownBy(() -> MiniJson.parse(t)).hasMessageContaining("unexpected end of input");
    assertThat(MiniJson.object(t + ",\"display\":\"Dr. Tom Becker\"}}").get("resourceType"))
        .isEqualTo("Task");
  }

  @Test
  void invalidUtf8HasC3_28At11_38() {
    byte[] b = bytes("invalid-utf8.json");
    int at = indexOf(b, new byte[] {(byte) 0xC3, 0x28});
    assertThat(at).isEqualTo(323);
    assertThat(indexOf(b, new byte[] {(byte) 0xC3, 0x28}, at + 1)).as("only once").isEqualTo(-1);
    int lineStart = lastIndexOf(b, (byte) '\n', at) + 1;
    assertThat(count(b, (byte) '\n', at) + 1).as("line").isEqualTo(11);
    assertThat(at - lineStart + 1).as("column").isEqualTo(38);
    for (int i = lineStart; i < at; i++) {
      assertThat(b[i] & 0xFF)
          .as("ASCII before the bad byte, so byte and character columns agree")
          .isLessThan(0x80);
    }
    assertThatThrownBy(
            () ->
                StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(b)))
        .isInstanceOf(CharacterCodingException.class);
    byte[] repaired = b.clone();
    repaired[at + 1] = (byte) 0xBC; // C3 BC is ü
    Map<String, Object> task = MiniJson.object(new String(repaired, StandardCharsets.UTF_8));
    assertThat((String) task.get("description")).startsWith("Befund besprechen: ü");
  }

  @Test
  void emptyAndWhitespaceOnly() {
    assertThat(bytes("empty.json")).isEmpty();
    String ws = text("whitespace-only.json");
    assertThat(ws).isNotEmpty().isBlank();
    assertThat(endOfInput(ws)).isEqualTo("4:1");
  }

  @Test
  void notAResource() {
    Object array = MiniJson.parse(text("top-level-array.json"));
    assertThat(array).isInstanceOf(List.class);
    assertThat((List<?>) array).hasSize(1);
    assertThat(((Map<?, ?>) ((List<?>) array).get(0)).get("resourceType")).isEqualTo("Task");

    assertThat(MiniJson.parse(text("top-level-string.json"))).isEqualTo("Task");

    Map<String, Object> noType = MiniJson.object(text("not-a-resource.json"));
    assertThat(noType).doesNotContainKey("resourceType").containsEntry("status", "requested");

    String tusk = text("unknown-resource-type.json");
    assertThat(position(tusk, tusk.indexOf("\"Tusk\""))).isEqualTo("2:19");
    assertThat(MiniJson.object(tusk).get("resourceType")).isEqualTo("Tusk");
  }

  @Test
  void jsonSyntaxErrorsAreWhereTheReadmeSays() {
    String comments = text("json-with-comments.json");
    assertThat(position(comments, comments.indexOf("// set by"))).isEqualTo("8:3");
    assertThatThrownBy(() -> MiniJson.parse(comments)).hasMessageEndingWith("at 8:3");
    assertThat(
            MiniJson.object(comments.replace("  // set by the order entry system\n", ""))
                .get("status"))
        .isEqualTo("requested");

    String garbage = text("trailing-garbage.json");
    assertThat(position(garbage, garbage.indexOf("}}garbage"))).isEqualTo("22:1");
    assertThatThrownBy(() -> MiniJson.parse(garbage))
        .hasMessage("content after the end of the JSON value at 22:1");
    assertThat(MiniJson.object(garbage.replace("}}garbage\n", "")).get("resourceType"))
        .isEqualTo("Task");
  }

  @Test
  void xmlWithDoctypeOrExternalEntitiesIsOtherwiseAValidTask() throws Exception {
    for (String name : List.of("doctype.xml", "xxe.xml", "xxe-remote.xml")) {
      String xml = text(name);
      assertThat(xml.lines().skip(1).findFirst().orElseThrow())
          .as(name)
          .startsWith("<!DOCTYPE Task");
      assertThatThrownBy(() -> Documents.parseXml(bytes(name)))
          .as(name)
          .isInstanceOf(SAXParseException.class)
          .hasMessageContaining("DOCTYPE");
      String repaired = xml.replaceAll("(?s)<!DOCTYPE.*?]>\n", "").replace("&xxe;", "entity text");
      Document d = Documents.parseXml(repaired.getBytes(StandardCharsets.UTF_8));
      assertThat(d.getDocumentElement().getLocalName()).isEqualTo("Task");
      assertThat(d.getDocumentElement().getNamespaceURI()).isEqualTo("http://hl7.org/fhir");
    }
    assertThat(text("xxe.xml")).contains("<!ENTITY xxe SYSTEM \"file:///etc/passwd\">");
    assertThat(text("xxe-remote.xml"))
        .contains("<!ENTITY xxe SYSTEM \"http://example.invalid/evil.dtd\">");
    String xxe = text("xxe.xml");
    assertThat(position(xxe, xxe.indexOf("&xxe;"))).isEqualTo("14:23");
  }

  @Test
  void notXmlIsMalformedOnlyByTheUnclosedStatus() throws Exception {
    String xml = text("not-xml.xml");
    assertThat(xml).startsWith("<");
    assertThat(position(xml, xml.indexOf("<status value=\"requested\">"))).isEqualTo("8:3");
    assertThat(position(xml, xml.indexOf("</Task>"))).isEqualTo("21:1");
    assertThatThrownBy(() -> Documents.parseXml(bytes("not-xml.xml")))
        .isInstanceOf(SAXParseException.class)
        .satisfies(e -> assertThat(((SAXParseException) e).getLineNumber()).isEqualTo(21));
    String repaired = xml.replace("<status value=\"requested\">", "<status value=\"requested\"/>");
    assertThat(
            Documents.parseXml(repaired.getBytes(StandardCharsets.UTF_8))
                .getDocumentElement()
                .getLocalName())
        .isEqualTo("Task");
  }

  @Test
  void binaryIsSplitMix64Seed42WithTheFirstNulAt1_142() {
    byte[] b = bytes("binary.bin");
    TaskGenerator.Rng rng = new TaskGenerator.Rng(42);
    byte[] expected = new byte[512];
    for (int i = 0; i < 64; i++) {
      ByteBuffer.wrap(expected, i * 8, 8)
          .order(java.nio.ByteOrder.LITTLE_ENDIAN)
          .putLong(rng.next());
    }
    assertThat(b).isEqualTo(expected);
    int nul = indexOf(b, new byte[] {0}, 0);
    assertThat(nul).isEqualTo(141);
    assertThat(count(b, (byte) '\n', nul)).as("no newline before it: line 1").isZero();
    assertThat(b[0] & 0xFF).isEqualTo(0x95);
  }

  @Test
  void ndjsonMixedHasOneOutcomePerLine() {
    String content = text("ndjson-mixed.ndjson");
    assertThat(content).endsWith("\n");
    List<String> lines = content.lines().toList();
    assertThat(lines).hasSize(5);
    assertThat(MiniJson.object(lines.get(0)).get("id")).isEqualTo("ndjson-line-1");
    assertThatThrownBy(() -> MiniJson.parse(lines.get(1)))
        .hasMessageContaining("unexpected end of input");
    assertThat(lines.get(1)).endsWith("\"authoredOn\":\"2025-01");
    assertThat(lines.get(1).codePointCount(0, lines.get(1).length()) + 1)
        .as("end column, characters")
        .isEqualTo(394);
    assertThat(lines.get(1).getBytes(StandardCharsets.UTF_8).length + 1)
        .as("end column, bytes")
        .isEqualTo(396);
    assertThat(lines.get(2)).isEmpty();
    assertThat(MiniJson.object(lines.get(3)).get("resourceType")).isEqualTo("Patient");
    assertThat(MiniJson.object(lines.get(4)).get("id")).isEqualTo("ndjson-line-5");
    for (int i : new int[] {0, 4}) {
      Map<String, Object> task = MiniJson.object(lines.get(i));
      assertThat(task.get("resourceType")).isEqualTo("Task");
      assertThat(Set.of(TaskGenerator.STATUSES)).contains((String) task.get("status"));
    }
  }

  @Test
  void jsonFilesAreOtherwiseTheSameValidTask() {
    for (String name :
        List.of(
            "not-a-resource.json",
            "unknown-resource-type.json",
            "trailing-garbage.json",
            "json-with-comments.json",
            "top-level-array.json")) {
      String t = text(name);
      assertThat(t)
          .as(name)
          .contains(
              "\"status\":",
              "\"intent\":",
              "\"authoredOn\":",
              "\"requester\":",
              "<div xmlns=\\\"http://www.w3.org/1999/xhtml\\\">");
    }
  }

  // ---- positions -----------------------------------------------------------------------------

  /** line:column (1-based, columns in characters) of the character at {@code index}. */
  private static String position(String text, int index) {
    assertThat(index).isNotNegative();
    int line = 1;
    int lineStart = 0;
    for (int i = 0; i < index; i++) {
      if (text.charAt(i) == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    return line + ":" + (text.codePointCount(lineStart, index) + 1);
  }

  private static String endOfInput(String text) {
    return position(text, text.length());
  }

  private static int indexOf(byte[] b, byte[] what) {
    return indexOf(b, what, 0);
  }

  private static int indexOf(byte[] b, byte[] what, int from) {
    outer:
    for (int i = from; i <= b.length - what.length; i++) {
      for (int j = 0; j < what.length; j++) {
        if (b[i + j] != what[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  private static int lastIndexOf(byte[] b, byte what, int before) {
    for (int i = before - 1; i >= 0; i--) {
      if (b[i] == what) {
        return i;
      }
    }
    return -1;
  }

  private static int count(byte[] b, byte what, int before) {
    int n = 0;
    for (int i = 0; i < before; i++) {
      if (b[i] == what) {
        n++;
      }
    }
    return n;
  }
}
