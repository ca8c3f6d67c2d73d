package dev.taskcheck.report;

import dev.taskcheck.RenderOptions;
import dev.taskcheck.ReportOutput;
import dev.taskcheck.Result;
import java.io.OutputStream;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/** PLACEHOLDER on the issue5 branch: the SARIF 2.1.0 report writer, replaced by its implementation before merge. */
final class SarifReportWriter implements ReportOutput {

  SarifReportWriter(OutputStream sink, RenderOptions options, @Nullable Path spillDirectory) {
    throw new UnsupportedOperationException("SARIF 2.1.0 is not written yet");
  }

  @Override
  public void result(Result result) {}

  @Override
  public void close() {}
}
