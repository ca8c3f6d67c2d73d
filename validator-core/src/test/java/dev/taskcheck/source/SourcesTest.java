package dev.taskcheck.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourcesTest {

  @TempDir Path dir;

  private static final String TASK =
      "{\"resourceType\":\"Task\",\"status\":\"draft\",\"intent\":\"order\"}";

  private List<SourceItem> read(List<String> args) throws IOException {
    return read(args, () -> new ByteArrayInputStream(new byte[0]), SourceLimits.defaults());
  }

  private List<SourceItem> read(List<String> args, Supplier<InputStream> stdin, SourceLimits limits)
      throws IOException {
    List<SourceItem> out = new ArrayList<>();
    try (Sources s = Sources.open(args, dir, stdin, limits)) {
      s.forEachRemaining(out::add);
    }
    return out;
  }

  private Path write(String name, String content) throws IOException {
    Path p = dir.resolve(name);
    Files.createDirectories(p.getParent());
    Files.writeString(p, content);
    return p;
  }

  @Test
  void directoriesAreWalkedInNameOrderWithDataFilesOnly() throws IOException {
    write("data/b.json", TASK);
    write("data/a.xml", "<Task xmlns=\"http://hl7.org/fhir\"/>");
    write("data/sub/c.ndjson", TASK + "\n" + TASK + "\n");
    write("data/README.md", "# not data");
    write("data/.hidden/d.json", TASK);
    write("data/e.JSON", TASK);
    List<SourceItem> items = read(List.of("data"));
    assertThat(items)
        .extracting(SourceItem::source)
        .containsExactly(
            "data/a.xml", "data/b.json", "data/e.JSON", "data/sub/c.ndjson", "data/sub/c.ndjson");
    assertThat(items).allMatch(i -> i instanceof RawDocument);
  }

  @Test
  void aDirectoryWithoutFhirFilesIsAWarning() throws IOException {
    write("empty/notes.txt", "nothing");
    write("full/a.json", TASK);
    List<SourceItem> items = read(List.of("empty", "full"));
    assertThat(items).hasSize(2);
    SourceProblem p = (SourceProblem) items.get(0);
    assertThat(p.source()).isEqualTo("empty");
    assertThat(p.severity()).isEqualTo(dev.taskcheck.model.Severity.WARNING);
    assertThat(items.get(1).source()).isEqualTo("full/a.json");
  }

  @Test
  void anExplicitFileIsReadWhateverItsName() throws IOException {
    write("payload.txt", TASK);
    List<SourceItem> items = read(List.of("payload.txt"));
    assertThat(items).hasSize(1);
    assertThat(((RawDocument) items.get(0)).ndjsonLine()).isFalse();
  }

  @Test
  void globsMatchRelativeToTheirBaseAndGlobstarMatchesTheBaseItself() throws IOException {
    write("g/x.json", TASK);
    write("g/deep/y.json", TASK);
    write("g/deep/z.xml", "<Task xmlns=\"http://hl7.org/fhir\"/>");
    assertThat(read(List.of("g/**/*.json")))
        .extracting(SourceItem::source)
        .containsExactly("g/deep/y.json", "g/x.json");
    assertThat(read(List.of("g/*.json")))
        .extracting(SourceItem::source)
        .containsExactly("g/x.json");
    List<SourceItem> none = read(List.of("g/*.nothing"));
    assertThat(none).singleElement().isInstanceOf(SourceProblem.class);
    assertThat(((SourceProblem) none.get(0)).issueType()).isEqualTo("not-found");
  }

  @Test
  void aMissingPathIsAProblemAndTheRestIsStillRead() throws IOException {
    write("ok.json", TASK);
    List<SourceItem> items = read(List.of("missing.json", "ok.json"));
    assertThat(items).hasSize(2);
    SourceProblem p = (SourceProblem) items.get(0);
    assertThat(p.source()).isEqualTo("missing.json");
    assertThat(p.issueType()).isEqualTo("not-found");
    assertThat(items.get(1)).isInstanceOf(RawDocument.class);
  }

  @Test
  void anUnreadableFileIsAProblem() throws IOException {
    write("secret.json", TASK);
    write("ok.json", TASK);
    List<SourceItem> out = new ArrayList<>();
    Sources.Opener failing =
        p -> {
          if (p.getFileName().toString().equals("secret.json")) {
            throw new AccessDeniedException(p.toString());
          }
          return Files.newInputStream(p);
        };
    try (Sources s =
        Sources.open(
            List.of("secret.json", "ok.json"),
            dir,
            () -> InputStream.nullInputStream(),
            SourceLimits.defaults(),
            failing)) {
      s.forEachRemaining(out::add);
    }
    SourceProblem p = (SourceProblem) out.get(0);
    assertThat(p.message()).contains("permission denied");
    assertThat(p.issueType()).isEqualTo("security");
    assertThat(out.get(1)).isInstanceOf(RawDocument.class);
  }

  @Test
  void aSocketIsNotARegularFile() throws IOException {
    Path socket = dir.resolve("s.sock");
    try (ServerSocketChannel ch = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
      ch.bind(UnixDomainSocketAddress.of(socket));
      List<SourceItem> items = read(List.of("s.sock"));
      assertThat(items).singleElement().isInstanceOf(SourceProblem.class);
      assertThat(((SourceProblem) items.get(0)).message()).contains("not a regular file");
    }
  }

  @Test
  void ndjsonIsRecognisedByNameOrByContentAndKeepsLineNumbers() throws IOException {
    write("by-name.ndjson", TASK + "\n\n" + TASK + "\r\n");
    write("by-content.json", TASK + "\n" + TASK + "\n");
    List<SourceItem> named = read(List.of("by-name.ndjson"));
    assertThat(named).extracting(i -> ((RawDocument) i).firstLine()).containsExactly(1, 3);
    assertThat(named).allMatch(i -> ((RawDocument) i).ndjsonLine());
    assertThat(new String(((RawDocument) named.get(1)).bytes(), StandardCharsets.UTF_8))
        .isEqualTo(TASK);
    List<SourceItem> sniffed = read(List.of("by-content.json"));
    assertThat(sniffed).extracting(i -> ((RawDocument) i).firstLine()).containsExactly(1, 2);
  }

  @Test
  void prettyAndSingleLineJsonAreOneDocument() throws IOException {
    write("pretty.json", "{\n  \"resourceType\": \"Task\"\n}\n");
    write("one-line.json", TASK + "\n\n");
    assertThat(read(List.of("pretty.json")))
        .singleElement()
        .satisfies(
            i ->
                assertThat(new String(((RawDocument) i).bytes(), StandardCharsets.UTF_8))
                    .isEqualTo("{\n  \"resourceType\": \"Task\"\n}\n"));
    assertThat(read(List.of("one-line.json")))
        .singleElement()
        .satisfies(i -> assertThat(((RawDocument) i).ndjsonLine()).isFalse());
  }

  @Test
  void aLargeDocumentIsReadWhole() throws IOException {
    StringBuilder b = new StringBuilder("{\n\"resourceType\": \"Task\",\n\"note\": [\n");
    for (int i = 0; i < 20_000; i++) {
      b.append("{\"text\": \"note ").append(i).append("\"},\n");
    }
    b.append("{\"text\": \"end\"}]\n}\n");
    write("big.json", b.toString());
    RawDocument d = (RawDocument) read(List.of("big.json")).get(0);
    assertThat(d.bytes()).hasSize(b.length());
  }

  @Test
  void limitsKeepMemoryBounded() throws IOException {
    String longLine = "{\"resourceType\":\"Task\",\"description\":\"" + "x".repeat(5000) + "\"}";
    write("lines.ndjson", TASK + "\n" + longLine + "\n" + TASK + "\n");
    write(
        "big.json",
        "{\n\"resourceType\": \"Task\",\n\"description\": \"" + "y".repeat(5000) + "\"\n}\n");
    List<SourceItem> items =
        read(
            List.of("lines.ndjson", "big.json"),
            InputStream::nullInputStream,
            new SourceLimits(2000, 1000));
    assertThat(items).hasSize(4);
    assertThat(items.get(0)).isInstanceOf(RawDocument.class);
    SourceProblem tooLong = (SourceProblem) items.get(1);
    assertThat(tooLong.line()).isEqualTo(2);
    assertThat(tooLong.issueType()).isEqualTo("too-long");
    assertThat(((RawDocument) items.get(2)).firstLine()).isEqualTo(3);
    assertThat(((SourceProblem) items.get(3)).issueType()).isEqualTo("too-long");
  }

  @Test
  void stdinIsReadOnceAndMayBeNdjson() throws IOException {
    byte[] ndjson = (TASK + "\n" + TASK + "\n").getBytes(StandardCharsets.UTF_8);
    List<SourceItem> items =
        read(List.of("-", "-"), () -> new ByteArrayInputStream(ndjson), SourceLimits.defaults());
    assertThat(items).hasSize(3);
    assertThat(items.get(0).source()).isEqualTo("-");
    assertThat(((RawDocument) items.get(1)).firstLine()).isEqualTo(2);
    assertThat(items.get(2)).isInstanceOf(SourceProblem.class);
  }

  @Test
  void inputsAreCounted() throws IOException {
    write("a.json", TASK);
    write("b.ndjson", TASK + "\n" + TASK);
    try (Sources s =
        Sources.open(
            List.of("a.json", "b.ndjson", "nope"),
            dir,
            InputStream::nullInputStream,
            SourceLimits.defaults())) {
      s.forEachRemaining(i -> {});
      assertThat(s.inputs()).isEqualTo(3);
    }
  }

  @Test
  void wholeJsonObjectDetection() {
    assertThat(Sources.isWholeJsonObject(b("{\"a\": \"}\"}"))).isTrue();
    assertThat(Sources.isWholeJsonObject(b("{\"a\": \"\\\"}\"}  "))).isTrue();
    assertThat(Sources.isWholeJsonObject(b("{"))).isFalse();
    assertThat(Sources.isWholeJsonObject(b("{} {}"))).isFalse();
    assertThat(Sources.isWholeJsonObject(b("[1]"))).isFalse();
  }

  private static byte[] b(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
