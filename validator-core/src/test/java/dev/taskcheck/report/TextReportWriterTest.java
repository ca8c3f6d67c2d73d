package dev.taskcheck.report;

import static dev.taskcheck.report.ReportFixtures.render;
import static org.assertj.core.api.Assertions.assertThat;

import dev.taskcheck.model.FhirRelease;
import dev.taskcheck.model.Issue;
import dev.taskcheck.model.IssueSource;
import dev.taskcheck.model.LifecycleMetrics;
import dev.taskcheck.model.Report;
import dev.taskcheck.model.Result;
import dev.taskcheck.model.Severity;
import dev.taskcheck.model.Summary;
import dev.taskcheck.model.Timings;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TextReportWriterTest {

  private static final RenderOptions PLAIN = new RenderOptions(false, true);
  private static final RenderOptions NO_SUMMARY = new RenderOptions(false, false);
  private static final RenderOptions COLOR = new RenderOptions(true, false);

  @Test
  void oneLinePerIssueThenSummary() {
    String text = render(OutputFormat.TEXT, ReportFixtures.report(), PLAIN);

    assertThat(text.split("\n", -1))
        .containsExactly(
            "samples/task-1.json:5:13 error structure-binding Task.status"
                + " The value provided ('foo') was not found in the value set",
            "samples/task-1.json:6 warning status-1 Task.intent intent should be order",
            "samples/broken.json fatal parse-json - Unexpected end of input",
            "samples/bundle.json:30:7 information inv-1 Bundle.entry[2].resource.note[0]"
                + " note \"quoted\" \u00e9\u4e2d",
            "taskcheck: 3 inputs, 3 Tasks validated (2 other resources skipped):"
                + " 1 fatal, 1 error, 1 warning, 1 information in 1.2 s",
            "FHIR versions: R4 (2), R5 (1)",
            "structure engines: fast (1), reference (2)",
            "");
  }

  @Test
  void resultsWithoutIssuesPrintNothing() {
    Report report = ReportFixtures.report(List.of(ReportFixtures.CLEAN, ReportFixtures.CLEAN));
    assertThat(render(OutputFormat.TEXT, report, NO_SUMMARY)).isEmpty();
  }

  @Test
  void noSummaryWhenNotAsked() {
    String text = render(OutputFormat.TEXT, ReportFixtures.report(), NO_SUMMARY);
    assertThat(text.split("\n")).hasSize(4);
    assertThat(text).doesNotContain("taskcheck:").doesNotContain("FHIR versions");
  }

  @Test
  void noColourUnlessAsked() {
    assertThat(render(OutputFormat.TEXT, ReportFixtures.report(), PLAIN)).doesNotContain("\u001b");
  }

  @Test
  void colourOnlyTheSeverityWord() {
    String text = render(OutputFormat.TEXT, ReportFixtures.report(), COLOR);
    String[] lines = text.split("\n", -1);
    assertThat(lines[0])
        .isEqualTo(
            "samples/task-1.json:5:13 \u001b[31merror\u001b[0m structure-binding Task.status"
                + " The value provided ('foo') was not found in the value set");
    assertThat(lines[1]).contains(" \u001b[33mwarning\u001b[0m status-1 ");
    assertThat(lines[2]).contains(" \u001b[31mfatal\u001b[0m parse-json ");
    assertThat(lines[3]).contains(" \u001b[36minformation\u001b[0m inv-1 ");
  }

  @Test
  void messagesAndFieldsStayOnOneLine() {
    Issue issue =
        new Issue(
            "r-1",
            Severity.ERROR,
            "invalid",
            "Task.note[0].text",
            3,
            4,
            "\n first\r\n\r\nsecond\u2028third\tfourth\u001b[2J\n",
            IssueSource.RULE,
            null);
    Result result =
        new Result(
            "dir/with\nnewline.json",
            null,
            1,
            "Task/1",
            null,
            FhirRelease.R4,
            null,
            List.of(issue));

    String text = render(OutputFormat.TEXT, ReportFixtures.report(List.of(result)), NO_SUMMARY);

    assertThat(text)
        .isEqualTo(
            "dir/with newline.json:3:4 error r-1 Task.note[0].text first second third fourth [2J\n");
  }

  @Test
  void columnWithoutLineIsNotPrinted() {
    Issue issue =
        new Issue("r-1", Severity.ERROR, "invalid", "Task", null, 9, "m", IssueSource.RULE, null);
    Result result =
        new Result("a.json", null, null, "Task", null, FhirRelease.R4, null, List.of(issue));

    String text = render(OutputFormat.TEXT, ReportFixtures.report(List.of(result)), NO_SUMMARY);

    assertThat(text).isEqualTo("a.json error r-1 Task m\n");
  }

  @Test
  void summaryPluralisesAndLeavesOutAbsentParts() {
    Summary one = new Summary(1, 1, 1, 0, 0, 1, 1, 0, Map.of(FhirRelease.R4, 1L));
    assertThat(TextReportWriter.summaryLine("taskcheck", one, new Timings(850, null, null)))
        .isEqualTo(
            "taskcheck: 1 input, 1 Task validated: 0 fatal, 1 error, 1 warning, 0 information in 850 ms");

    Summary many = new Summary(2, 5, 0, 1, 3, 0, 2, 4, Map.of());
    assertThat(TextReportWriter.summaryLine("taskcheck", many, new Timings(61_049, 3L, 4L)))
        .isEqualTo(
            "taskcheck: 2 inputs, 0 Tasks validated (1 other resource skipped):"
                + " 3 fatal, 0 errors, 2 warnings, 4 information in 61.0 s");
  }

  @Test
  void elapsedTime() {
    assertThat(TextReportWriter.elapsed(0)).isEqualTo("0 ms");
    assertThat(TextReportWriter.elapsed(999)).isEqualTo("999 ms");
    assertThat(TextReportWriter.elapsed(1000)).isEqualTo("1.0 s");
    assertThat(TextReportWriter.elapsed(1234)).isEqualTo("1.2 s");
  }

  @Test
  void releasesLineOnlyForUsedReleasesInEnumOrder() {
    assertThat(TextReportWriter.releasesLine(Map.of())).isNull();
    assertThat(TextReportWriter.releasesLine(Map.of(FhirRelease.R4, 0L))).isNull();
    assertThat(
            TextReportWriter.releasesLine(
                Map.of(FhirRelease.R5, 1L, FhirRelease.R4B, 0L, FhirRelease.R4, 4L)))
        .isEqualTo("FHIR versions: R4 (4), R5 (1)");
  }

  @Test
  void enginesLineOnlyForEnginesThatCheckedSomething() {
    assertThat(TextReportWriter.enginesLine(Map.of(), 0)).isNull();
    assertThat(TextReportWriter.enginesLine(Map.of("fast", 0L), 0)).isNull();
    assertThat(TextReportWriter.enginesLine(Map.of("reference", 4L), 4))
        .isEqualTo("structure engines: reference (4)");
    assertThat(
            TextReportWriter.enginesLine(
                new java.util.TreeMap<>(Map.of("reference", 1L, "fast", 4L)), 5))
        .isEqualTo("structure engines: fast (4), reference (1)");
    assertThat(TextReportWriter.enginesLine(Map.of("fast", 4L), 6))
        .as("two Tasks the fast engine did not cover under --engine fast")
        .isEqualTo("structure engines: fast (4), none (2)");
    assertThat(TextReportWriter.enginesLine(Map.of(), 3)).isEqualTo("structure engines: none (3)");
  }

  @Test
  void summaryOfAnEngineButNoReleaseIsTwoLines() {
    Report report = ReportFixtures.report(List.of(ReportFixtures.CLEAN));
    String text = render(OutputFormat.TEXT, report, PLAIN);
    assertThat(text.split("\n", -1))
        .containsExactly(
            "taskcheck: 1 input, 1 Task validated: 0 fatal, 0 errors, 0 warnings, 0 information in 1.2 s",
            "structure engines: fast (1)",
            "");
  }

  @Test
  void summaryWithoutReleasesOrEnginesIsOneLine() {
    String text = render(OutputFormat.TEXT, ReportFixtures.report(List.of()), PLAIN);
    assertThat(text.split("\n", -1))
        .containsExactly(
            "taskcheck: 0 inputs, 0 Tasks validated: 0 fatal, 0 errors, 0 warnings, 0 information in 1.2 s",
            "");
  }

  @Test
  void aTaskNoEngineCheckedIsCountedAsNone() {
    Result clean = ReportFixtures.CLEAN;
    Report report =
        ReportFixtures.report(
            List.of(
                new Result(
                    clean.source(),
                    clean.location(),
                    clean.line(),
                    clean.resource(),
                    clean.versionId(),
                    clean.fhirVersion(),
                    clean.fhirVersionReason(),
                    clean.issues())));
    String text = render(OutputFormat.TEXT, report, PLAIN);
    assertThat(text.split("\n", -1))
        .containsExactly(
            "taskcheck: 1 input, 1 Task validated: 0 fatal, 0 errors, 0 warnings, 0 information in 1.2 s",
            "structure engines: none (1)",
            "");
  }

  @Test
  void lifecycleBlockFollowsTheSummary() {
    String text =
        render(OutputFormat.TEXT, ReportFixtures.withMetrics(ReportFixtures.metrics()), PLAIN);

    assertThat(text.split("\n", -1))
        .containsExactly(
            "history/lab-order-7.json:11:9 error transition-1 Bundle.entry[0].resource.status"
                + " The status changed from in-progress to requested",
            "taskcheck: 1 input, 1 Task validated: 0 fatal, 1 error, 0 warnings, 0 information in 1.2 s",
            "structure engines: reference (1)",
            "histories: 12 Tasks, 40 versions; wait time median 2h 5m (p90 1d 3h);"
                + " time in progress median 5h (p90 1d 6h); time to completion: none;"
                + " status changes: 25 (1 refused, 1 narrative-only); stuck (older than 7d): 2",
            "  tasks/t-1.json:1 Task/t-1 in-progress since 2026-11-01T08:00:00Z (idle 20d 2h)",
            "  tasks.ndjson:7 Task/t-2 on-hold since 2026-11-10 (idle 11d 10h)",
            "");
  }

  @Test
  void stuckTasksAloneListAtMostTen() {
    List<String> lines = TextReportWriter.metricsLines(ReportFixtures.stuckOnly(12));

    assertThat(lines).hasSize(12);
    assertThat(lines.get(0)).isEqualTo("stuck (older than 1d 12h): 12");
    assertThat(lines.get(1))
        .isEqualTo("  tasks.ndjson:1 Task/s-0 requested since 2026-10-01 (idle 51d)");
    assertThat(lines.get(10))
        .isEqualTo("  tasks.ndjson:10 Task/s-9 requested since 2026-10-01 (idle 50d 15h)");
    assertThat(lines.get(11)).isEqualTo("  ... and 2 more (the JSON report lists up to 1000)");
  }

  @Test
  void historiesWithoutAStuckThreshold() {
    LifecycleMetrics one =
        new LifecycleMetrics(
            1,
            2,
            Map.of(),
            LifecycleMetrics.Stat.EMPTY,
            LifecycleMetrics.Stat.EMPTY,
            new LifecycleMetrics.Stat(
                1, Duration.ofSeconds(45), Duration.ofSeconds(45), Duration.ofSeconds(45)),
            null,
            0,
            List.of());

    assertThat(TextReportWriter.metricsLines(one))
        .containsExactly(
            "histories: 1 Task, 2 versions; wait time: none; time in progress: none;"
                + " time to completion median 45s (p90 45s)");
  }

  @Test
  void noLifecycleBlockWithoutTheSummary() {
    String text =
        render(OutputFormat.TEXT, ReportFixtures.withMetrics(ReportFixtures.metrics()), NO_SUMMARY);
    assertThat(text.split("\n")).hasSize(1);
    assertThat(text).doesNotContain("histories:").doesNotContain("stuck");
  }

  @Test
  void lifecycleLinesStayOnOneLine() {
    LifecycleMetrics m =
        new LifecycleMetrics(
            0,
            0,
            Map.of(),
            LifecycleMetrics.Stat.EMPTY,
            LifecycleMetrics.Stat.EMPTY,
            LifecycleMetrics.Stat.EMPTY,
            Duration.ofDays(7),
            1,
            List.of(
                new LifecycleMetrics.StuckTask(
                    "Task/a\nb",
                    null,
                    "dir\r\nx.json",
                    3,
                    "ready",
                    "2026-01-01",
                    Duration.ofDays(8))));
    assertThat(TextReportWriter.metricsLines(m))
        .containsExactly(
            "stuck (older than 7d): 1", "  dir x.json:3 Task/a b ready since 2026-01-01 (idle 8d)");
  }
}
