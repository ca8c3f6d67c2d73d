package dev.taskcheck.report;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.apiguardian.api.API;

/** The report formats, each rendered from the same report model. */
@API(status = API.Status.STABLE, since = "0.1.0")
public enum OutputFormat {
  /**
   * One line per issue, {@code path:line:col severity rule-id expression message}, then a summary.
   */
  TEXT("text", "taskcheck.txt"),
  /** The TaskCheck JSON report. */
  JSON("json", "taskcheck.json"),
  /** One FHIR OperationOutcome per result, a Bundle of them when there are several. */
  OPERATIONOUTCOME("operationoutcome", "taskcheck.operationoutcome.json"),
  /**
   * JUnit XML as Maven Surefire writes it: a test suite per input file, a test case per rule
   * checked on it, failed when the rule has a finding at or above the fail level.
   */
  JUNIT("junit", "TEST-taskcheck.xml"),
  /**
   * SARIF 2.1.0 for code scanning: the rules checked, results with physical and logical locations.
   */
  SARIF("sarif", "taskcheck.sarif"),
  /** The XML form of the report, which the HTML report is rendered from. */
  XML("xml", "taskcheck.xml"),
  /** A self-contained HTML conformance report (no scripts, no network resources). */
  HTML("html", "taskcheck.html");

  private final String code;
  private final String fileName;

  OutputFormat(String code, String fileName) {
    this.code = code;
    this.fileName = fileName;
  }

  public String code() {
    return code;
  }

  /** The file name used for this format under {@code --output DIR}. */
  public String fileName() {
    return fileName;
  }

  public static OutputFormat fromCode(String text) {
    String t = text.trim().toLowerCase(Locale.ROOT);
    for (OutputFormat f : values()) {
      if (f.code.equals(t)) {
        return f;
      }
    }
    throw new IllegalArgumentException(
        "unknown format '"
            + text
            + "' (expected "
            + Arrays.stream(values()).map(OutputFormat::code).collect(Collectors.joining(", "))
            + ")");
  }

  /**
   * A writer to a stream the caller owns; closing the output flushes but does not close the stream.
   * Closed without {@link ReportListener#finish}, a writer has written nothing, except the text
   * format, which streams its lines as results arrive: it has written the complete lines of the
   * results so far and no summary.
   */
  public ReportOutput toStream(OutputStream out, RenderOptions options) {
    return ReportWriters.toStream(this, out, options);
  }

  /**
   * A writer to a file, written atomically: the content goes to a temporary file beside {@code
   * file} and is renamed onto it when the output is closed after {@link ReportListener#finish}.
   */
  public ReportOutput toFile(Path file, RenderOptions options) throws IOException {
    return ReportWriters.toFile(this, file, options);
  }

  /**
   * Writers to several files written as one set: each goes to a temporary file beside its target;
   * closing the output after {@link ReportListener#finish} writes all of them out, then renames all
   * of them into place. If any cannot be written (a full disk), none is renamed: every previous
   * report stays as it was, and {@code close} throws.
   */
  public static ReportOutput toFiles(Map<OutputFormat, Path> files, RenderOptions options)
      throws IOException {
    return ReportWriters.toFiles(files, options);
  }
}
