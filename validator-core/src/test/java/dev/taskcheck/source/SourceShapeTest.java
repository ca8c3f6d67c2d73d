package dev.taskcheck.source;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taskcheck.model.Severity;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Inputs that are neither one UTF-8 document nor NDJSON: one accurate finding each. */
class SourceShapeTest {

  @TempDir Path dir;

  private static final String TASK =
      "{\"resourceType\":\"Task\",\"status\":\"draft\",\"intent\":\"order\"}";

  private static final String PRETTY =
      "{\n  \"resourceType\": \"Task\",\n  \"status\": \"draft\",\n  \"intent\": \"order\"\n}\n";

  private List<SourceItem> read(String... args) throws IOException {
    List<SourceItem> out = new ArrayList<>();
    try (Sources s =
        Sources.open(List.of(args), dir, InputStream::nullInputStream, SourceLimits.defaults())) {
      s.forEachRemaining(out::add);
    }
    return out;
  }

  private static SourceProblem onlyProblem(List<SourceItem> items) {
    assertThat(items).singleElement().isInstanceOf(SourceProblem.class);
    return (SourceProblem) items.get(0);
  }

  private void writeBytes(String name, byte[] bytes) throws IOException {
    Files.write(dir.resolve(name), bytes);
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = new byte[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  @Test
  void utf32IsRefusedAsUtf32WithOrWithoutAByteOrderMark() throws IOException {
    Charset le = Charset.forName("UTF-32LE");
    Charset be = Charset.forName("UTF-32BE");
    writeBytes(
        "le-bom.json", concat(new byte[] {(byte) 0xFF, (byte) 0xFE, 0, 0}, PRETTY.getBytes(le)));
    writeBytes(
        "be-bom.json", concat(new byte[] {0, 0, (byte) 0xFE, (byte) 0xFF}, PRETTY.getBytes(be)));
    writeBytes("le.ndjson", (TASK + "\n" + TASK + "\n").getBytes(le));
    writeBytes("be.xml", "<Task xmlns=\"http://hl7.org/fhir\"/>".getBytes(be));
    for (String name : List.of("le-bom.json", "be-bom.json", "le.ndjson", "be.xml")) {
      SourceProblem p = onlyProblem(read(name));
      assertThat(p.line()).as(name).isEqualTo(1);
      assertThat(p.issueType()).as(name).isEqualTo("invalid");
      assertThat(p.severity()).as(name).isEqualTo(Severity.FATAL);
    }
  }

  @Test
  void utf16AndUtf8AreNotTakenForUtf32() throws IOException {
    assertThat(Sources.utf32(in(new byte[] {(byte) 0xFF, (byte) 0xFE, '{', 0}))).isNull();
    assertThat(Sources.utf32(in(TASK.getBytes(StandardCharsets.UTF_8)))).isNull();
    assertThat(Sources.utf32(in(new byte[] {0, 0, 0, 0}))).isNull();
  }

  private static InputStream in(byte[] bytes) {
    return new java.io.BufferedInputStream(new ByteArrayInputStream(bytes));
  }

  @Test
  void aOneLineValueThenAPrettyPrintedOneIsOneFindingWhereTheSecondStarts() throws IOException {
    Files.writeString(dir.resolve("two.json"), TASK + "\n\n" + PRETTY);
    SourceProblem p = onlyProblem(read("two.json"));
    assertThat(p.line()).isEqualTo(3);
    assertThat(p.issueType()).isEqualTo("structure");
    assertThat(p.severity()).isEqualTo(Severity.FATAL);
  }

  @Test
  void ndjsonWithOneBrokenLineIsStillNdjson() throws IOException {
    Files.writeString(dir.resolve("lines.json"), TASK + "\n{\"resourceType\":\n" + TASK + "\n");
    assertThat(read("lines.json")).hasSize(3).allMatch(i -> i instanceof RawDocument);
  }
}
