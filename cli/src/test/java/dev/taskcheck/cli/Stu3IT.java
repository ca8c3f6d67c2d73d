package dev.taskcheck.cli;

import static dev.taskcheck.cli.CliProcessSupport.taskcheck;
import static dev.taskcheck.cli.CliReportSupport.assertNoStackTrace;
import static dev.taskcheck.cli.CliReportSupport.isAtLeastError;
import static dev.taskcheck.cli.CliReportSupport.issues;
import static dev.taskcheck.cli.CliReportSupport.results;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.taskcheck.cli.CliProcessSupport.CliRun;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The STU3 spec examples through the real jar: {@code auto} detects STU3 and says why, the
 * reference engine checks them clean; {@code --fhir-version R4} reports STU3's own elements as
 * unknown.
 */
class Stu3IT {

  private static final String EXAMPLES = "testdata/corpus/spec-stu3";

  /** The examples without the folder's _provenance.json (quoted: the CLI expands the glob). */
  private static final String TASKS = EXAMPLES + "/Task-*.json";

  @Test
  void autoDetectsTheStu3ExamplesAndFindsThemClean() {
    CliRun run = taskcheck("validate", "--format", "json", TASKS).run();
    assertNoStackTrace(run);
    assertThat(run.exitCode()).as(run.toString()).isZero();
    List<JsonNode> results = results(run.json());
    assertThat(results).hasSize(6);
    for (JsonNode r : results) {
      assertThat(r.path("fhirVersion").asText()).as(r.path("source").asText()).isEqualTo("STU3");
      assertThat(r.path("fhirVersionReason").asText()).contains("Task.requester.agent");
      assertThat(r.path("engine").asText()).isEqualTo("reference");
      assertThat(issues(r)).filteredOn(CliReportSupport::isAtLeastError).isEmpty();
    }
  }

  @Test
  void readAsR4TheStu3ElementsAreUnknown() {
    CliRun run =
        taskcheck(
                "validate",
                "--format",
                "json",
                "--fhir-version",
                "R4",
                EXAMPLES + "/Task-example3.json")
            .run();
    assertNoStackTrace(run);
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
    JsonNode result = results(run.json()).get(0);
    TreeSet<String> unknown = new TreeSet<>();
    for (JsonNode i : issues(result)) {
      if (i.path("ruleId").asText().equals("structure-unknown-element")) {
        assertThat(isAtLeastError(i)).isTrue();
        unknown.add(i.path("expression").asText());
      }
    }
    assertThat(unknown).containsExactly("Task.requester.agent");
  }
}
