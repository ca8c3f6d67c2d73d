package dev.taskcheck.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.taskcheck.OutputFormat;
import dev.taskcheck.RenderOptions;
import dev.taskcheck.Report;
import dev.taskcheck.ReportOutput;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ReportWritersTest {

  @ParameterizedTest
  @EnumSource(OutputFormat.class)
  void writeFailuresSurfaceAsUncheckedIoExceptions(OutputFormat format) throws IOException {
    ReportFixtures.assumeWriterExists(format);
    Report report = ReportFixtures.report(Collections.nCopies(500, ReportFixtures.WITH_ISSUES));
    ReportOutput out = ReportWriters.toStream(format, new BrokenStream(), RenderOptions.defaults());

    assertThatThrownBy(() -> report.replay(out))
        .isInstanceOf(UncheckedIOException.class)
        .hasRootCauseMessage("broken pipe");
    try {
      out.close();
    } catch (IOException e) {
      assertThat(e).hasMessage("broken pipe");
    }
  }

  @ParameterizedTest
  @EnumSource(OutputFormat.class)
  void everyFormatHasAWriter(OutputFormat format) throws IOException {
    ReportFixtures.assumeWriterExists(format);
    try (ReportOutput out = ReportWriters.toStream(format, OutputStream.nullOutputStream(), RenderOptions.defaults())) {
      ReportFixtures.report().replay(out);
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
}
