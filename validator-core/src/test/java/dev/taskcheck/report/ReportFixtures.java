package dev.taskcheck.report;

import dev.taskcheck.TaskCheck;
import dev.taskcheck.model.FhirRelease;
import dev.taskcheck.model.Issue;
import dev.taskcheck.model.IssueSource;
import dev.taskcheck.model.LifecycleMetrics;
import dev.taskcheck.model.LifecycleMetrics.Stat;
import dev.taskcheck.model.LifecycleMetrics.StuckTask;
import dev.taskcheck.model.Report;
import dev.taskcheck.model.Result;
import dev.taskcheck.model.RuleInfo;
import dev.taskcheck.model.RuleSet;
import dev.taskcheck.model.RunInfo;
import dev.taskcheck.model.Severity;
import dev.taskcheck.model.Summary;
import dev.taskcheck.model.SuppressedIssue;
import dev.taskcheck.model.Timings;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Small hand-built reports shared by the writer tests. */
final class ReportFixtures {

  static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");
  static final Instant STARTED = Instant.parse("2026-11-21T10:00:00.123Z");

  static final Issue BINDING =
      new Issue(
          "structure-binding",
          Severity.ERROR,
          "code-invalid",
          "Task.status",
          5,
          13,
          "The value provided ('foo')\r\nwas not found\tin the value set",
          IssueSource.STRUCTURE,
          "Terminology_TX_NoValid_16");
  static final Issue INTENT =
      new Issue(
          "status-1",
          Severity.WARNING,
          "business-rule",
          "Task.intent",
          6,
          null,
          "intent should be order",
          IssueSource.RULE,
          null);
  static final Issue PARSE =
      new Issue(
          "parse-json",
          Severity.FATAL,
          "structure",
          null,
          null,
          null,
          "Unexpected end of input",
          IssueSource.PARSER,
          null);
  static final Issue NOTE =
      new Issue(
          "inv-1",
          Severity.INFORMATION,
          "invariant",
          "Bundle.entry[2].resource.note[0]",
          30,
          7,
          "note \"quoted\" \u00e9\u4e2d",
          IssueSource.PROFILE,
          null);

  /** A Task with an error and a warning, checked by the reference engine. */
  static final Result WITH_ISSUES =
      new Result(
          "samples/task-1.json",
          null,
          1,
          "Task/abc",
          "2",
          FhirRelease.R4,
          "no version-specific content; R4 is the default",
          List.of(BINDING, INTENT),
          List.of(),
          Result.ENGINE_REFERENCE);

  /** A Task with no issues, checked by the fast engine. */
  static final Result CLEAN =
      new Result(
          "samples/task-2.json",
          null,
          1,
          "Task/def",
          null,
          FhirRelease.R5,
          "element Task.requestedPerformer exists only in R5",
          List.of(),
          List.of(),
          Result.ENGINE_FAST);

  /** A document that did not parse. */
  static final Result UNPARSED =
      new Result("samples/broken.json", null, null, null, null, null, null, List.of(PARSE));

  /** A Task inside a Bundle, checked by the reference engine. */
  static final Result IN_BUNDLE =
      new Result(
          "samples/bundle.json",
          "Bundle.entry[2].resource",
          20,
          "Task/xyz",
          null,
          FhirRelease.R4,
          "set by --fhir-version",
          List.of(NOTE),
          List.of(),
          Result.ENGINE_REFERENCE);

  static final List<Result> RESULTS = List.of(WITH_ISSUES, CLEAN, UNPARSED, IN_BUNDLE);

  /**
   * A transition finding on version 3 of a Task read from a history Bundle (one document, so its
   * result names the engine that checked the Bundle).
   */
  static final Result TRANSITION =
      new Result(
          "history/lab-order-7.json",
          "Bundle.entry[0].resource",
          5,
          "Task/lab-order-7",
          "3",
          FhirRelease.R4,
          "no version-specific content; R4 is the default",
          List.of(
              new Issue(
                  "transition-1",
                  Severity.ERROR,
                  "business-rule",
                  "Bundle.entry[0].resource.status",
                  11,
                  9,
                  "The status changed from in-progress to requested",
                  IssueSource.TRANSITION,
                  "transition-1.notAllowed")),
          List.of(),
          Result.ENGINE_REFERENCE);

  /** A stuck Task: in progress since 2026-11-01, 20 days 2 hours before {@link #NOW}. */
  static final StuckTask STUCK_1 =
      new StuckTask(
          "Task/t-1",
          "4",
          "tasks/t-1.json",
          1,
          "in-progress",
          "2026-11-01T08:00:00Z",
          Duration.ofDays(20).plusHours(2));

  static final StuckTask STUCK_2 =
      new StuckTask(
          "Task/t-2",
          null,
          "tasks.ndjson",
          7,
          "on-hold",
          "2026-11-10",
          Duration.ofDays(11).plusHours(10));

  /**
   * Lifecycle metrics of 12 histories with 40 versions: wait time median 2h 5m (p90 1d 3h), nothing
   * completed, two stuck Tasks past a 7-day threshold; 9 in progress and 3 requested at the end;
   * under base-r4, 23 status changes on diagram edges, 1 narrative-only, 1 refused.
   */
  static LifecycleMetrics metrics() {
    return new LifecycleMetrics(
        12,
        40,
        Map.of(
            "requested",
                new Stat(12, Duration.ofMinutes(125), Duration.ofHours(27), Duration.ofDays(2)),
            "in-progress",
                new Stat(9, Duration.ofHours(5), Duration.ofHours(30), Duration.ofDays(3))),
        new Stat(
            9,
            Duration.ofMinutes(125),
            Duration.ofHours(27),
            Duration.ofDays(2),
            List.of(
                bin(Duration.ofHours(1), Duration.ofHours(4), 5),
                bin(Duration.ofHours(4), Duration.ofHours(12), 1),
                bin(Duration.ofHours(12), Duration.ofDays(1), 1),
                bin(Duration.ofDays(1), Duration.ofDays(3), 2))),
        new Stat(
            9,
            Duration.ofHours(5),
            Duration.ofHours(30),
            Duration.ofDays(3),
            List.of(
                bin(Duration.ofHours(4), Duration.ofHours(12), 5),
                bin(Duration.ofHours(12), Duration.ofDays(1), 1),
                bin(Duration.ofDays(1), Duration.ofDays(3), 2),
                bin(Duration.ofDays(3), Duration.ofDays(7), 1))),
        Stat.EMPTY,
        Duration.ofDays(7),
        2,
        List.of(STUCK_1, STUCK_2),
        Map.of("in-progress", 9L, "requested", 3L),
        List.of(
            new LifecycleMetrics.Workflow(
                "base-r4",
                List.of("requested", "accepted", "ready", "in-progress", "on-hold", "completed"),
                List.of("requested", "ready"),
                List.of("completed"),
                List.of(
                    new LifecycleMetrics.Edge("requested", "accepted", "diagram", 9),
                    new LifecycleMetrics.Edge("accepted", "in-progress", "diagram", 9),
                    new LifecycleMetrics.Edge("ready", "in-progress", "diagram", 0),
                    new LifecycleMetrics.Edge("in-progress", "on-hold", "diagram", 3),
                    new LifecycleMetrics.Edge("in-progress", "completed", "diagram", 0),
                    new LifecycleMetrics.Edge("on-hold", "in-progress", "diagram", 2),
                    new LifecycleMetrics.Edge("in-progress", "ready", "narrative", 1),
                    new LifecycleMetrics.Edge("requested", "completed", "refused", 1)))));
  }

  private static LifecycleMetrics.Bin bin(Duration from, Duration to, long count) {
    return new LifecycleMetrics.Bin(from, to, count);
  }

  /**
   * Metrics of a run that checked single Tasks for being stuck: no history, {@code count} stuck
   * Tasks.
   */
  static LifecycleMetrics stuckOnly(int count) {
    List<StuckTask> stuck = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      stuck.add(
          new StuckTask(
              "Task/s-" + i,
              null,
              "tasks.ndjson",
              i + 1,
              "requested",
              "2026-10-01",
              Duration.ofDays(51).minusHours(i)));
    }
    return new LifecycleMetrics(
        0, 0, Map.of(), Stat.EMPTY, Stat.EMPTY, Stat.EMPTY, Duration.ofHours(36), count, stuck);
  }

  /** The transition result, with {@code metrics}. */
  static Report withMetrics(LifecycleMetrics metrics) {
    return new Report(
        run("auto"), List.of(TRANSITION), summary(List.of(TRANSITION)), timings(), metrics);
  }

  private ReportFixtures() {}

  static RunInfo run(String fhirVersion) {
    return new RunInfo(
        "taskcheck",
        "0.1.0",
        fhirVersion,
        RuleSet.RECOMMENDED,
        "reference",
        NOW,
        STARTED,
        RULES,
        Path.of("").toAbsolutePath().toString());
  }

  /** The rules the fixture run checks: the recommended set's, from the real catalog. */
  static final List<RuleInfo> RULES = TaskCheck.builder().build().rulesInForce();

  /**
   * The counts of {@link #RESULTS}: three Tasks, one checked by the fast engine, two by the
   * reference one.
   */
  static Summary summary() {
    return new Summary(
        3,
        3,
        3,
        2,
        1,
        1,
        1,
        1,
        Map.of(FhirRelease.R5, 1L, FhirRelease.R4, 2L),
        0,
        Map.of(Result.ENGINE_REFERENCE, 2L, Result.ENGINE_FAST, 1L));
  }

  static Summary summary(List<Result> results) {
    java.util.EnumMap<Severity, Long> counts = new java.util.EnumMap<>(Severity.class);
    for (Severity s : Severity.values()) {
      counts.put(s, 0L);
    }
    Map<String, Long> engines = new java.util.TreeMap<>();
    for (Result r : results) {
      for (Issue i : r.issues()) {
        counts.merge(i.severity(), 1L, Long::sum);
      }
      String engine = r.engine();
      if (engine != null) {
        engines.merge(engine, 1L, Long::sum);
      }
    }
    return new Summary(
        results.size(),
        results.size(),
        results.size(),
        0,
        counts.get(Severity.FATAL),
        counts.get(Severity.ERROR),
        counts.get(Severity.WARNING),
        counts.get(Severity.INFORMATION),
        Map.of(),
        0,
        engines);
  }

  static Timings timings() {
    return new Timings(1234, 900L, 5000L);
  }

  /** The four results above, run under {@code auto}. */
  static Report report() {
    return new Report(run("auto"), RESULTS, summary(), timings());
  }

  static Report report(List<Result> results) {
    return new Report(run("auto"), results, summary(results), timings());
  }

  /** Renders {@code report} in {@code format} to a string, through the public stream API. */
  static String render(OutputFormat format, Report report, RenderOptions options) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ReportOutput out = format.toStream(bytes, options)) {
      report.replay(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  /** A Task whose one finding a suppression removed: nothing reported, one suppressed issue. */
  static final Result WITH_SUPPRESSED =
      new Result(
          "samples/task-3.json",
          null,
          1,
          "Task/ghi",
          null,
          FhirRelease.R4,
          "no version-specific content; R4 is the default",
          List.of(),
          List.of(
              new SuppressedIssue(
                  new Issue(
                      "status-1",
                      Severity.WARNING,
                      "business-rule",
                      "Task.intent",
                      4,
                      3,
                      "intent should be order",
                      IssueSource.RULE,
                      null),
                  "plans are tracked as proposals here",
                  "suppressions.json:4")));
}
