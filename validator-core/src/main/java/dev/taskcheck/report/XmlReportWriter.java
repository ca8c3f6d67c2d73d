package dev.taskcheck.report;

import dev.taskcheck.model.FhirRelease;
import dev.taskcheck.model.Issue;
import dev.taskcheck.model.LifecycleMetrics;
import dev.taskcheck.model.Result;
import dev.taskcheck.model.RuleInfo;
import dev.taskcheck.model.RunInfo;
import dev.taskcheck.model.Severity;
import dev.taskcheck.model.Summary;
import dev.taskcheck.model.SuppressedIssue;
import dev.taskcheck.model.Timings;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The XML form of the report ({@code taskcheck.xml}), in the namespace {@value #NAMESPACE} and
 * described by the schema {@value #SCHEMA}: the run, the counts, the timings, the rules checked
 * with this run's finding count and worst severity each, a line per input file with its counts, the
 * lifecycle metrics, then the results with their issues. The HTML report is rendered from it.
 *
 * <p>Everything before the results is known only at {@link #finish}, so the results are buffered
 * and copied behind the head ({@link HeadLastWriter}). In memory stay only a count per rule and per
 * input file.
 *
 * <p>The complete form lists every result. The form the HTML report is rendered from ({@link
 * #findingsOnly}) lists only results with findings, at most a given number of findings in all (the
 * first ones, in input order) and at most a given number of files, saying on {@code results} and
 * {@code files} how many it left out; the counts stay complete.
 */
// counts per severity are arrays indexed by the severity\'s ordinal (Severity\'s order is part of
// its API)
@SuppressWarnings("EnumOrdinal")
final class XmlReportWriter extends HeadLastWriter {

  /** The namespace of the document's elements. */
  static final String NAMESPACE = "https://taskcheck.dev/ns/report/1";

  /** The schema's resource name. */
  static final String SCHEMA = "/dev/taskcheck/report/taskcheck-report.xsd";

  /** The format version written on the root element; a change that breaks readers raises it. */
  static final String FORMAT_VERSION = "1";

  /** The depth of a {@code result} element. */
  private static final int RESULT_DEPTH = 2;

  private final RenderOptions options;
  private final XmlWriter results;

  /** True when results without findings are listed and nothing is left out. */
  private final boolean complete;

  private final long findingLimit;
  private final long fileLimit;

  private final Map<String, RuleCount> rules = new LinkedHashMap<>();
  private final Map<String, FileCount> files = new LinkedHashMap<>();
  private long listedFindings;
  private long unlistedFindings;
  private long unlistedSuppressed;
  private long unlistedResults;

  /** The complete XML form, results spilled to {@code spillDirectory} beyond 8 MiB. */
  XmlReportWriter(OutputStream sink, RenderOptions options, @Nullable Path spillDirectory) {
    this(
        sink,
        options,
        spillDirectory,
        SpillBuffer.DEFAULT_MEMORY_LIMIT,
        true,
        Long.MAX_VALUE,
        Long.MAX_VALUE);
  }

  /**
   * @param memoryLimit how many bytes of results stay in memory before spilling to a file
   * @param complete whether every result is listed; otherwise only those with findings, within the
   *     limits
   * @param findingLimit the most findings (issues and suppressed ones together) listed
   * @param fileLimit the most input files listed under {@code files}
   */
  XmlReportWriter(
      OutputStream sink,
      RenderOptions options,
      @Nullable Path spillDirectory,
      int memoryLimit,
      boolean complete,
      long findingLimit,
      long fileLimit) {
    super(sink, spillDirectory, memoryLimit);
    this.options = options;
    this.complete = complete;
    this.findingLimit = findingLimit;
    this.fileLimit = fileLimit;
    this.results = new XmlWriter(spill(), RESULT_DEPTH);
  }

  /** The form the HTML report is rendered from: results with findings only, within the limits. */
  static XmlReportWriter findingsOnly(
      OutputStream sink,
      RenderOptions options,
      @Nullable Path spillDirectory,
      long findingLimit,
      long fileLimit) {
    return new XmlReportWriter(
        sink,
        options,
        spillDirectory,
        SpillBuffer.DEFAULT_MEMORY_LIMIT,
        false,
        findingLimit,
        fileLimit);
  }

  @Override
  void write(Result result) throws IOException {
    count(result);
    list(result);
  }

  private void count(Result result) {
    FileCount file = files.computeIfAbsent(result.source(), s -> new FileCount());
    file.results++;
    if (result.resource() != null) {
      file.resources++;
    }
    for (Issue i : result.issues()) {
      file.bySeverity[i.severity().ordinal()]++;
      rules.computeIfAbsent(i.ruleId(), id -> new RuleCount()).add(i.severity());
    }
    for (SuppressedIssue s : result.suppressed()) {
      file.suppressed++;
      rules.computeIfAbsent(s.issue().ruleId(), id -> new RuleCount()).suppressed++;
    }
  }

  private void list(Result r) throws IOException {
    List<Issue> issues = r.issues();
    List<SuppressedIssue> suppressed = r.suppressed();
    if (!complete) {
      if (issues.isEmpty() && suppressed.isEmpty()) {
        unlistedResults++;
        return;
      }
      int issueRoom = (int) Math.min(issues.size(), findingLimit - listedFindings);
      int suppressedRoom =
          (int) Math.min(suppressed.size(), findingLimit - listedFindings - issueRoom);
      listedFindings += issueRoom + suppressedRoom;
      unlistedFindings += issues.size() - issueRoom;
      unlistedSuppressed += suppressed.size() - suppressedRoom;
      if (issueRoom + suppressedRoom == 0) {
        unlistedResults++;
        return;
      }
      issues = issues.subList(0, issueRoom);
      suppressed = suppressed.subList(0, suppressedRoom);
    }
    XmlWriter w = results;
    w.start("result")
        .attribute("source", r.source())
        .attribute("location", r.location())
        .attribute("line", r.line())
        .attribute("resource", r.resource())
        .attribute("versionId", r.versionId());
    FhirRelease release = r.fhirVersion();
    w.attribute("fhirVersion", release == null ? null : release.code());
    w.attribute("engine", r.engine());
    int notListed = r.issues().size() - issues.size() + r.suppressed().size() - suppressed.size();
    if (notListed > 0) {
      w.attribute("unlistedFindings", notListed);
    }
    w.textElement("fhirVersionReason", r.fhirVersionReason());
    for (Issue i : issues) {
      writeIssue(w, i);
    }
    for (SuppressedIssue s : suppressed) {
      w.start("suppressed").attribute("suppression", s.suppression());
      w.textElement("reason", s.reason());
      writeIssue(w, s.issue());
      w.end();
    }
    w.end();
  }

  private static void writeIssue(XmlWriter w, Issue i) throws IOException {
    w.start("issue")
        .attribute("ruleId", i.ruleId())
        .attribute("severity", i.severity().code())
        .attribute("type", i.type())
        .attribute("expression", i.expression())
        .attribute("line", i.line())
        .attribute("column", i.column())
        .attribute("source", i.source().code())
        .attribute("messageId", i.messageId())
        .attribute("profile", i.profile());
    w.textElement("message", i.message());
    w.end();
  }

  @Override
  void endResults() throws IOException {
    results.flush();
  }

  @Override
  void writeDocument(Summary summary, Timings timings) throws IOException {
    RunInfo r = requireRun();
    XmlWriter w = new XmlWriter(sink(), 0);
    w.declaration();
    w.start("report").attribute("xmlns", NAMESPACE).attribute("formatVersion", FORMAT_VERSION);
    writeRun(w, r, summary);
    writeSummary(w, summary);
    w.start("timings")
        .attribute("elapsedMs", timings.elapsedMillis())
        .attribute("firstResultMs", timings.firstResultMillis())
        .attribute("processFirstResultMs", timings.processFirstResultMillis())
        .end();
    writeRules(w, r);
    writeFiles(w);
    LifecycleMetrics m = lifecycleMetrics();
    if (m != null) {
      writeMetrics(w, m);
    }
    w.start("results").attribute("listing", complete ? "complete" : "findings");
    if (!complete) {
      w.attribute("findingLimit", findingLimit)
          .attribute("unlistedResults", unlistedResults)
          .attribute("unlistedFindings", unlistedFindings)
          .attribute("unlistedSuppressed", unlistedSuppressed);
    }
    w.openForCopy();
    copyResults();
    w.end();
    w.end();
    w.flush();
  }

  private void writeRun(XmlWriter w, RunInfo r, Summary summary) throws IOException {
    Severity failOn = options.failOn();
    w.start("run")
        .attribute("tool", r.toolName())
        .attribute("toolVersion", r.toolVersion())
        .attribute("fhirVersion", r.effectiveFhirVersion(summary))
        .attribute("fhirVersionSetting", r.fhirVersion())
        .attribute("ruleSet", r.ruleSet().code())
        .attribute("engine", r.engine())
        .attribute("now", r.now().toString())
        .attribute("startedAt", r.startedAt().toString())
        .attribute("failOn", failOn == null ? "none" : failOn.code())
        .end();
  }

  private void writeSummary(XmlWriter w, Summary s) throws IOException {
    Severity failOn = options.failOn();
    long failing = failOn == null ? 0 : s.countAtLeast(failOn);
    w.start("summary")
        .attribute("inputs", s.inputs())
        .attribute("documents", s.documents())
        .attribute("resources", s.resources())
        .attribute("skipped", s.skipped())
        .attribute("fatal", s.fatal())
        .attribute("error", s.error())
        .attribute("warning", s.warning())
        .attribute("information", s.information())
        .attribute("suppressed", s.suppressed())
        .attribute("failing", failing)
        .attribute("verdict", failing > 0 ? "fail" : "pass");
    for (FhirRelease release : FhirRelease.values()) {
      Long n = s.releases().get(release);
      if (n != null) {
        w.start("release")
            .attribute("name", release.code())
            .attribute("resources", n.longValue())
            .end();
      }
    }
    for (Map.Entry<String, Long> e : s.engines().entrySet()) {
      w.start("engine")
          .attribute("name", e.getKey())
          .attribute("resources", e.getValue().longValue())
          .end();
    }
    w.end();
  }

  /** The run's rules in catalog order, then ids outside the catalog that have findings, by id. */
  private void writeRules(XmlWriter w, RunInfo r) throws IOException {
    w.start("rules");
    Set<String> listed = new HashSet<>();
    for (RuleInfo rule : r.rules()) {
      listed.add(rule.id());
      w.start("rule")
          .attribute("id", rule.id())
          .attribute("name", rule.name())
          .attribute("category", rule.category())
          .attribute("severity", rule.severity().code())
          .attribute("kind", rule.kind().code())
          .attribute("origin", rule.origin())
          .attribute(
              "versions",
              String.join(" ", rule.versions().stream().map(FhirRelease::code).toList()))
          .attribute("docUrl", rule.docUrl())
          .attribute("catalog", "true");
      writeCounts(w, rules.get(rule.id()));
      w.textElement("summary", rule.summary());
      w.end();
    }
    for (Map.Entry<String, RuleCount> e : new TreeMap<>(rules).entrySet()) {
      if (!listed.contains(e.getKey())) {
        w.start("rule").attribute("id", e.getKey()).attribute("catalog", "false");
        writeCounts(w, e.getValue());
        w.end();
      }
    }
    w.end();
  }

  private static void writeCounts(XmlWriter w, @Nullable RuleCount c) throws IOException {
    w.attribute("findings", c == null ? 0 : c.findings)
        .attribute("suppressed", c == null ? 0 : c.suppressed);
    Severity worst = c == null ? null : c.worst;
    w.attribute("worstSeverity", worst == null ? null : worst.code());
  }

  private void writeFiles(XmlWriter w) throws IOException {
    w.start("files");
    if (!complete) {
      w.attribute("unlisted", Math.max(0, files.size() - fileLimit));
    }
    long n = 0;
    for (Map.Entry<String, FileCount> e : files.entrySet()) {
      if (n++ >= fileLimit) {
        break;
      }
      FileCount f = e.getValue();
      w.start("file")
          .attribute("source", e.getKey())
          .attribute("results", f.results)
          .attribute("resources", f.resources);
      for (Severity s : Severity.values()) {
        w.attribute(s.code(), f.bySeverity[s.ordinal()]);
      }
      w.attribute("suppressed", f.suppressed).end();
    }
    w.end();
  }

  /** The lifecycle metrics, durations as ISO 8601 ({@code xs:duration}), statuses in code order. */
  private static void writeMetrics(XmlWriter w, LifecycleMetrics m) throws IOException {
    w.start("metrics")
        .attribute("histories", m.histories())
        .attribute("versions", m.versions())
        .attribute("stuckAfter", iso(m.stuckAfter()))
        .attribute("stuckCount", m.stuckCount());
    w.start("timeInStatus");
    for (Map.Entry<String, LifecycleMetrics.Stat> e : new TreeMap<>(m.timeInStatus()).entrySet()) {
      writeStat(w.start("status").attribute("code", e.getKey()), e.getValue());
    }
    w.end();
    writeStat(w.start("waitTime"), m.waitTime());
    writeStat(w.start("timeInProgress"), m.timeInProgress());
    writeStat(w.start("timeToCompletion"), m.timeToCompletion());
    for (LifecycleMetrics.StuckTask s : m.stuck()) {
      w.start("stuckTask")
          .attribute("resource", s.resource())
          .attribute("versionId", s.versionId())
          .attribute("source", s.source())
          .attribute("line", s.line())
          .attribute("status", s.status())
          .attribute("since", s.since())
          .attribute("idle", iso(s.idle()))
          .end();
    }
    w.start("latestStatus");
    for (Map.Entry<String, Long> e : new TreeMap<>(m.latestStatus()).entrySet()) {
      w.start("status").attribute("code", e.getKey()).attribute("count", e.getValue()).end();
    }
    w.end();
    for (LifecycleMetrics.Workflow flow : m.workflows()) {
      w.start("workflow").attribute("machine", flow.machine()).attribute("changes", flow.changes());
      for (String status : flow.statuses()) {
        w.start("status")
            .attribute("code", status)
            .attribute("initial", String.valueOf(flow.initial().contains(status)))
            .attribute("terminal", String.valueOf(flow.terminal().contains(status)))
            .end();
      }
      for (LifecycleMetrics.Edge e : flow.edges()) {
        w.start("edge")
            .attribute("from", e.from())
            .attribute("to", e.to())
            .attribute("kind", e.kind())
            .attribute("count", e.count())
            .end();
      }
      w.end();
    }
    w.end();
  }

  /** Completes an element just started with a statistic's attributes and its histogram. */
  private static void writeStat(XmlWriter w, LifecycleMetrics.Stat s) throws IOException {
    w.attribute("count", s.count())
        .attribute("median", iso(s.median()))
        .attribute("p90", iso(s.p90()))
        .attribute("max", iso(s.max()));
    for (LifecycleMetrics.Bin b : s.histogram()) {
      w.start("bin")
          .attribute("from", iso(b.from()))
          .attribute("to", iso(b.to()))
          .attribute("count", b.count())
          .end();
    }
    w.end();
  }

  /**
   * An {@code xs:duration}: {@code PT50H}, {@code PT0.5S}, {@code -PT1H} (Java writes {@code
   * PT-1H}).
   */
  static @Nullable String iso(@Nullable Duration d) {
    if (d == null) {
      return null;
    }
    return d.isNegative() ? "-" + d.negated() : d.toString();
  }

  /** This run's findings under one rule id. */
  private static final class RuleCount {
    long findings;
    long suppressed;
    @Nullable Severity worst;

    void add(Severity s) {
      findings++;
      if (worst == null || s.isAtLeast(worst)) {
        worst = s;
      }
    }
  }

  /** This run's results from one input file. */
  private static final class FileCount {
    long results;
    long resources;
    final long[] bySeverity = new long[Severity.values().length];
    long suppressed;
  }
}
