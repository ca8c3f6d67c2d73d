package dev.taskcheck.report;

import dev.taskcheck.model.FhirRelease;
import dev.taskcheck.model.Issue;
import dev.taskcheck.model.IssueSource;
import dev.taskcheck.model.Result;
import dev.taskcheck.model.RuleInfo;
import dev.taskcheck.model.RunInfo;
import dev.taskcheck.model.Severity;
import dev.taskcheck.model.Summary;
import dev.taskcheck.model.SuppressedIssue;
import dev.taskcheck.model.Timings;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * JUnit XML as Maven Surefire writes it, so that CI test tabs (Jenkins, GitLab, GitHub test-report
 * actions, Azure DevOps) show TaskCheck's rules as tests.
 *
 * <p>The document is a {@code <testsuites name="TaskCheck">} root holding one {@code <testsuite>}
 * per input ({@link Result#source()}), each valid against Surefire's {@code
 * surefire-test-report-3.0.xsd}. A suite has one {@code <testcase name="rule-id">} per rule checked
 * on that input: the run's rules ({@link RunInfo#rules()}, in catalog order) whose FHIR releases
 * include a release the input's Tasks were validated against, then every other id that reported a
 * finding there (base invariants such as {@code dom-6}), in the order first seen. A test case
 *
 * <ul>
 *   <li>has an {@code <error type="fatal">} when the rule has a fatal finding and fatal reaches the
 *       fail level ({@link RenderOptions#fails}); else
 *   <li>a {@code <failure type="<worst severity>">} when it has findings at or above the fail
 *       level; the element's text lists them, one {@code file:line:col severity rule-id expression
 *       message} line each;
 *   <li>a {@code <skipped>} when the input did not parse or could not be read and nothing in it was
 *       validated (every finding of the input is fatal and comes from reading it, or its result has
 *       no FHIR release): the rules did not run. The document-reading checks themselves (rules
 *       whose run severity is fatal, such as {@code structure-parse}) did run and are not skipped.
 *       An NDJSON file of which some lines parsed is checked normally; its parse failures are error
 *       test cases;
 *   <li>otherwise passes.
 * </ul>
 *
 * Findings below the fail level, and suppressed findings with their reason, go to the test case's
 * {@code <system-out>}: visible, never failing. So failures plus errors are non-zero exactly when
 * the run fails at its fail level; under {@code --fail-on none} nothing fails.
 *
 * <p>Times: results carry no per-input timing, so every test case and suite says {@code time="0"};
 * the root carries the run's elapsed time. Surefire's schema has no {@code timestamp} or {@code
 * hostname}, so the suites carry neither; each has a few {@code <properties>} (TaskCheck version,
 * rule set, fail level, the input's FHIR releases, the structure engines that checked its
 * documents: {@code fast}, {@code reference}, {@code fast,reference}, or {@code none}).
 *
 * <p>Memory: an input can come back after others (transition findings of histories arrive at the
 * end of a run), so the writer keeps an aggregate per input until {@link #finish}, in input order:
 * the releases and engines seen, and per rule that reported there the finding counts by severity
 * and the first {@value #MAX_LISTED} lines of failing, other and suppressed findings (each line at
 * most {@value #MAX_LINE} characters). Memory is thus O(inputs x rules touched per input) plus that
 * capped detail, never the findings themselves; nothing is written before {@link #finish}, so a run
 * that fails leaves no complete-looking document. Characters XML 1.0 does not allow (control
 * characters, unpaired surrogates) are dropped; finding lines have their line breaks and tabs
 * turned into spaces.
 */
// counts per severity are arrays indexed by the severity's ordinal (Severity's order is part of its
// API);
// a source path's empty parts are skipped, so how split treats them does not matter
@SuppressWarnings({"EnumOrdinal", "StringSplitter"})
final class JUnitReportWriter extends ReportWriter {

  private static final java.util.regex.Pattern SEPARATORS =
      java.util.regex.Pattern.compile("[/\\\\]");

  /**
   * How many findings of one kind (failing, other, suppressed) a test case lists before "... and N
   * more".
   */
  static final int MAX_LISTED = 100;

  /**
   * The longest finding line kept, in characters; a longer one is cut and ends with an ellipsis.
   */
  static final int MAX_LINE = 1000;

  /** The message of a skipped test case. */
  static final String NOT_PARSED = "the document did not parse or could not be read";

  /** The Surefire report schema version the suites follow. */
  static final String SCHEMA_VERSION = "3.0";

  private final RenderOptions options;
  private final Map<String, Suite> suites = new LinkedHashMap<>();

  /**
   * @param sink the stream the report goes to; closed by {@link #close()}
   */
  JUnitReportWriter(OutputStream sink, RenderOptions options) {
    super(sink);
    this.options = options;
    owned(suites::clear);
  }

  @Override
  void write(Result result) {
    suites.computeIfAbsent(result.source(), Suite::new).add(result, options);
  }

  @Override
  void complete(Summary summary, Timings timings) throws IOException {
    RunInfo r = requireRun();
    // Two passes over the aggregates: the root's totals come first in the document, and holding
    // every
    // suite's full list of test cases (all rules x all inputs) at once would cost more than the
    // aggregates.
    long tests = 0;
    long failures = 0;
    long errors = 0;
    long skipped = 0;
    for (Suite s : suites.values()) {
      SuiteOutcome o = s.outcome(r.rules(), options);
      tests += o.cases.size();
      failures += o.count(Status.FAILURE);
      errors += o.count(Status.ERROR);
      skipped += o.count(Status.SKIPPED);
    }
    XmlWriter w = new XmlWriter(sink(), 0);
    w.declaration();
    w.start("testsuites")
        .attribute("name", "TaskCheck")
        .attribute("tests", tests)
        .attribute("failures", failures)
        .attribute("errors", errors)
        .attribute("skipped", skipped)
        .attribute("time", seconds(timings.elapsedMillis()));
    for (Suite s : suites.values()) {
      writeSuite(w, r, s.outcome(r.rules(), options));
    }
    w.end();
    w.flush();
  }

  private void writeSuite(XmlWriter w, RunInfo r, SuiteOutcome o) throws IOException {
    Suite s = o.suite;
    w.start("testsuite")
        .attribute("version", SCHEMA_VERSION)
        .attribute("name", s.source)
        .attribute("time", "0")
        .attribute("tests", o.cases.size())
        .attribute("errors", o.count(Status.ERROR))
        .attribute("skipped", o.count(Status.SKIPPED))
        .attribute("failures", o.count(Status.FAILURE));
    w.start("properties");
    property(w, "taskcheck.version", r.toolVersion());
    property(w, "taskcheck.ruleSet", r.ruleSet().code());
    Severity failOn = options.failOn();
    property(w, "taskcheck.failOn", failOn == null ? "none" : failOn.code());
    property(w, "taskcheck.fhirVersion", releases(s.releases));
    property(w, "taskcheck.engine", s.engines.isEmpty() ? "none" : String.join(",", s.engines));
    w.end();
    String classname = classname(s.source);
    for (CaseOutcome c : o.cases) {
      writeCase(w, classname, c);
    }
    w.end();
  }

  private static void property(XmlWriter w, String name, String value) throws IOException {
    w.start("property").attribute("name", name).attribute("value", value).end();
  }

  private void writeCase(XmlWriter w, String classname, CaseOutcome c) throws IOException {
    w.start("testcase")
        .attribute("name", c.ruleId)
        .attribute("classname", classname)
        .attribute("time", "0");
    Case detail = c.detail;
    String systemOut = detail == null ? "" : detail.systemOut();
    // Surefire's schema orders the children: failure, skipped, error, system-out.
    if (detail != null && (c.status == Status.FAILURE || c.status == Status.ERROR)) {
      w.start(c.status == Status.FAILURE ? "failure" : "error")
          .attribute("message", detail.failureMessage())
          .attribute("type", detail.worstFailing(options).code())
          .text(detail.failureText())
          .end();
    }
    if (c.status == Status.SKIPPED) {
      w.start("skipped").attribute("message", NOT_PARSED).end();
    }
    if (!systemOut.isEmpty()) {
      w.start("system-out").text(systemOut).end();
    }
    w.end();
  }

  /** {@code R4,R5}, or {@code none} when nothing in the input was validated. */
  private static String releases(Set<FhirRelease> releases) {
    if (releases.isEmpty()) {
      return "none";
    }
    StringJoiner j = new StringJoiner(",");
    for (FhirRelease release : releases) {
      j.add(release.code());
    }
    return j.toString();
  }

  /**
   * A test-case class name from a source path, stable across runs: the path's folders and file name
   * joined by dots, with the dots inside each part (the file extension, {@code ..}) made
   * underscores, so that CI tools that split a class name at its last dot (Jenkins: package and
   * class) show the folder as the package and the file as the class. {@code samples/task-1.json}
   * gives {@code samples.task-1_json}, {@code -} (standard input) stays {@code -}. Distinct paths
   * can map to one name ({@code a.b.json} and {@code a_b.json}); the suite name keeps the exact
   * path.
   */
  static String classname(String source) {
    StringJoiner j = new StringJoiner(".");
    for (String part : SEPARATORS.split(source)) {
      if (!part.isEmpty() && !part.equals(".")) {
        j.add(part.replace('.', '_'));
      }
    }
    String name = j.toString();
    return name.isEmpty() ? source : name;
  }

  /**
   * Milliseconds as seconds, without grouping or trailing zeros: {@code 0}, {@code 1.5}, {@code
   * 1.234}.
   */
  static String seconds(long millis) {
    return BigDecimal.valueOf(Math.max(0, millis), 3).stripTrailingZeros().toPlainString();
  }

  // ---------------------------------------------------------------------------------------------
  // Aggregates

  /** What became of one test case. */
  private enum Status {
    PASSED,
    FAILURE,
    ERROR,
    SKIPPED
  }

  /** One test case to write: its rule id, status and findings (null when it had none). */
  private record CaseOutcome(String ruleId, Status status, @Nullable Case detail) {}

  /** One suite to write, with its test cases in order. */
  private record SuiteOutcome(Suite suite, List<CaseOutcome> cases) {

    long count(Status status) {
      long n = 0;
      for (CaseOutcome c : cases) {
        if (c.status == status) {
          n++;
        }
      }
      return n;
    }
  }

  /** Everything kept about one input until the end of the run. */
  private static final class Suite {

    final String source;
    final EnumSet<FhirRelease> releases = EnumSet.noneOf(FhirRelease.class);

    /** The structure engines that checked the input's documents, in code order. */
    final Set<String> engines = new TreeSet<>();

    /** A document of this input did not parse or could not be read. */
    boolean documentFailed;

    /**
     * By rule id, in the order first seen: the rules that reported (or had suppressed) findings
     * here.
     */
    final Map<String, Case> cases = new LinkedHashMap<>();

    Suite(String source) {
      this.source = source;
    }

    void add(Result r, RenderOptions options) {
      FhirRelease release = r.fhirVersion();
      if (release != null) {
        releases.add(release);
      }
      String engine = r.engine();
      if (engine != null) {
        engines.add(engine);
      }
      for (Issue i : r.issues()) {
        if (i.severity() == Severity.FATAL
            && (i.source() == IssueSource.PARSER || release == null)) {
          documentFailed = true;
        }
        caseFor(i.ruleId()).add(source, i, options.fails(i.severity()));
      }
      for (SuppressedIssue s : r.suppressed()) {
        caseFor(s.issue().ruleId()).addSuppressed(source, s);
      }
    }

    private Case caseFor(String ruleId) {
      return cases.computeIfAbsent(ruleId, k -> new Case());
    }

    /** Nothing in the input was validated because it did not parse: its rules did not run. */
    boolean unparsed() {
      return documentFailed && releases.isEmpty();
    }

    /**
     * The test cases: the run's rules for the releases seen (all of them when the input did not
     * parse, to list what was skipped), then the other ids that reported here.
     */
    SuiteOutcome outcome(List<RuleInfo> rules, RenderOptions options) {
      boolean unparsed = unparsed();
      List<CaseOutcome> out = new ArrayList<>();
      Set<String> listed = new HashSet<>();
      for (RuleInfo rule : rules) {
        if ((unparsed || appliesTo(rule, releases)) && listed.add(rule.id())) {
          Case c = cases.get(rule.id());
          boolean skip = unparsed && c == null && rule.severity() != Severity.FATAL;
          out.add(new CaseOutcome(rule.id(), skip ? Status.SKIPPED : status(c, options), c));
        }
      }
      for (Map.Entry<String, Case> e : cases.entrySet()) {
        if (listed.add(e.getKey())) {
          out.add(new CaseOutcome(e.getKey(), status(e.getValue(), options), e.getValue()));
        }
      }
      return new SuiteOutcome(this, out);
    }

    private static boolean appliesTo(RuleInfo rule, Set<FhirRelease> releases) {
      for (FhirRelease r : rule.versions()) {
        if (releases.contains(r)) {
          return true;
        }
      }
      return false;
    }

    private static Status status(@Nullable Case c, RenderOptions options) {
      if (c == null || c.failingTotal == 0) {
        return Status.PASSED;
      }
      return c.counts[Severity.FATAL.ordinal()] > 0 && options.fails(Severity.FATAL)
          ? Status.ERROR
          : Status.FAILURE;
    }
  }

  /** The findings of one rule on one input: counts by severity and the first lines of each kind. */
  private static final class Case {

    /** All findings, by severity. */
    final long[] counts = new long[Severity.values().length];

    /** Findings at or above the fail level: how many, and the first of them. */
    long failingTotal;

    final List<String> failing = new ArrayList<>();

    /** Findings below the fail level. */
    long otherTotal;

    final List<String> other = new ArrayList<>();
    long suppressedTotal;
    final List<String> suppressed = new ArrayList<>();

    void add(String source, Issue issue, boolean fails) {
      counts[issue.severity().ordinal()]++;
      if (fails) {
        failingTotal++;
      } else {
        otherTotal++;
      }
      List<String> lines = fails ? failing : other;
      if (lines.size() < MAX_LISTED) {
        lines.add(line(source, issue));
      }
    }

    void addSuppressed(String source, SuppressedIssue s) {
      suppressedTotal++;
      if (suppressed.size() < MAX_LISTED) {
        StringBuilder b = new StringBuilder(line(source, s.issue()));
        b.append(" (suppressed by ");
        TextReportWriter.appendOneLine(b, s.suppression());
        b.append(": ");
        TextReportWriter.appendOneLine(b, s.reason());
        b.append(')');
        suppressed.add(cut(b));
      }
    }

    /** The worst severity among the failing findings; call only when there is one. */
    Severity worstFailing(RenderOptions options) {
      for (Severity s : Severity.values()) {
        if (counts[s.ordinal()] > 0 && options.fails(s)) {
          return s;
        }
      }
      throw new IllegalStateException("no failing finding");
    }

    /** {@code 3 findings, first: file:line:col severity rule-id expression message}. */
    String failureMessage() {
      return failingTotal
          + (failingTotal == 1 ? " finding" : " findings")
          + ", first: "
          + failing.get(0);
    }

    String failureText() {
      StringBuilder b = new StringBuilder();
      appendLines(b, failing, failingTotal, "more");
      return b.toString();
    }

    /** Findings below the fail level, then the suppressed ones; empty when there are none. */
    String systemOut() {
      StringBuilder b = new StringBuilder();
      appendLines(b, other, otherTotal, "more");
      appendLines(b, suppressed, suppressedTotal, "more suppressed");
      return b.toString();
    }

    private static void appendLines(StringBuilder b, List<String> lines, long total, String more) {
      for (String l : lines) {
        b.append(l).append('\n');
      }
      if (total > lines.size()) {
        b.append("... and ").append(total - lines.size()).append(' ').append(more).append('\n');
      }
    }

    /**
     * {@code file:line:col severity rule-id expression message} on one line, as the text format
     * prints it.
     */
    private static String line(String source, Issue issue) {
      StringBuilder b = new StringBuilder(128);
      TextReportWriter.appendIssue(b, source, issue, false);
      return cut(b);
    }

    /**
     * At most {@link #MAX_LINE} characters, never splitting a surrogate pair; a cut line ends with
     * "…".
     */
    private static String cut(StringBuilder b) {
      if (b.length() <= MAX_LINE) {
        return b.toString();
      }
      int end = MAX_LINE - 1;
      if (Character.isHighSurrogate(b.charAt(end - 1))) {
        end--;
      }
      return b.substring(0, end) + "\u2026";
    }
  }
}
