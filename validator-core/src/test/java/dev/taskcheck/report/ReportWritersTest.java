package dev.taskcheck.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.taskcheck.model.Report;
import java.io.ByteArrayOutputStream;
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
    try (ReportOutput out = ReportWriters.toStream(format, OutputStream.nullOutputStream(), RenderOptions.defaults())) {
      ReportFixtures.report().replay(out);
    }
  }

  @ParameterizedTest
  @EnumSource(value = OutputFormat.class, names = {"JSON", "OPERATIONOUTCOME", "SARIF"})
  void jsonFormatsWriteOneWellFormedDocument(OutputFormat format) throws IOException {
    String text = ReportFixtures.render(format, ReportFixtures.withMetrics(ReportFixtures.metrics()),
        RenderOptions.defaults());
    ObjectMapper mapper = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    assertThat(mapper.readTree(text).isObject()).isTrue();
    assertThat(text).endsWith("}\n");
  }

  @ParameterizedTest
  @EnumSource(value = OutputFormat.class, names = {"JSON", "SARIF"})
  void formatsWithTheirHeadLastWriteNothingWhenClosedWithoutFinish(OutputFormat format) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ReportOutput out = ReportWriters.toStream(format, bytes, RenderOptions.defaults());
    out.start(ReportFixtures.run("auto"));
    for (int i = 0; i < 200; i++) {
      out.result(ReportFixtures.WITH_ISSUES);
    }
    out.close();
    assertThat(bytes.size()).isZero();
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
