package dev.taskcheck.cli;

import static dev.taskcheck.cli.CliProcessSupport.join;
import static dev.taskcheck.cli.CliProcessSupport.taskcheck;
import static dev.taskcheck.cli.CliReportSupport.assertNoAnsi;
import static dev.taskcheck.cli.CliReportSupport.assertNoStackTrace;
import static dev.taskcheck.cli.CliReportSupport.issues;
import static dev.taskcheck.cli.CliReportSupport.results;
import static dev.taskcheck.cli.CliReportSupport.textIssues;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.taskcheck.cli.CliProcessSupport.CliRun;
import dev.taskcheck.cli.CliReportSupport.TextIssue;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code validate -}: a JSON Task, an XML Task and NDJSON piped into standard input, each told
 * apart by content. The source is {@code -}, positions are those of the piped text, NDJSON lines
 * keep their numbers. The three launches run side by side.
 */
class StdinIT {

  private static CliRun json;
  private static CliRun xml;
  private static CliRun ndjson;

  @BeforeAll
  static void pipeThreeInputs() throws IOException {
    byte[] task =
        Files.readAllBytes(CliProcessSupport.testdata().resolve("samples/broken-status-done.json"));
    byte[] lines =
        Files.readAllBytes(
            CliProcessSupport.testdata().resolve("samples/tasks-physiotherapy-course.ndjson"));
    CompletableFuture<CliRun> a =
        taskcheck("validate", "--format", "json", "-").stdin(task).start();
    CompletableFuture<CliRun> b =
        taskcheck("validate", "--format", "json", "-").stdin(lines).start();
    // redirected from the file, as a shell's "< file" does
    xml =
        taskcheck("validate", "-")
            .stdinFrom(
                CliProcessSupport.testdata().resolve("samples/davinci-pcde-task-requested.xml"))
            .run();
    json = join(a);
    ndjson = join(b);
  }

  @Test
  void aJsonTaskOnStandardInput() {
    assertThat(json.exitCode()).as(json.describe()).isEqualTo(1);
    assertNoStackTrace(json);
    JsonNode report = json.json();
    assertThat(results(report))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.path("source").asText()).isEqualTo("-");
              assertThat(r.path("resource").asText()).isEqualTo("Task/task-discharge-letter");
              assertThat(issues(r))
                  .extracting(CliReportSupport::brief)
                  .containsExactly("structure-binding error Task.status 14:3");
            });
    assertThat(report.path("summary").path("inputs").asLong()).isEqualTo(1);
  }

  @Test
  void anXmlTaskOnStandardInput() {
    assertThat(xml.exitCode()).as("warnings only: exit 0%s", xml.describe()).isZero();
    assertNoStackTrace(xml);
    assertNoAnsi(xml);
    List<TextIssue> issues = textIssues(xml.stdoutLines());
    assertThat(issues)
        .as(xml.describe())
        .isNotEmpty()
        .allSatisfy(
            i -> {
              assertThat(i.path()).isEqualTo("-");
              assertThat(i.severity()).isIn("warning", "information");
              assertThat(i.line()).isNotNull();
            });
    // the same finding as for the file: the unknown IG code system on Task.code at 7:3
    assertThat(issues)
        .anySatisfy(
            i -> {
              assertThat(i.expression()).isEqualTo("Task.code");
              assertThat(i.position()).isEqualTo("7:3");
            });
    assertThat(
            CliReportSupport.summaryCounts(CliReportSupport.summaryLine(xml.stdoutLines()))
                .get("tasks"))
        .isEqualTo(1);
  }

  @Test
  void ndjsonOnStandardInputIsReadLineByLine() {
    assertThat(ndjson.exitCode()).as(ndjson.describe()).isZero();
    assertNoStackTrace(ndjson);
    JsonNode report = ndjson.json();
    List<JsonNode> results = results(report);
    assertThat(results).extracting(r -> r.path("source").asText()).containsOnly("-");
    assertThat(results).extracting(r -> r.path("line").asInt()).containsExactly(1, 2, 3, 4, 5);
    assertThat(results)
        .extracting(r -> r.path("resource").asText())
        .doesNotHaveDuplicates()
        .allSatisfy(res -> assertThat(res).startsWith("Task/"));
    for (JsonNode r : results) {
      for (JsonNode i : issues(r)) {
        assertThat(i.path("line").asInt()).isEqualTo(r.path("line").asInt());
      }
    }
    assertThat(report.path("summary").path("documents").asLong()).isEqualTo(5);
    assertThat(report.path("summary").path("inputs").asLong()).isEqualTo(1);
  }
}
