package dev.taskcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.taskcheck.cli.CliProcessSupport.CliRun;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reading TaskCheck's reports in tests: the text format's issue and summary lines, the JSON
 * report's results and issues, and the checks every launch shares (no stack trace, no ANSI escapes,
 * usage errors). Never compares message prose.
 */
final class CliReportSupport {

  static final Set<String> SEVERITIES = Set.of("fatal", "error", "warning", "information");

  static final List<String> STRUCTURE_IDS =
      List.of(
          "structure-parse",
          "structure-unknown-element",
          "structure-type",
          "structure-cardinality",
          "structure-binding",
          "structure-reference",
          "structure-other",
          "input-unreadable");

  /** {@code path[:line[:col]] severity rule-id expression [message]}. */
  private static final Pattern ISSUE_LINE =
      Pattern.compile(
          "^(?<path>.+?)(?::(?<line>\\d+)(?::(?<col>\\d+))?)? (?<severity>fatal|error|warning|information)"
              + " (?<rule>[a-z][a-z0-9]*(?:-[a-z0-9]+)*) (?<expr>\\S+)(?: (?<message>.*))?$");

  private static final Pattern SUMMARY_LINE =
      Pattern.compile(
          "^taskcheck: (?<inputs>\\d+) inputs?, (?<tasks>\\d+) Tasks? validated"
              + "(?: \\((?<skipped>\\d+) other resources? skipped\\))?: (?<fatal>\\d+) fatal, (?<error>\\d+) errors?,"
              + " (?<warning>\\d+) warnings?, (?<information>\\d+) information in \\d+(?:\\.\\d+)? m?s$");

  private static final Pattern STACK_FRAME =
      Pattern.compile("(?m)^\\s+at [\\w$.<>/]+\\(.*\\)\\s*$");
  private static final Pattern EXCEPTION_NAME =
      Pattern.compile("\\b(?:[a-z][\\w$]*\\.)*[A-Z][\\w$]*(?:Exception|Error|Throwable)\\b");

  private CliReportSupport() {}

  /** One issue line of the text format. */
  record TextIssue(
      String path,
      @Nullable Integer line,
      @Nullable Integer column,
      String severity,
      String ruleId,
      String expression,
      String message) {

    String position() {
      return line + ":" + column;
    }
  }

  static Optional<TextIssue> parseIssueLine(String line) {
    Matcher m = ISSUE_LINE.matcher(line);
    if (!m.matches()) {
      return Optional.empty();
    }
    return Optional.of(
        new TextIssue(
            m.group("path"),
            integer(m.group("line")),
            integer(m.group("col")),
            m.group("severity"),
            m.group("rule"),
            m.group("expr"),
            m.group("message") == null ? "" : m.group("message")));
  }

  /**
   * The issue lines of a text report (every line that is not the summary, the FHIR versions or the
   * structure engines line).
   */
  static List<TextIssue> textIssues(List<String> lines) {
    List<TextIssue> out = new ArrayList<>();
    for (String l : lines) {
      if (l.startsWith("taskcheck: ")
          || l.startsWith("FHIR versions: ")
          || l.startsWith("structure engines: ")
          || l.startsWith("Reports written to ")) {
        continue;
      }
      Optional<TextIssue> issue = parseIssueLine(l);
      assertThat(issue)
          .as("text report line is not 'path:line:col severity rule-id expression message': %s", l)
          .isPresent();
      issue.ifPresent(out::add);
    }
    return out;
  }

  /**
   * The counts of the text summary line, keyed
   * inputs/tasks/skipped/fatal/error/warning/information.
   */
  static Map<String, Long> summaryCounts(String summaryLine) {
    Matcher m = SUMMARY_LINE.matcher(summaryLine);
    assertThat(m.matches())
        .as("summary line with counts and elapsed time: %s", summaryLine)
        .isTrue();
    Map<String, Long> counts = new TreeMap<>();
    for (String k :
        List.of("inputs", "tasks", "skipped", "fatal", "error", "warning", "information")) {
      String v = m.group(k);
      counts.put(k, v == null ? 0L : Long.parseLong(v));
    }
    return counts;
  }

  /** The one summary line of a text report. */
  static String summaryLine(List<String> lines) {
    List<String> summaries = lines.stream().filter(l -> l.startsWith("taskcheck: ")).toList();
    assertThat(summaries).as("exactly one summary line in %s", lines).hasSize(1);
    return summaries.get(0);
  }

  // ---------------------------------------------------------------- JSON report

  static List<JsonNode> results(JsonNode report) {
    assertThat(report.path("results").isArray()).as("results is an array").isTrue();
    List<JsonNode> out = new ArrayList<>();
    report.path("results").forEach(out::add);
    return out;
  }

  static List<JsonNode> resultsFor(JsonNode report, String source) {
    return results(report).stream().filter(r -> r.path("source").asText().equals(source)).toList();
  }

  static List<JsonNode> issues(JsonNode result) {
    List<JsonNode> out = new ArrayList<>();
    result.path("issues").forEach(out::add);
    return out;
  }

  static List<JsonNode> allIssues(JsonNode report) {
    List<JsonNode> out = new ArrayList<>();
    for (JsonNode r : results(report)) {
      out.addAll(issues(r));
    }
    return out;
  }

  static long countIssues(JsonNode report, Predicate<JsonNode> which) {
    return allIssues(report).stream().filter(which).count();
  }

  static Predicate<JsonNode> severity(String s) {
    return i -> i.path("severity").asText().equals(s);
  }

  static boolean isAtLeastError(JsonNode issue) {
    String s = issue.path("severity").asText();
    return s.equals("fatal") || s.equals("error");
  }

  static @Nullable Integer intOrNull(JsonNode node) {
    return node == null || node.isNull() || node.isMissingNode() ? null : node.asInt();
  }

  static String position(JsonNode issue) {
    return intOrNull(issue.get("line")) + ":" + intOrNull(issue.get("column"));
  }

  /**
   * {@code ruleId severity expression line:col}, a compact form for assertions and failure
   * messages.
   */
  static String brief(JsonNode issue) {
    return issue.path("ruleId").asText()
        + " "
        + issue.path("severity").asText()
        + " "
        + (issue.path("expression").isNull() ? "-" : issue.path("expression").asText())
        + " "
        + position(issue);
  }

  /** The summary's counts agree with the results: issues per severity, Tasks, releases, engines. */
  static void assertSummaryMatchesResults(JsonNode report) {
    JsonNode summary = report.path("summary");
    for (String s : SEVERITIES) {
      assertThat(summary.path(s).asLong())
          .as("summary.%s equals the %s issues in results", s, s)
          .isEqualTo(countIssues(report, severity(s)));
    }
    long tasks = results(report).stream().filter(r -> r.path("resource").isTextual()).count();
    assertThat(summary.path("resources").asLong())
        .as("summary.resources equals the results with a resource")
        .isEqualTo(tasks);
    long releases = 0;
    for (JsonNode n : summary.path("releases")) {
      releases += n.asLong();
    }
    assertThat(releases).as("summary.releases adds up to summary.resources").isEqualTo(tasks);
    for (var e : summary.path("engines").properties()) {
      assertThat(e.getValue().asLong())
          .as("summary.engines.%s equals the results with a resource it checked", e.getKey())
          .isEqualTo(
              results(report).stream()
                  .filter(r -> r.path("resource").isTextual())
                  .filter(r -> e.getKey().equals(r.path("engine").asText(null)))
                  .count());
    }
  }

  /**
   * A copy without the fields that differ between two runs of the same input (times and clocks).
   */
  static JsonNode withoutVolatileFields(JsonNode report) {
    ObjectNode copy = report.deepCopy();
    copy.remove("timings");
    copy.remove("startedAt");
    copy.remove("now");
    return copy;
  }

  /** FHIR JSON has no nulls, empty strings, empty arrays or empty objects anywhere. */
  static void assertNoNullsOrEmpties(JsonNode node, String path) {
    assertThat(node.isNull()).as("null at %s", path).isFalse();
    if (node.isTextual()) {
      assertThat(node.asText()).as("empty string at %s", path).isNotEmpty();
    } else if (node.isArray()) {
      assertThat(node.size()).as("empty array at %s", path).isPositive();
      for (int i = 0; i < node.size(); i++) {
        assertNoNullsOrEmpties(node.get(i), path + "[" + i + "]");
      }
    } else if (node.isObject()) {
      assertThat(node.size()).as("empty object at %s", path).isPositive();
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        assertNoNullsOrEmpties(e.getValue(), path + "." + e.getKey());
      }
    }
  }

  static Set<String> fieldNames(JsonNode node) {
    Set<String> names = new TreeSet<>();
    for (Map.Entry<String, JsonNode> e : node.properties()) {
      names.add(e.getKey());
    }
    return names;
  }

  // ---------------------------------------------------------------- shared checks

  /** No Java stack trace and no exception class name in the text (standard error or output). */
  static void assertNoStackTrace(String text, String what) {
    assertThat(text).as("%s has no stack frame lines", what).doesNotContain("\tat ");
    assertThat(STACK_FRAME.matcher(text).find())
        .as("%s has no stack frame lines:%n%s", what, text)
        .isFalse();
    Matcher m = EXCEPTION_NAME.matcher(text);
    boolean found = m.find();
    assertThat(found)
        .as(
            "%s names no exception class (found '%s'):%n%s",
            what, found ? m.group() : "", CliProcessSupport.head(text, 3000))
        .isFalse();
  }

  static void assertNoStackTrace(CliRun run) {
    assertNoStackTrace(run.stderr(), "stderr of " + run.shortCommand());
  }

  static void assertNoAnsi(CliRun run) {
    assertThat(run.stdout())
        .as("no ANSI escape on stdout (not a terminal)")
        .doesNotContain("\u001b");
    assertThat(run.stderr())
        .as("no ANSI escape on stderr (not a terminal)")
        .doesNotContain("\u001b");
  }

  /**
   * A usage or setup error: exit code 2, nothing on standard output, one line {@code taskcheck:
   * <message>} on standard error that mentions each of {@code mentions}, no stack trace. Apart from
   * that line, standard error may hold only a "Run '... --help'" hint, or the usage text when
   * {@code usageAllowed}.
   */
  static void assertUsageError(CliRun run, boolean usageAllowed, String... mentions) {
    assertThat(run.exitCode()).as("exit code of a usage error%s", run.describe()).isEqualTo(2);
    assertThat(run.stdout()).as("nothing on stdout for a usage error%s", run.describe()).isEmpty();
    assertNoStackTrace(run);
    assertNoAnsi(run);
    List<String> lines = run.stderrLines().stream().filter(l -> !l.isBlank()).toList();
    List<String> messages = lines.stream().filter(l -> l.startsWith("taskcheck: ")).toList();
    assertThat(messages)
        .as("exactly one 'taskcheck: ...' error line on stderr%s", run.describe())
        .hasSize(1);
    String message = messages.get(0);
    for (String m : mentions) {
      assertThat(message).as("the error line names %s", m).containsIgnoringCase(m);
    }
    if (!usageAllowed) {
      List<String> others = lines.stream().filter(l -> !l.equals(message)).toList();
      assertThat(others)
          .as("stderr holds the one-line message (and at most a --help hint)%s", run.describe())
          .allSatisfy(l -> assertThat(l).startsWith("Run '").contains("--help"))
          .hasSizeLessThanOrEqualTo(1);
    }
  }

  private static @Nullable Integer integer(@Nullable String s) {
    return s == null ? null : Integer.valueOf(s);
  }
}
