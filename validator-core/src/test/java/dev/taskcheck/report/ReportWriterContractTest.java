package dev.taskcheck.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.taskcheck.model.Report;
import dev.taskcheck.model.Result;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What every report format promises, whatever it writes: the lifecycle of a {@link ReportOutput}
 * from {@link OutputFormat#toStream} and {@link OutputFormat#toFile}.
 */
class ReportWriterContractTest {

  private static final RenderOptions OPTIONS = RenderOptions.defaults();

  /** Enough results that the text format's buffer is flushed to the sink before the run ends. */
  private static final List<Result> MANY = Collections.nCopies(300, ReportFixtures.WITH_ISSUES);

  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(OutputFormat.class)
  void listenerCallsAfterFinishThrowAndChangeNothing(OutputFormat format) throws IOException {
    Report report = ReportFixtures.withMetrics(ReportFixtures.metrics());
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ReportOutput out = format.toStream(bytes, OPTIONS);
    report.replay(out);
    String written = bytes.toString(StandardCharsets.UTF_8);

    assertThatIllegalStateException().isThrownBy(() -> out.result(ReportFixtures.WITH_ISSUES));
    assertThatIllegalStateException().isThrownBy(() -> out.start(report.run()));
    assertThatIllegalStateException().isThrownBy(() -> out.metrics(ReportFixtures.metrics()));
    assertThatIllegalStateException()
        .isThrownBy(() -> out.finish(report.summary(), report.timings()));
    out.close();

    assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo(written).isNotEmpty();
  }

  @ParameterizedTest
  @EnumSource(OutputFormat.class)
  void listenerCallsAfterCloseThrow(OutputFormat format) throws IOException {
    ReportOutput out = format.toStream(new ByteArrayOutputStream(), OPTIONS);
    out.start(ReportFixtures.run("auto"));
    out.close();
    out.close();

    assertThatIllegalStateException().isThrownBy(() -> out.result(ReportFixtures.WITH_ISSUES));
    assertThatIllegalStateException()
        .isThrownBy(() -> out.finish(ReportFixtures.summary(), ReportFixtures.timings()));
  }

  @ParameterizedTest
  @EnumSource(OutputFormat.class)
  void aFileReportSurvivesALateCall(OutputFormat format) throws IOException {
    Path target = dir.resolve(format.fileName());
    ReportOutput out = format.toFile(target, OPTIONS);
    ReportFixtures.report().replay(out);
    assertThatIllegalStateException().isThrownBy(() -> out.result(ReportFixtures.WITH_ISSUES));
    out.close();

    assertThat(Files.readString(target, StandardCharsets.UTF_8))
        .isEqualTo(ReportFixtures.render(format, ReportFixtures.report(), OPTIONS));
  }

  @ParameterizedTest
  @EnumSource(OutputFormat.class)
  void finishWritesTheWholeReportAndCloseAddsNothing(OutputFormat format) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ReportOutput out = format.toStream(bytes, OPTIONS);
    ReportFixtures.report().replay(out);
    int written = bytes.size();
    out.close();

    assertThat(written).isPositive().isEqualTo(bytes.size());
  }

  @ParameterizedTest
  @EnumSource(OutputFormat.class)
  void theCallersStreamIsNeverClosed(OutputFormat format) throws IOException {
    CloseTrackingStream finished = new CloseTrackingStream();
    try (ReportOutput out = format.toStream(finished, OPTIONS)) {
      ReportFixtures.report().replay(out);
    }
    CloseTrackingStream unfinished = new CloseTrackingStream();
    try (ReportOutput out = format.toStream(unfinished, OPTIONS)) {
      out.start(ReportFixtures.run("auto"));
      out.result(ReportFixtures.WITH_ISSUES);
    }

    assertThat(finished.size()).isPositive();
    assertThat(finished.closed).isFalse();
    assertThat(unfinished.closed).isFalse();
  }

  /** A document closed without finish would be a report that looks complete, or an invalid one. */
  @ParameterizedTest
  @EnumSource(value = OutputFormat.class, mode = EnumSource.Mode.EXCLUDE, names = "TEXT")
  void documentFormatsClosedWithoutFinishWriteNothing(OutputFormat format) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ReportOutput out = format.toStream(bytes, OPTIONS);
    out.start(ReportFixtures.run("auto"));
    for (Result r : MANY) {
      out.result(r);
    }
    out.metrics(ReportFixtures.metrics());
    out.close();

    assertThat(bytes.size()).isZero();
  }

  /**
   * The text format streams its lines to a console as results arrive, by design: closed without
   * finish, it has written the whole lines of the results it got, as a finished run without a
   * summary writes them, and no summary.
   */
  @Test
  void theTextFormatClosedWithoutFinishHasWrittenWholeLinesAndNoSummary() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ReportOutput out = OutputFormat.TEXT.toStream(bytes, OPTIONS);
    out.start(ReportFixtures.run("auto"));
    for (Result r : MANY) {
      out.result(r);
    }
    out.close();

    String withoutSummary =
        ReportFixtures.render(
            OutputFormat.TEXT, ReportFixtures.report(MANY), new RenderOptions(false, false));
    assertThat(withoutSummary).hasLineCount(2 * MANY.size()).endsWith("\n");
    assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo(withoutSummary);
  }

  @ParameterizedTest
  @EnumSource(OutputFormat.class)
  void aFileClosedWithoutFinishLeavesNoFile(OutputFormat format) throws IOException {
    Path target = dir.resolve(format.fileName());
    ReportOutput out = format.toFile(target, OPTIONS);
    out.start(ReportFixtures.run("auto"));
    for (Result r : MANY) {
      out.result(r);
    }
    out.close();

    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files).isEmpty();
    }
  }

  /**
   * A stream that fails (a closed pipe, a full disk) fails the run with the stream's own error:
   * from the listener call that wrote, at the latest from {@code finish}, never swallowed and never
   * left to close.
   */
  @ParameterizedTest
  @EnumSource(OutputFormat.class)
  void aBrokenPipeIsReported(OutputFormat format) {
    for (List<Result> results : List.of(List.of(ReportFixtures.CLEAN), MANY)) {
      ReportOutput out = format.toStream(new BrokenStream(), OPTIONS);
      Report report = ReportFixtures.report(results);

      assertThatThrownBy(() -> report.replay(out))
          .isInstanceOf(UncheckedIOException.class)
          .hasRootCauseInstanceOf(IOException.class)
          .hasRootCauseMessage("broken pipe");
      try {
        out.close();
      } catch (IOException e) {
        assertThat(e).hasMessage("broken pipe");
      }
    }
  }

  /** A stream whose every write fails. */
  private static final class BrokenStream extends OutputStream {
    @Override
    public void write(int b) throws IOException {
      throw new IOException("broken pipe");
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      throw new IOException("broken pipe");
    }
  }

  /** A byte sink that records whether it was closed. */
  private static final class CloseTrackingStream extends ByteArrayOutputStream {
    boolean closed;

    @Override
    public void close() {
      closed = true;
    }
  }
}
