package dev.taskcheck.cli;

import static dev.taskcheck.cli.CliReportSupport.assertNoAnsi;
import static dev.taskcheck.cli.CliReportSupport.assertNoStackTrace;
import static dev.taskcheck.cli.CliReportSupport.summaryCounts;
import static dev.taskcheck.cli.CliReportSupport.summaryLine;
import static dev.taskcheck.cli.CliReportSupport.textIssues;
import static org.assertj.core.api.Assertions.assertThat;

import dev.taskcheck.cli.CliProcessSupport.CliRun;
import dev.taskcheck.cli.CliReportSupport.TextIssue;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The README quick start, {@code taskcheck validate testdata/samples}, in the default text format:
 * exit code 1 (three samples are broken on purpose), exactly the documented finding for each broken
 * sample (testdata/samples/README.md), nothing at error level for the clean ones, NDJSON findings
 * at their own lines, and a summary line whose counts agree with the issue lines.
 */
class SamplesQuickStartIT {

  private static final String SAMPLES = "testdata/samples/";

  private static CliRun run;
  private static List<TextIssue> issues;

  @BeforeAll
  static void runQuickStart() {
    run = CliSamplesSupport.quickStart();
    issues = textIssues(run.stdoutLines());
  }

  private static List<TextIssue> issuesOf(String file) {
    return issues.stream().filter(i -> i.path().equals(SAMPLES + file)).toList();
  }

  @Test
  void exitsWithOneAndNoStackTrace() {
    assertThat(run.exitCode()).as(run.describe()).isEqualTo(1);
    assertNoStackTrace(run);
    assertNoStackTrace(run.stdout(), "stdout");
    assertNoAnsi(run);
  }

  @Test
  void statusDoneIsARequiredBindingErrorOnTaskStatus() {
    assertThat(issuesOf("broken-status-done.json"))
        .as(run.describe())
        .singleElement()
        .satisfies(
            i -> {
              assertThat(i.severity()).isEqualTo("error");
              assertThat(i.ruleId()).isEqualTo("structure-binding");
              assertThat(i.expression()).isEqualTo("Task.status");
              assertThat(i.position()).isEqualTo("14:3");
            });
  }

  @Test
  void misspelledElementIsAnUnknownElementError() {
    List<TextIssue> errors =
        issuesOf("broken-misspelled-element.json").stream()
            .filter(i -> i.severity().equals("error") || i.severity().equals("fatal"))
            .toList();
    assertThat(errors)
        .as(run.describe())
        .singleElement()
        .satisfies(
            i -> {
              assertThat(i.ruleId()).isEqualTo("structure-unknown-element");
              assertThat(i.expression()).isEqualTo("Task.exectionPeriod");
              assertThat(i.position()).isEqualTo("33:3");
            });
  }

  @Test
  void requesterOfTheWrongTypeIsAReferenceErrorOnTaskRequester() {
    assertThat(issuesOf("broken-requester-wrong-type.json"))
        .as(run.describe())
        .singleElement()
        .satisfies(
            i -> {
              assertThat(i.severity()).isEqualTo("error");
              assertThat(i.ruleId()).isEqualTo("structure-reference");
              assertThat(i.expression()).isEqualTo("Task.requester");
              // the README places the defect at 36:5 (the "reference" value); Task.requester itself
              // starts at 35:3
              assertThat(i.position()).isIn("35:3", "36:5");
            });
  }

  @Test
  void cleanSamplesHaveNothingAtErrorLevel() {
    for (String clean :
        List.of(
            "spec-r4-Task-example1.json",
            "spec-r4-Task-example6.json",
            "spec-r5-Task-example2.json",
            "davinci-pcde-task-requested.xml",
            "bundle-cardiology-workup.json",
            "tasks-physiotherapy-course.ndjson")) {
      assertThat(issuesOf(clean))
          .as("%s has no error or fatal issue", clean)
          .noneMatch(i -> i.severity().equals("error") || i.severity().equals("fatal"));
    }
    assertThat(issues)
        .as("only the three broken samples have errors")
        .filteredOn(i -> i.severity().equals("error") || i.severity().equals("fatal"))
        .extracting(TextIssue::path)
        .containsExactlyInAnyOrder(
            SAMPLES + "broken-status-done.json",
            SAMPLES + "broken-misspelled-element.json",
            SAMPLES + "broken-requester-wrong-type.json");
  }

  @Test
  void everyIssueLineHasAPositionAndAKnownRuleId() {
    assertThat(issues)
        .isNotEmpty()
        .allSatisfy(
            i -> {
              assertThat(i.path()).startsWith(SAMPLES);
              assertThat(i.line()).as("line of %s", i).isNotNull().isPositive();
              assertThat(i.column()).as("column of %s", i).isNotNull().isPositive();
              assertThat(i.ruleId())
                  .matches("structure-[a-z-]+|input-unreadable|internal-error|[a-z]+-\\d+");
            });
    assertThat(run.stdoutLines())
        .as("no README or other non-data file is read from the folder")
        .noneMatch(l -> l.startsWith(SAMPLES + "README.md"));
  }

  @Test
  void ndjsonFindingsCarryTheLineNumbersOfTheirLines() throws IOException {
    Path ndjson = CliProcessSupport.testdata().resolve("samples/tasks-physiotherapy-course.ndjson");
    List<String> lines = Files.readAllLines(ndjson, StandardCharsets.UTF_8);
    // the reference engine warns about the progress outputs ({session} UCUM annotation, example
    // code system)
    Set<Integer> withOutput = new TreeSet<>();
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains("\"output\"")) {
        withOutput.add(i + 1);
      }
    }
    List<TextIssue> ndjsonIssues = issuesOf("tasks-physiotherapy-course.ndjson");
    assertThat(ndjsonIssues).isNotEmpty();
    assertThat(ndjsonIssues).allSatisfy(i -> assertThat(i.line()).isNotNull());
    Set<Integer> actual =
        ndjsonIssues.stream().map(TextIssue::line).collect(Collectors.toCollection(TreeSet::new));
    assertThat(actual)
        .as("NDJSON issue lines are the lines of the Tasks with a progress output")
        .isEqualTo(withOutput);
    for (TextIssue i : ndjsonIssues) {
      // each line is its own document: the column lies within that line
      assertThat(i.column()).isLessThanOrEqualTo(lines.get(i.line() - 1).length());
      assertThat(i.expression()).startsWith("Task.");
    }
  }

  @Test
  void summaryLineCountsAgreeWithTheIssueLines() {
    Map<String, Long> counts = summaryCounts(summaryLine(run.stdoutLines()));
    assertThat(counts.get("inputs")).as("9 sample files").isEqualTo(9);
    // 3 broken + 2 R4 spec + 1 R5 spec + 1 XML + 3 in the Bundle + 5 NDJSON lines
    assertThat(counts.get("tasks")).isEqualTo(15);
    assertThat(counts.get("skipped")).as("the Patient in the Bundle").isEqualTo(1);
    for (String severity : List.of("fatal", "error", "warning", "information")) {
      assertThat(counts.get(severity))
          .as("%s count", severity)
          .isEqualTo(issues.stream().filter(i -> i.severity().equals(severity)).count());
    }
    assertThat(counts.get("error")).isEqualTo(3);
    assertThat(counts.get("fatal")).isZero();
    List<String> versions =
        run.stdoutLines().stream().filter(l -> l.startsWith("FHIR versions: ")).toList();
    assertThat(versions)
        .as("a FHIR versions line")
        .singleElement()
        .satisfies(l -> assertThat(l).contains("R4", "R5"));
    assertThat(run.stdoutLines().get(run.stdoutLines().size() - 1))
        .as("the summary comes last")
        .matches("(taskcheck|FHIR versions|structure engines): .*");
  }

  @Test
  void issueLinesEqualThoseOfTheTextReportWrittenWithOutput() throws IOException {
    CliSamplesSupport.ReportsRun reports = CliSamplesSupport.reports();
    List<String> fromFile =
        Files.readAllLines(reports.file("taskcheck.txt"), StandardCharsets.UTF_8).stream()
            .filter(l -> l.startsWith(SAMPLES))
            .toList();
    List<String> fromStdout =
        run.stdoutLines().stream().filter(l -> l.startsWith(SAMPLES)).toList();
    assertThat(fromStdout).isEqualTo(fromFile);
  }
}
