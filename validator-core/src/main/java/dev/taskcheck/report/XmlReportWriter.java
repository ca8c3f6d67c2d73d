package dev.taskcheck.report;

import dev.taskcheck.RenderOptions;
import dev.taskcheck.ReportOutput;
import dev.taskcheck.Result;
import java.io.OutputStream;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/** PLACEHOLDER on the issue5 branch: the XML form report writer, replaced by its implementation before merge. */
final class XmlReportWriter implements ReportOutput {

  XmlReportWriter(OutputStream sink, RenderOptions options, @Nullable Path spillDirectory) {
    throw new UnsupportedOperationException("XML form is not written yet");
  }

  @Override
  public void result(Result result) {}

  @Override
  public void close() {}
}
