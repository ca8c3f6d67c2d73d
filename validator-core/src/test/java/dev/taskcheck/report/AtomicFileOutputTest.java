package dev.taskcheck.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.taskcheck.model.Report;
import dev.taskcheck.model.Result;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class AtomicFileOutputTest {

  private static final RenderOptions OPTIONS = RenderOptions.defaults();

  @TempDir Path dir;

  private List<Path> allFiles() throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile).toList();
    }
  }

  private List<Path> tempFiles() throws IOException {
    return allFiles().stream()
        .filter(
            p ->
                p.getFileName().toString().endsWith(".tmp")
                    || p.getFileName().toString().endsWith(".spill"))
        .toList();
  }

  @ParameterizedTest
  @EnumSource(OutputFormat.class)
  void targetAppearsOnlyOnCloseAfterFinish(OutputFormat format) throws IOException {
    Path target = dir.resolve("out/nested").resolve(format.fileName());
    Report report = ReportFixtures.report();

    ReportOutput out = format.toFile(target, OPTIONS);
    assertThat(target.getParent()).isDirectory();
    report.replay(out);
    assertThat(target).doesNotExist();
    assertThat(tempFiles()).hasSize(1);

    out.close();

    assertThat(target).isRegularFile();
    assertThat(tempFiles()).isEmpty();
    assertThat(allFiles()).containsExactly(target);
    assertThat(Files.readString(target, StandardCharsets.UTF_8))
        .isEqualTo(ReportFixtures.render(format, report, OPTIONS));
  }

  @ParameterizedTest
  @EnumSource(OutputFormat.class)
  void closeWithoutFinishKeepsAnExistingTarget(OutputFormat format) throws IOException {
    Path target = dir.resolve(format.fileName());
    Files.writeString(target, "previous report");

    ReportOutput out = format.toFile(target, OPTIONS);
    out.start(ReportFixtures.run("auto"));
    out.result(ReportFixtures.WITH_ISSUES);
    out.close();

    assertThat(target).hasContent("previous report");
    assertThat(allFiles()).containsExactly(target);
  }

  @Test
  void finishedRunReplacesAnExistingTarget() throws IOException {
    Path target = dir.resolve("taskcheck.json");
    Files.writeString(target, "previous report");

    try (ReportOutput out = OutputFormat.JSON.toFile(target, OPTIONS)) {
      ReportFixtures.report().replay(out);
      assertThat(target).hasContent("previous report");
    }

    assertThat(Files.readString(target)).startsWith("{").contains("\"results\"");
    assertThat(allFiles()).containsExactly(target);
  }

  @Test
  void tempFileIsHiddenBesideTheTarget() throws IOException {
    Path target = dir.resolve("report.txt");
    try (AtomicFileOutput out =
        AtomicFileOutput.open(
            target, (sink, d) -> ReportWriters.create(OutputFormat.TEXT, sink, OPTIONS, d))) {
      assertThat(out.temp().getParent()).isEqualTo(target.getParent());
      assertThat(out.temp().getFileName().toString()).startsWith(".report.txt.").endsWith(".tmp");
      assertThat(out.temp()).exists();
    }
    assertThat(allFiles()).isEmpty();
  }

  @Test
  void writeFailureSurfacesAndDiscardsTheOutputEvenIfFinishIsCalled() throws IOException {
    Path target = dir.resolve("report.txt");
    try (AtomicFileOutput out =
        AtomicFileOutput.open(target, (sink, d) -> new FailingWriter(sink))) {
      out.start(ReportFixtures.run("auto"));
      assertThatThrownBy(() -> out.result(ReportFixtures.CLEAN))
          .isInstanceOf(UncheckedIOException.class);
      out.finish(ReportFixtures.summary(), ReportFixtures.timings());
    }
    assertThat(target).doesNotExist();
    assertThat(allFiles()).isEmpty();
  }

  @Test
  void failureWhileClosingStillDeletesTheTempFile() throws IOException {
    Path target = dir.resolve("report.txt");
    AtomicFileOutput out =
        AtomicFileOutput.open(target, (sink, d) -> new FailingWriter(sink, true));
    out.start(ReportFixtures.run("auto"));
    out.finish(ReportFixtures.summary(), ReportFixtures.timings());

    assertThatIOException().isThrownBy(out::close).withMessage("close failed");

    assertThat(target).doesNotExist();
    assertThat(allFiles()).isEmpty();
  }

  @Test
  void aDirectoryIsNotATarget() throws IOException {
    Path target = Files.createDirectory(dir.resolve("taskcheck.json"));
    assertThatIOException().isThrownBy(() -> OutputFormat.JSON.toFile(target, OPTIONS));
    assertThat(allFiles()).isEmpty();
  }

  @Test
  void closeIsIdempotent() throws IOException {
    Path target = dir.resolve("report.txt");
    ReportOutput out = OutputFormat.TEXT.toFile(target, OPTIONS);
    ReportFixtures.report().replay(out);
    out.close();
    out.close();
    assertThat(target).isRegularFile();
  }

  /** A writer whose results fail with an I/O error, or whose close does. */
  private static final class FailingWriter implements ReportOutput {
    private final OutputStream sink;
    private final boolean failOnClose;

    FailingWriter(OutputStream sink) {
      this(sink, false);
    }

    FailingWriter(OutputStream sink, boolean failOnClose) {
      this.sink = sink;
      this.failOnClose = failOnClose;
    }

    @Override
    public void result(Result result) {
      throw new UncheckedIOException(new IOException("disk full"));
    }

    @Override
    public void close() throws IOException {
      sink.write('x');
      sink.close();
      if (failOnClose) {
        throw new IOException("close failed");
      }
    }
  }
}
