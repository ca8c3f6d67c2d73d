package dev.taskcheck.cli;

import static dev.taskcheck.cli.CliProcessSupport.taskcheck;
import static dev.taskcheck.cli.CliReportSupport.allIssues;
import static dev.taskcheck.cli.CliReportSupport.assertNoAnsi;
import static dev.taskcheck.cli.CliReportSupport.assertNoStackTrace;
import static dev.taskcheck.cli.CliReportSupport.assertUsageError;
import static dev.taskcheck.cli.CliReportSupport.summaryCounts;
import static dev.taskcheck.cli.CliReportSupport.summaryLine;
import static dev.taskcheck.cli.CliReportSupport.textIssues;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.taskcheck.cli.CliProcessSupport.CliRun;
import dev.taskcheck.cli.CliReportSupport.TextIssue;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@code --output DIR} with all three formats: exactly {@code taskcheck.txt}, {@code
 * taskcheck.json} and {@code taskcheck.operationoutcome.json} appear (no temporary file is left),
 * each well-formed and consistent with the others, and standard output holds the summary only. When
 * DIR cannot be used (it is a regular file) the run exits with 2 and writes nothing.
 */
class OutputDirectoryIT {

  @Test
  void allThreeFormatsAreWrittenAndNothingElse() throws IOException {
    CliSamplesSupport.ReportsRun reports = CliSamplesSupport.reports();
    CliRun run = reports.run();
    assertThat(run.exitCode()).as(run.describe()).isEqualTo(1);
    assertNoStackTrace(run);
    assertNoAnsi(run);
    try (Stream<Path> files = Files.list(reports.directory())) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .as("the output folder holds the three reports and no temporary or hidden file")
          .containsExactlyInAnyOrder(
              "taskcheck.txt", "taskcheck.json", "taskcheck.operationoutcome.json");
    }
    Path parent = reports.directory().getParent();
    try (Stream<Path> files = Files.list(parent)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .as("nothing written beside the output folder")
          .containsExactly("out");
    }
  }

  @Test
  void theThreeReportsAgreeWithEachOther() throws IOException {
    CliSamplesSupport.ReportsRun reports = CliSamplesSupport.reports();
    JsonNode json =
        CliProcessSupport.parseJson(
            Files.readString(reports.file("taskcheck.json"), StandardCharsets.UTF_8),
            "taskcheck.json");
    JsonNode bundle =
        CliProcessSupport.parseJson(
            Files.readString(
                reports.file("taskcheck.operationoutcome.json"), StandardCharsets.UTF_8),
            "taskcheck.operationoutcome.json");
    List<String> text = Files.readAllLines(reports.file("taskcheck.txt"), StandardCharsets.UTF_8);

    JsonNode summary = json.path("summary");
    Map<String, Long> textCounts = summaryCounts(summaryLine(text));
    assertThat(textCounts.get("inputs")).isEqualTo(summary.path("inputs").asLong());
    assertThat(textCounts.get("tasks")).isEqualTo(summary.path("resources").asLong());
    assertThat(textCounts.get("skipped")).isEqualTo(summary.path("skipped").asLong());
    for (String s : CliReportSupport.SEVERITIES) {
      assertThat(textCounts.get(s)).as("text summary %s", s).isEqualTo(summary.path(s).asLong());
    }

    List<TextIssue> textIssues = textIssues(text);
    List<JsonNode> jsonIssues = allIssues(json);
    assertThat(textIssues).as("one text line per JSON issue").hasSameSizeAs(jsonIssues);
    for (int k = 0; k < jsonIssues.size(); k++) {
      JsonNode j = jsonIssues.get(k);
      TextIssue t = textIssues.get(k);
      assertThat(t.ruleId() + " " + t.severity() + " " + t.expression() + " " + t.position())
          .isEqualTo(
              j.path("ruleId").asText()
                  + " "
                  + j.path("severity").asText()
                  + " "
                  + (j.path("expression").isNull() ? "-" : j.path("expression").asText())
                  + " "
                  + CliReportSupport.position(j));
    }

    long ooIssues = 0;
    for (JsonNode entry : bundle.path("entry")) {
      for (JsonNode issue : entry.path("resource").path("issue")) {
        if (OperationOutcomeIT.extension(issue, OperationOutcomeIT.EXT_MESSAGE_ID) != null) {
          ooIssues++;
        }
      }
    }
    assertThat(ooIssues)
        .as("OperationOutcome issues with a rule (clean results add an informational one)")
        .isEqualTo(jsonIssues.size());
    assertThat(bundle.path("entry").size()).isEqualTo(json.path("results").size());
  }

  @Test
  void standardOutputHoldsTheSummaryOnly() {
    CliRun run = CliSamplesSupport.reports().run();
    List<String> lines = run.stdoutLines();
    assertThat(lines)
        .as("no issue line on stdout%s", run.describe())
        .allMatch(
            l ->
                l.startsWith("taskcheck: ")
                    || l.startsWith("FHIR versions: ")
                    || l.startsWith("structure engines: ")
                    || l.startsWith("Reports written to "));
    Map<String, Long> counts = summaryCounts(summaryLine(lines));
    assertThat(counts.get("error")).isEqualTo(3);
    assertThat(String.join("\n", lines))
        .contains("taskcheck.txt", "taskcheck.json", "taskcheck.operationoutcome.json");
  }

  @Test
  void anOutputThatIsARegularFileIsASetupErrorAndNothingIsWritten() throws IOException {
    Path dir = CliProcessSupport.workDirectory("output-is-a-file");
    Path file = dir.resolve("report");
    Files.writeString(file, "keep me\n", StandardCharsets.UTF_8);
    for (List<String> formats :
        List.of(
            List.of("--format", "json"),
            List.of("--format", "text", "--format", "json", "--format", "operationoutcome"))) {
      List<String> args = new ArrayList<>(List.of("validate", "--output", file.toString()));
      args.addAll(formats);
      args.add("testdata/bad-input/empty.json");
      CliRun run = taskcheck(args).timeout(CliProcessSupport.QUICK).run();
      assertUsageError(run, false, file.getFileName().toString());
      assertThat(Files.readString(file, StandardCharsets.UTF_8))
          .as("the file is left as it was")
          .isEqualTo("keep me\n");
      try (Stream<Path> files = Files.list(dir)) {
        assertThat(files.map(p -> p.getFileName().toString()))
            .as("nothing else written")
            .containsExactly("report");
      }
    }
  }
}
