package dev.taskcheck.report;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Creates report writers, the {@link ReportOutput}s behind {@link OutputFormat#toStream} and {@link
 * OutputFormat#toFile}. Every writer has the lifecycle of {@link ReportWriter}.
 *
 * <p>Every writer streams: its memory use does not grow with the number of results. The writers
 * whose document puts what is known only at the end before the results ({@link HeadLastWriter}:
 * JSON, SARIF, XML, OperationOutcome; HTML renders the XML form) keep the results written so far in
 * memory up to 8 MiB and in a temporary file beyond that (the system temporary directory for a
 * stream, the target's directory for a file); the file is deleted on close. Writers are not
 * thread-safe: one thread, or external synchronisation, per writer. Listener methods report I/O
 * failures as {@link java.io.UncheckedIOException}; listener calls after {@code finish} or {@code
 * close} throw {@link IllegalStateException}.
 */
final class ReportWriters {

  private ReportWriters() {}

  /**
   * A writer to a stream the caller owns. Output is UTF-8. Closing the writer flushes the stream
   * but does not close it. A writer closed without {@code finish} has written nothing, except the
   * text format, which streams its lines to a console as results arrive: it has written the
   * complete lines of the results it got, and no summary.
   */
  public static ReportOutput toStream(
      OutputFormat format, OutputStream out, RenderOptions options) {
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(out, "out");
    Objects.requireNonNull(options, "options");
    return create(format, new NonClosingOutputStream(out), options, null);
  }

  /**
   * A writer to {@code file}, written atomically: missing parent directories are created, the
   * content goes to a hidden temporary file beside {@code file}, and {@link ReportOutput#close()}
   * after a successful {@code finish} forces it to disk and renames it onto {@code file}. Closed
   * without a successful {@code finish}, the writer deletes the temporary file and leaves an
   * existing {@code file} untouched.
   *
   * @throws IOException if the directory or the temporary file cannot be created, or {@code file}
   *     is a directory
   */
  public static ReportOutput toFile(OutputFormat format, Path file, RenderOptions options)
      throws IOException {
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(options, "options");
    return AtomicFileOutput.open(
        file, (sink, directory) -> create(format, sink, options, directory));
  }

  /**
   * Writers to several files written as one set (see {@link OutputFormat#toFiles}): after a
   * successful {@code finish}, closing renames all of them into place, or, when any cannot be
   * written, none.
   *
   * @throws IOException if a directory or temporary file cannot be created; none is left behind
   */
  public static ReportOutput toFiles(Map<OutputFormat, Path> files, RenderOptions options)
      throws IOException {
    Objects.requireNonNull(files, "files");
    Objects.requireNonNull(options, "options");
    List<AtomicFileOutput> members = new ArrayList<>();
    try {
      for (Map.Entry<OutputFormat, Path> e : files.entrySet()) {
        OutputFormat format = e.getKey();
        members.add(
            AtomicFileOutput.open(
                e.getValue(), (sink, directory) -> create(format, sink, options, directory)));
      }
    } catch (IOException | RuntimeException e) {
      for (AtomicFileOutput m : members) {
        try {
          m.close();
        } catch (IOException | RuntimeException suppressed) {
          e.addSuppressed(suppressed);
        }
      }
      throw e;
    }
    return new ReportFileSet(members);
  }

  static ReportOutput create(
      OutputFormat format,
      OutputStream sink,
      RenderOptions options,
      @Nullable Path spillDirectory) {
    return switch (format) {
      case TEXT -> new TextReportWriter(sink, options);
      case JSON -> new JsonReportWriter(sink, spillDirectory, SpillBuffer.DEFAULT_MEMORY_LIMIT);
      case OPERATIONOUTCOME -> new OperationOutcomeWriter(sink, spillDirectory);
      case JUNIT -> new JUnitReportWriter(sink, options);
      case SARIF -> new SarifReportWriter(sink, options, spillDirectory);
      case XML -> new XmlReportWriter(sink, options, spillDirectory);
      case HTML -> new HtmlReportWriter(sink, options, spillDirectory);
    };
  }
}
