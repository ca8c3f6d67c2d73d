package dev.taskcheck.cli;

import static dev.taskcheck.cli.CliProcessSupport.taskcheck;
import static dev.taskcheck.cli.CliReportSupport.assertNoStackTrace;
import static dev.taskcheck.cli.CliReportSupport.issues;
import static dev.taskcheck.cli.CliReportSupport.results;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.taskcheck.cli.CliProcessSupport.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * FHIR 1.4.0 through the real jar: the spec's Task example is detected and clean; a completed Task
 * with a failureReason, modified before it was created, gets failure-1 and date-1 (its base inv-2
 * and inv-1 replaced) and no R4 structure error; {@code --fhir-version 1.4.0} is accepted.
 */
class Fhir140IT {

  private static final String EXAMPLE = "testdata/corpus/spec-1.4.0/task-example.xml";

  @Test
  void autoDetectsTheSpecExampleAndFindsItClean() {
    CliRun run = taskcheck("validate", "--format", "json", EXAMPLE).run();
    assertNoStackTrace(run);
    assertThat(run.exitCode()).as(run.toString()).isZero();
    JsonNode r = results(run.json()).get(0);
    assertThat(r.path("fhirVersion").asText()).isEqualTo("1.4.0");
    assertThat(r.path("fhirVersionReason").asText()).contains("only in FHIR 1.4.0");
    assertThat(r.path("engine").asText()).isEqualTo("reference");
    assertThat(issues(r)).isEmpty();
  }

  @Test
  void theIssuesCaseGetsFailure1AndDate1AndNoR4StructureErrors(@TempDir Path dir)
      throws IOException {
    String text =
        Files.readString(
                CliProcessSupport.testdata()
                    .resolve("fixtures/rules/failure-1/1.4.0/fail-completed-with-reason.json"))
            .replace(
                "\"lastModified\": \"2024-01-10T09:00:00Z\"",
                "\"lastModified\": \"2024-01-09T09:00:00Z\"");
    Path task = dir.resolve("v140.json");
    Files.writeString(task, text);
    CliRun run =
        taskcheck("validate", "--format", "json", "--fhir-version", "1.4.0", task.toString()).run();
    assertNoStackTrace(run);
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
    JsonNode r = results(run.json()).get(0);
    assertThat(r.path("fhirVersion").asText()).isEqualTo("1.4.0");
    List<String> findings = new ArrayList<>();
    for (JsonNode i : issues(r)) {
      findings.add(
          i.path("ruleId").asText()
              + " "
              + i.path("severity").asText()
              + " "
              + i.path("expression").asText());
    }
    assertThat(findings)
        .containsExactlyInAnyOrder(
            "failure-1 error Task.failureReason",
            "failure-6 warning Task.failureReason",
            "date-1 error Task.lastModified");
  }
}
