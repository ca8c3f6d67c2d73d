package dev.taskcheck.report;

import dev.taskcheck.model.Durations;
import dev.taskcheck.model.FhirRelease;
import dev.taskcheck.model.Issue;
import dev.taskcheck.model.LifecycleMetrics;
import dev.taskcheck.model.Result;
import dev.taskcheck.model.RunInfo;
import dev.taskcheck.model.Severity;
import dev.taskcheck.model.Summary;
import dev.taskcheck.model.Timings;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The text format: one line per issue, {@code source:line:col severity rule-id expression message},
 * then optionally a summary, and after it, when the run read Task histories or looked for stuck
 * Tasks, a short lifecycle block. UTF-8 with {@code \n} line ends.
 *
 * <p>Unlike the document formats, the text format streams: the lines of each result are written as
 * the result arrives (buffered, and flushed at {@link #finish} and {@link #close}), so that a
 * console shows findings while the run goes on. Closed without {@code finish}, it has written the
 * complete lines of the results it got and no summary.
 */
final class TextReportWriter extends ReportWriter {

  private static final String RED = "\u001b[31m";
  private static final String YELLOW = "\u001b[33m";
  private static final String CYAN = "\u001b[36m";
  private static final String RESET = "\u001b[0m";

  /** How many stuck Tasks the text lists (the JSON report lists more). */
  static final int STUCK_LISTED = 10;

  private final Writer out;
  private final RenderOptions options;
  private final StringBuilder line = new StringBuilder(256);

  /**
   * @param sink the stream the report goes to; closed by {@link #close()}
   */
  TextReportWriter(OutputStream sink, RenderOptions options) {
    super(sink);
    this.out =
        owned(new BufferedWriter(new OutputStreamWriter(sink, StandardCharsets.UTF_8), 16 << 10));
    this.options = options;
  }

  @Override
  void write(Result result) throws IOException {
    for (Issue issue : result.issues()) {
      line.setLength(0);
      appendIssue(line, result.source(), issue, options.color());
      line.append('\n');
      out.append(line);
    }
  }

  /**
   * Appends the line of an issue, {@code source:line:col severity rule-id expression message} (the
   * JUnit report lists findings so too), the severity in colour when {@code color}.
   */
  static void appendIssue(StringBuilder b, String source, Issue issue, boolean color) {
    appendOneLine(b, source);
    Integer ln = issue.line();
    if (ln != null) {
      b.append(':').append(ln.intValue());
      Integer col = issue.column();
      if (col != null) {
        b.append(':').append(col.intValue());
      }
    }
    b.append(' ');
    Severity severity = issue.severity();
    if (color) {
      b.append(color(severity)).append(severity.code()).append(RESET);
    } else {
      b.append(severity.code());
    }
    b.append(' ');
    appendOneLine(b, issue.ruleId());
    b.append(' ');
    String expression = issue.expression();
    appendOneLine(b, expression == null || expression.isEmpty() ? "-" : expression);
    String message = issue.message().strip();
    if (!message.isEmpty()) {
      b.append(' ');
      appendOneLine(b, message);
    }
  }

  private static String color(Severity severity) {
    return switch (severity) {
      case FATAL, ERROR -> RED;
      case WARNING -> YELLOW;
      case INFORMATION -> CYAN;
    };
  }

  /**
   * Appends {@code text} on one line: each run of control characters (CR, LF, tab, escape, ...) and
   * Unicode line or paragraph separators becomes a single space.
   */
  static void appendOneLine(StringBuilder b, String text) {
    boolean inBreak = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
        if (!inBreak) {
          b.append(' ');
          inBreak = true;
        }
      } else {
        b.append(c);
        inBreak = false;
      }
    }
  }

  @Override
  void complete(Summary summary, Timings timings) throws IOException {
    if (options.summary()) {
      RunInfo r = run();
      out.write(summaryLine(r == null ? "taskcheck" : r.toolName(), summary, timings));
      out.write('\n');
      String releases = releasesLine(summary.releases());
      if (releases != null) {
        out.write(releases);
        out.write('\n');
      }
      String engines = enginesLine(summary.engines(), summary.resources());
      if (engines != null) {
        out.write(engines);
        out.write('\n');
      }
      LifecycleMetrics m = lifecycleMetrics();
      if (m != null) {
        for (String l : metricsLines(m)) {
          out.write(l);
          out.write('\n');
        }
      }
    }
    out.flush();
  }

  /** {@code taskcheck: 3 inputs, 5 Tasks validated (...): 0 fatal, 2 errors, ... in 1.2 s}. */
  static String summaryLine(String toolName, Summary s, Timings t) {
    StringBuilder b = new StringBuilder(128);
    b.append(toolName).append(": ");
    b.append(count(s.inputs(), "input", "inputs")).append(", ");
    b.append(count(s.resources(), "Task", "Tasks")).append(" validated");
    if (s.skipped() > 0) {
      b.append(" (")
          .append(count(s.skipped(), "other resource", "other resources"))
          .append(" skipped)");
    }
    b.append(": ");
    b.append(s.fatal()).append(" fatal, ");
    b.append(count(s.error(), "error", "errors")).append(", ");
    b.append(count(s.warning(), "warning", "warnings")).append(", ");
    b.append(s.information()).append(" information");
    if (s.suppressed() > 0) {
      b.append(" (").append(s.suppressed()).append(" suppressed)");
    }
    b.append(" in ").append(elapsed(t.elapsedMillis()));
    return b.toString();
  }

  /**
   * The lifecycle block: {@code histories: 12 Tasks, 40 versions; wait time median 2h 5m (p90 1d
   * 3h); ...; status changes: 40 (2 refused, 1 narrative-only); stuck (older than 7d): 3}, then one
   * line per stuck Task (at most {@link #STUCK_LISTED}), {@code source:line Task/x status since
   * <lastModified> (idle 9d 2h)}.
   */
  static List<String> metricsLines(LifecycleMetrics m) {
    List<String> parts = new ArrayList<>();
    if (m.histories() > 0) {
      parts.add(
          "histories: "
              + count(m.histories(), "Task", "Tasks")
              + ", "
              + count(m.versions(), "version", "versions"));
      parts.add(stat("wait time", m.waitTime()));
      parts.add(stat("time in progress", m.timeInProgress()));
      parts.add(stat("time to completion", m.timeToCompletion()));
      if (!m.workflows().isEmpty()) {
        parts.add(changes(m.workflows()));
      }
    }
    if (m.stuckAfter() != null) {
      parts.add("stuck (older than " + Durations.format(m.stuckAfter()) + "): " + m.stuckCount());
    }
    List<String> lines = new ArrayList<>();
    if (parts.isEmpty()) {
      return lines;
    }
    lines.add(String.join("; ", parts));
    List<LifecycleMetrics.StuckTask> stuck = m.stuck();
    int shown = Math.min(stuck.size(), STUCK_LISTED);
    for (int i = 0; i < shown; i++) {
      LifecycleMetrics.StuckTask t = stuck.get(i);
      StringBuilder b = new StringBuilder("  ");
      appendOneLine(b, t.source());
      b.append(':').append(t.line()).append(' ');
      appendOneLine(b, t.resource());
      b.append(' ');
      appendOneLine(b, t.status());
      b.append(" since ");
      appendOneLine(b, t.since());
      b.append(" (idle ").append(Durations.format(t.idle())).append(')');
      lines.add(b.toString());
    }
    if (m.stuckCount() > shown) {
      lines.add(
          "  ... and "
              + (m.stuckCount() - shown)
              + " more (the JSON report lists up to "
              + LifecycleMetrics.MAX_STUCK_LISTED
              + ")");
    }
    return lines;
  }

  /** {@code status changes: 40 (2 refused, 1 narrative-only)}. */
  private static String changes(List<LifecycleMetrics.Workflow> workflows) {
    long all = 0;
    long refused = 0;
    long narrative = 0;
    for (LifecycleMetrics.Workflow w : workflows) {
      all += w.changes();
      for (LifecycleMetrics.Edge e : w.edges()) {
        if (e.kind().equals(LifecycleMetrics.Edge.REFUSED)) {
          refused += e.count();
        } else if (e.kind().equals(LifecycleMetrics.Edge.NARRATIVE)) {
          narrative += e.count();
        }
      }
    }
    return "status changes: "
        + all
        + " ("
        + refused
        + " refused, "
        + narrative
        + " narrative-only)";
  }

  private static String stat(String what, LifecycleMetrics.Stat s) {
    if (s.count() == 0 || s.median() == null || s.p90() == null) {
      return what + ": none";
    }
    return what
        + " median "
        + Durations.format(s.median())
        + " (p90 "
        + Durations.format(s.p90())
        + ")";
  }

  /** {@code FHIR versions: R4 (4), R5 (1)}, or null when no release was used. */
  static @Nullable String releasesLine(Map<FhirRelease, Long> releases) {
    StringBuilder b = new StringBuilder("FHIR versions: ");
    boolean any = false;
    for (FhirRelease release : FhirRelease.values()) {
      Long n = releases.get(release);
      if (n != null && n > 0) {
        if (any) {
          b.append(", ");
        }
        b.append(release.code()).append(" (").append(n.longValue()).append(')');
        any = true;
      }
    }
    return any ? b.toString() : null;
  }

  /**
   * {@code structure engines: fast (4), reference (1)}, how many Tasks each structure engine
   * checked, then {@code none (2)} for the Tasks of {@code resources} no engine checked (the fast
   * engine did not cover them under {@code --engine fast}); null when no engine checked any Task
   * and every Task was checked (nothing was validated).
   */
  static @Nullable String enginesLine(Map<String, Long> engines, long resources) {
    StringBuilder b = new StringBuilder("structure engines: ");
    boolean any = false;
    long checked = 0;
    for (Map.Entry<String, Long> e : engines.entrySet()) {
      if (e.getValue() > 0) {
        if (any) {
          b.append(", ");
        }
        appendOneLine(b, e.getKey());
        b.append(" (").append(e.getValue().longValue()).append(')');
        any = true;
        checked += e.getValue();
      }
    }
    if (resources > checked) {
      b.append(any ? ", " : "").append("none (").append(resources - checked).append(')');
      any = true;
    }
    return any ? b.toString() : null;
  }

  private static String count(long n, String singular, String plural) {
    return n + " " + (n == 1 ? singular : plural);
  }

  /** Milliseconds below one second, else seconds with one decimal. */
  static String elapsed(long millis) {
    if (millis < 1000) {
      return millis + " ms";
    }
    return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
  }
}
