package dev.taskcheck.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.taskcheck.model.Severity;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Inputs that are endless, or fail mid-way: each ends its own input, never the run (issue 14). */
class SourcesResilienceTest {

  @TempDir Path dir;

  private static final String TASK =
      "{\"resourceType\":\"Task\",\"status\":\"draft\",\"intent\":\"order\"}";

  /** Hang guard only: the reads below are bounded by sizes, not by time. */
  private static final Duration HANG_GUARD = Duration.ofSeconds(60);

  /** Zeros forever (like /dev/zero), counting what was read. */
  static final class Zeros extends InputStream {
    long read;

    @Override
    public int read() {
      read++;
      return 0;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      Arrays.fill(b, off, off + len, (byte) 0);
      read += len;
      return len;
    }
  }

  /** Gives {@code content}, then fails as a disk does (EIO). */
  static InputStream failingAfter(String content) {
    InputStream head = new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8));
    return new InputStream() {
      @Override
      public int read() throws IOException {
        int b = head.read();
        if (b < 0) {
          throw new IOException("Input/output error");
        }
        return b;
      }

      @Override
      public int read(byte[] buf, int off, int len) throws IOException {
        int n = head.read(buf, off, len);
        if (n < 0) {
          throw new IOException("Input/output error");
        }
        return n;
      }
    };
  }

  private List<SourceItem> read(
      List<String> args, Supplier<InputStream> stdin, SourceLimits limits, Sources.Opener opener)
      throws IOException {
    List<SourceItem> out = new ArrayList<>();
    try (Sources s = Sources.open(args, dir, stdin, limits, opener)) {
      s.forEachRemaining(out::add);
    }
    return out;
  }

  @Test
  void endlessStdinIsPromptlyTooLong() {
    Zeros zeros = new Zeros();
    SourceLimits limits = new SourceLimits(1 << 20, 1 << 16);
    List<SourceItem> items =
        assertTimeoutPreemptively(
            HANG_GUARD, () -> read(List.of("-"), () -> zeros, limits, Files::newInputStream));
    SourceProblem p = (SourceProblem) items.get(0);
    assertThat(items).hasSize(1);
    assertThat(p.source()).isEqualTo("-");
    assertThat(p.line()).isEqualTo(1);
    assertThat(p.issueType()).isEqualTo("too-long");
    assertThat(p.severity()).isEqualTo(Severity.FATAL);
    // stopped at the line limit, not read to an end that never comes
    assertThat(zeros.read).isLessThanOrEqualTo((1 << 16) + 2L * LineSplitter.CHUNK);
  }

  @Test
  void endlessStdinWithTheDefaultLimitsStops() {
    Zeros zeros = new Zeros();
    List<SourceItem> items =
        assertTimeoutPreemptively(
            HANG_GUARD,
            () -> read(List.of("-"), () -> zeros, SourceLimits.defaults(), Files::newInputStream));
    assertThat(items).singleElement().isInstanceOf(SourceProblem.class);
    assertThat(zeros.read)
        .isLessThanOrEqualTo(SourceLimits.defaults().maxLineBytes() + 2L * LineSplitter.CHUNK);
  }

  @Test
  void anEndlessNdjsonLineEndsItsInputAfterTheSkipLimit() throws IOException {
    Zeros zeros = new Zeros();
    Files.writeString(dir.resolve("endless.ndjson"), "");
    Files.writeString(dir.resolve("ok.json"), TASK);
    SourceLimits limits = new SourceLimits(1 << 20, 1 << 16);
    Sources.Opener opener =
        p ->
            p.getFileName().toString().equals("endless.ndjson")
                ? new SequenceInputStream(
                    new ByteArrayInputStream((TASK + "\n" + TASK + "\n").getBytes(UTF8)), zeros)
                : Files.newInputStream(p);
    List<SourceItem> items =
        assertTimeoutPreemptively(
            HANG_GUARD,
            () ->
                read(
                    List.of("endless.ndjson", "ok.json"),
                    InputStream::nullInputStream,
                    limits,
                    opener));
    assertThat(items).hasSize(4);
    assertThat(((RawDocument) items.get(1)).firstLine()).isEqualTo(2);
    SourceProblem p = (SourceProblem) items.get(2);
    assertThat(p.source()).isEqualTo("endless.ndjson");
    assertThat(p.line()).isEqualTo(3);
    assertThat(p.issueType()).isEqualTo("too-long");
    assertThat(items.get(3).source()).isEqualTo("ok.json");
    assertThat(zeros.read).isLessThanOrEqualTo((1 << 20) + (1 << 16) + 2L * LineSplitter.CHUNK);
  }

  @Test
  void anEndlessContentSniffedNdjsonInputStops() {
    Zeros zeros = new Zeros();
    SourceLimits limits = new SourceLimits(1 << 20, 1 << 16);
    Supplier<InputStream> stdin =
        () ->
            new SequenceInputStream(
                new ByteArrayInputStream((TASK + "\n" + TASK + "\n").getBytes(UTF8)), zeros);
    List<SourceItem> items =
        assertTimeoutPreemptively(
            HANG_GUARD, () -> read(List.of("-"), stdin, limits, Files::newInputStream));
    assertThat(items).hasSize(3);
    assertThat(((SourceProblem) items.get(2)).line()).isEqualTo(3);
  }

  @Test
  void aReadFailingMidwayIsOneFatalForThatInputAndTheRunGoesOn() throws IOException {
    Files.createDirectories(dir.resolve("data"));
    Files.writeString(dir.resolve("data/a.ndjson"), "");
    Files.writeString(dir.resolve("data/b.json"), TASK);
    Sources.Opener opener =
        p ->
            p.getFileName().toString().equals("a.ndjson")
                ? failingAfter(TASK + "\n" + TASK + "\n{\"resourceType\":")
                : Files.newInputStream(p);
    List<SourceItem> items =
        read(List.of("data"), InputStream::nullInputStream, SourceLimits.defaults(), opener);
    assertThat(items)
        .extracting(SourceItem::source)
        .containsExactly("data/a.ndjson", "data/a.ndjson", "data/a.ndjson", "data/b.json");
    SourceProblem p = (SourceProblem) items.get(2);
    assertThat(p.line()).isEqualTo(3);
    assertThat(p.severity()).isEqualTo(Severity.FATAL);
    assertThat(p.issueType()).isEqualTo("exception");
    assertThat(items.get(3)).isInstanceOf(RawDocument.class);
  }

  @Test
  void aSniffedNdjsonInputFailingMidwayIsOneFatal() throws IOException {
    Files.writeString(dir.resolve("a.json"), "");
    Files.writeString(dir.resolve("b.json"), TASK);
    Sources.Opener opener =
        p ->
            p.getFileName().toString().equals("a.json")
                ? failingAfter(TASK + "\n" + TASK + "\n" + TASK + "\n")
                : Files.newInputStream(p);
    List<SourceItem> items =
        read(
            List.of("a.json", "b.json"),
            InputStream::nullInputStream,
            SourceLimits.defaults(),
            opener);
    assertThat(items).hasSize(5);
    assertThat(((SourceProblem) items.get(3)).line()).isEqualTo(4);
    assertThat(items.get(4).source()).isEqualTo("b.json");
  }

  @Test
  void aDocumentFailingMidwayIsOneFatal() throws IOException {
    Files.writeString(dir.resolve("a.json"), "");
    Files.writeString(dir.resolve("b.json"), TASK);
    Sources.Opener opener =
        p ->
            p.getFileName().toString().equals("a.json")
                ? failingAfter("{\n  \"resourceType\": \"Task\",\n")
                : Files.newInputStream(p);
    List<SourceItem> items =
        read(
            List.of("a.json", "b.json"),
            InputStream::nullInputStream,
            SourceLimits.defaults(),
            opener);
    assertThat(items).hasSize(2);
    assertThat(((SourceProblem) items.get(0)).severity()).isEqualTo(Severity.FATAL);
    assertThat(items.get(1)).isInstanceOf(RawDocument.class);
  }

  private static final java.nio.charset.Charset UTF8 = StandardCharsets.UTF_8;
}
