package dev.taskcheck.cli;

import static dev.taskcheck.cli.CliReportSupport.assertSummaryMatchesResults;
import static dev.taskcheck.cli.CliReportSupport.brief;
import static dev.taskcheck.cli.CliReportSupport.fieldNames;
import static dev.taskcheck.cli.CliReportSupport.issues;
import static dev.taskcheck.cli.CliReportSupport.results;
import static dev.taskcheck.cli.CliReportSupport.resultsFor;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The JSON report of the samples (and the three DOCTYPE/XXE bad inputs after them), as written by
 * {@code --output DIR --format json}: the documented shape, summary counts that equal the counted
 * issues, results in input order (sorted path order inside a directory), Bundle Tasks located as
 * {@code Bundle.entry[i].resource}, the Patient counted as skipped, FHIR version detection with a
 * reason, and unparsable documents as results with {@code resource: null}.
 */
class JsonReportIT {

  private static final Set<String> TOP_LEVEL =
      Set.of(
          "tool",
          "fhirVersion",
          "fhirVersionSetting",
          "ruleSet",
          "engine",
          "now",
          "startedAt",
          "summary",
          "timings",
          "results");
  private static final Set<String> SUMMARY =
      Set.of(
          "inputs",
          "documents",
          "resources",
          "skipped",
          "fatal",
          "error",
          "warning",
          "information",
          "suppressed",
          "releases",
          "engines");
  private static final Set<String> TIMINGS =
      Set.of("elapsedMs", "firstResultMs", "processFirstResultMs");
  private static final Set<String> RESULT =
      Set.of(
          "source",
          "location",
          "line",
          "resource",
          "versionId",
          "fhirVersion",
          "fhirVersionReason",
          "engine",
          "issues");
  private static final Set<String> ISSUE =
      Set.of(
          "ruleId",
          "severity",
          "type",
          "expression",
          "line",
          "column",
          "message",
          "source",
          "messageId");

  private static JsonNode report;

  @BeforeAll
  static void readReport() throws IOException {
    Path file = CliSamplesSupport.reports().file("taskcheck.json");
    assertThat(file).as(CliSamplesSupport.reports().run().describe()).isRegularFile();
    report =
        CliProcessSupport.parseJson(
            Files.readString(file, StandardCharsets.UTF_8), file.toString());
  }

  @Test
  void hasTheDocumentedTopLevelShape() {
    assertThat(fieldNames(report)).containsExactlyInAnyOrderElementsOf(TOP_LEVEL);
    assertThat(fieldNames(report.path("tool"))).containsExactlyInAnyOrder("name", "version");
    assertThat(report.path("tool").path("name").asText()).isEqualTo("taskcheck");
    assertThat(report.path("tool").path("version").asText()).isNotBlank();
    assertThat(report.path("fhirVersionSetting").asText()).isEqualTo("auto");
    assertThat(report.path("fhirVersion").asText()).isNotBlank();
    assertThat(report.path("ruleSet").asText()).isEqualTo("recommended");
    assertThat(report.path("engine").asText()).isNotBlank();
    assertThat(Instant.parse(report.path("now").asText())).isNotNull();
    assertThat(Instant.parse(report.path("startedAt").asText())).isNotNull();
    assertThat(fieldNames(report.path("summary"))).containsExactlyInAnyOrderElementsOf(SUMMARY);
    assertThat(report.path("summary").path("releases").isObject()).isTrue();
    assertThat(fieldNames(report.path("timings"))).containsExactlyInAnyOrderElementsOf(TIMINGS);
    long elapsed = report.path("timings").path("elapsedMs").asLong();
    assertThat(elapsed).isNotNegative();
    assertThat(report.path("timings").path("firstResultMs").asLong()).isBetween(0L, elapsed);
  }

  @Test
  void everyResultAndIssueHasTheDocumentedFields() {
    assertThat(results(report))
        .isNotEmpty()
        .allSatisfy(
            r -> {
              assertThat(fieldNames(r))
                  .as("result fields of %s", r.path("source"))
                  .containsExactlyInAnyOrderElementsOf(RESULT);
              assertThat(r.path("source").isTextual()).isTrue();
              assertThat(r.path("issues").isArray()).isTrue();
              for (JsonNode i : issues(r)) {
                // profile: only on a finding about a profile's constraint (TaskCheck's or an IG's)
                Set<String> expected = new java.util.HashSet<>(ISSUE);
                if (i.has("profile")) {
                  expected.add("profile");
                  assertThat(i.path("source").asText()).isEqualTo("profile");
                  assertThat(i.path("profile").asText()).startsWith("http");
                }
                assertThat(fieldNames(i))
                    .as("issue fields in %s", r.path("source"))
                    .containsExactlyInAnyOrderElementsOf(expected);
                assertThat(i.path("ruleId").asText())
                    .matches("structure-[a-z-]+|input-unreadable|internal-error|[a-z]+-\\d+");
                assertThat(i.path("severity").asText()).isIn(CliReportSupport.SEVERITIES);
                assertThat(i.path("type").asText()).isNotBlank();
                assertThat(i.path("message").asText()).isNotBlank();
                assertThat(i.path("source").asText()).isNotBlank();
              }
            });
  }

  @Test
  void summaryCountsEqualTheCountedIssues() {
    assertSummaryMatchesResults(report);
    JsonNode summary = report.path("summary");
    // 9 sample files + xxe-remote.xml + xxe.xml + doctype.xml
    assertThat(summary.path("inputs").asLong()).isEqualTo(12);
    // 8 single-document files + 5 NDJSON lines + 3 XML bad inputs
    assertThat(summary.path("documents").asLong()).isEqualTo(16);
    assertThat(summary.path("resources").asLong()).isEqualTo(15);
    assertThat(summary.path("skipped").asLong()).as("the Patient in the Bundle").isEqualTo(1);
    assertThat(summary.path("fatal").asLong()).as("the three DOCTYPE documents").isEqualTo(3);
    assertThat(summary.path("error").asLong()).as("one per broken sample").isEqualTo(3);
    assertThat(summary.path("releases").path("R4").asLong()).isEqualTo(14);
    assertThat(summary.path("releases").path("R5").asLong()).isEqualTo(1);
    // the default, auto: the fast engine where it covers the document, here every one (the Bundle's
    // Tasks and the plain XML Task too); the reference engine is not needed
    assertThat(summary.path("engines").path("fast").asLong()).isEqualTo(15);
    assertThat(summary.path("engines").has("reference")).isFalse();
  }

  @Test
  void resultsComeInInputOrderWithTheDirectoryInSortedPathOrder() throws IOException {
    List<String> expected = new ArrayList<>();
    try (Stream<Path> files = Files.list(CliProcessSupport.testdata().resolve("samples"))) {
      files
          .map(p -> p.getFileName().toString())
          .filter(
              n ->
                  Stream.of(".json", ".xml", ".ndjson", ".jsonl")
                      .anyMatch(n.toLowerCase(Locale.ROOT)::endsWith))
          .sorted()
          .forEach(n -> expected.add("testdata/samples/" + n));
    }
    expected.addAll(
        CliSamplesSupport.REPORT_INPUTS.subList(1, CliSamplesSupport.REPORT_INPUTS.size()));
    List<String> actual = new ArrayList<>();
    for (JsonNode r : results(report)) {
      String source = r.path("source").asText();
      if (actual.isEmpty() || !actual.get(actual.size() - 1).equals(source)) {
        actual.add(source);
      }
    }
    assertThat(actual)
        .as("sources in the order of the results, consecutive repeats collapsed")
        .isEqualTo(expected);
  }

  @Test
  void bundleTasksAreLocatedByEntryAndThePatientIsSkipped() throws IOException {
    List<JsonNode> bundle = resultsFor(report, "testdata/samples/bundle-cardiology-workup.json");
    assertThat(bundle)
        .extracting(r -> r.path("location").asText())
        .containsExactly(
            "Bundle.entry[1].resource", "Bundle.entry[2].resource", "Bundle.entry[3].resource");
    assertThat(bundle)
        .extracting(r -> r.path("resource").asText())
        .containsExactly(
            "Task/task-cardio-referral", "Task/task-lipid-panel", "Task/task-holter-ecg");
    // the line of each entry: between the entry's opening brace and its resourceType
    List<String> lines =
        Files.readAllLines(
            CliProcessSupport.testdata().resolve("samples/bundle-cardiology-workup.json"));
    List<Integer> taskTypeLines = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains("\"resourceType\": \"Task\"")) {
        taskTypeLines.add(i + 1);
      }
    }
    assertThat(taskTypeLines).hasSize(3);
    for (int k = 0; k < 3; k++) {
      assertThat(bundle.get(k).path("line").asInt())
          .as("line of %s", bundle.get(k).path("location"))
          .isBetween(taskTypeLines.get(k) - 3, taskTypeLines.get(k));
      assertThat(issues(bundle.get(k)))
          .as("the Bundle's Tasks are valid")
          .noneMatch(CliReportSupport::isAtLeastError);
    }
  }

  @Test
  void ndjsonResultsCarryTheirLineNumbers() {
    List<JsonNode> ndjson =
        resultsFor(report, "testdata/samples/tasks-physiotherapy-course.ndjson");
    assertThat(ndjson).extracting(r -> r.path("line").asInt()).containsExactly(1, 2, 3, 4, 5);
    assertThat(ndjson)
        .allSatisfy(
            r -> {
              assertThat(r.path("location").isNull()).isTrue();
              for (JsonNode i : issues(r)) {
                assertThat(i.path("line").asInt())
                    .as("issue line inside its NDJSON line")
                    .isEqualTo(r.path("line").asInt());
              }
            });
  }

  @Test
  void everyValidatedResultHasAFhirVersionAndAReason() {
    assertThat(results(report))
        .filteredOn(r -> r.path("resource").isTextual())
        .allSatisfy(
            r -> {
              assertThat(r.path("fhirVersion").asText())
                  .as("fhirVersion of %s", r.path("resource"))
                  .isIn("R4", "R4B", "R5");
              assertThat(r.path("fhirVersionReason").asText())
                  .as("fhirVersionReason of %s", r.path("resource"))
                  .isNotBlank();
            });
  }

  @Test
  void theR5SampleIsDetectedAsR5ByAnR5OnlyElement() {
    assertThat(resultsFor(report, "testdata/samples/spec-r5-Task-example2.json"))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.path("fhirVersion").asText()).isEqualTo("R5");
              assertThat(r.path("fhirVersionReason").asText())
                  .containsAnyOf("requestedPerformer", "doNotPerform", "reason");
              assertThat(issues(r)).noneMatch(CliReportSupport::isAtLeastError);
            });
    assertThat(resultsFor(report, "testdata/samples/spec-r4-Task-example1.json"))
        .singleElement()
        .satisfies(r -> assertThat(r.path("fhirVersion").asText()).isEqualTo("R4"));
  }

  @Test
  void brokenSamplesHaveTheirFindings() {
    assertThat(resultsFor(report, "testdata/samples/broken-status-done.json"))
        .singleElement()
        .satisfies(
            r ->
                assertThat(issues(r))
                    .extracting(CliReportSupport::brief)
                    .containsExactly("structure-binding error Task.status 14:3"));
    assertThat(resultsFor(report, "testdata/samples/broken-misspelled-element.json"))
        .singleElement()
        .satisfies(
            r ->
                assertThat(issues(r))
                    .filteredOn(CliReportSupport::isAtLeastError)
                    .extracting(CliReportSupport::brief)
                    .containsExactly("structure-unknown-element error Task.exectionPeriod 33:3"));
    assertThat(resultsFor(report, "testdata/samples/broken-requester-wrong-type.json"))
        .singleElement()
        .satisfies(
            r ->
                assertThat(issues(r))
                    .extracting(CliReportSupport::brief)
                    .singleElement()
                    .satisfies(
                        b ->
                            assertThat(b)
                                .isIn(
                                    "structure-reference error Task.requester 35:3",
                                    "structure-reference error Task.requester 36:5")));
  }

  @Test
  void documentsThatDoNotParseHaveAResultWithoutResourceAndTheirFatalIssue() {
    for (String source :
        CliSamplesSupport.REPORT_INPUTS.subList(1, CliSamplesSupport.REPORT_INPUTS.size())) {
      assertThat(resultsFor(report, source))
          .as(source)
          .singleElement()
          .satisfies(
              r -> {
                assertThat(r.path("resource").isNull()).as("resource is null").isTrue();
                assertThat(r.path("fhirVersion").isNull()).isTrue();
                assertThat(issues(r))
                    .singleElement()
                    .satisfies(
                        i -> {
                          assertThat(brief(i)).isEqualTo("structure-parse fatal - 2:1");
                          assertThat(i.path("message").asText()).contains("DOCTYPE");
                        });
              });
    }
  }
}
