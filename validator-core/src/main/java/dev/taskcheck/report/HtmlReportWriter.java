package dev.taskcheck.report;

import dev.taskcheck.model.LifecycleMetrics;
import dev.taskcheck.model.Result;
import dev.taskcheck.model.RunInfo;
import dev.taskcheck.model.Summary;
import dev.taskcheck.model.Timings;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * The HTML conformance report: one self-contained XHTML5 page (inline CSS, no scripts, nothing
 * loaded from the network) with a summary, the rules checked, the findings per file and, when the
 * run read Task histories, their lifecycle metrics.
 *
 * <p>The run is first written in the XML form ({@link XmlReportWriter}) to a {@link SpillBuffer},
 * then transformed at {@link #finish} by the XSLT 3.0 stylesheet ({@link HtmlStylesheet}). Saxon
 * builds the XML form as a tree in memory, so that form lists only results with findings, at most
 * {@link #MAX_LISTED_FINDINGS} findings (the first ones, in input order) and {@link
 * #MAX_LISTED_FILES} files; the counts stay complete and the page says how many findings it leaves
 * out.
 */
final class HtmlReportWriter extends ReportWriter {

  /**
   * The most findings (issues and suppressed findings) the page lists. Ten thousand rows are still
   * a page a browser shows at once and a person can search; past that the JSON and SARIF reports
   * are the tools.
   */
  static final int MAX_LISTED_FINDINGS = 10_000;

  /** The most input files the page names. */
  static final int MAX_LISTED_FILES = 10_000;

  private final SpillBuffer xml;
  private final XmlReportWriter form;

  HtmlReportWriter(OutputStream sink, RenderOptions options, @Nullable Path spillDirectory) {
    this(sink, options, spillDirectory, MAX_LISTED_FINDINGS, MAX_LISTED_FILES);
  }

  /** A writer with other limits, for tests. */
  HtmlReportWriter(
      OutputStream sink,
      RenderOptions options,
      @Nullable Path spillDirectory,
      int findingLimit,
      int fileLimit) {
    super(sink);
    this.xml = owned(new SpillBuffer(spillDirectory, SpillBuffer.DEFAULT_MEMORY_LIMIT));
    this.form =
        owned(
            XmlReportWriter.findingsOnly(
                new NonClosingOutputStream(xml), options, spillDirectory, findingLimit, fileLimit));
  }

  @Override
  void started(RunInfo run) {
    form.start(run);
  }

  @Override
  void write(Result result) {
    form.result(result);
  }

  @Override
  void complete(Summary summary, Timings timings) throws IOException {
    LifecycleMetrics metrics = lifecycleMetrics();
    if (metrics != null) {
      form.metrics(metrics);
    }
    form.finish(summary, timings);
    try (InputStream in = xml.inputStream()) {
      HtmlStylesheet.transform(in, sink());
    }
  }
}
