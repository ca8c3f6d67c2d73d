package dev.taskcheck.cli;

import static dev.taskcheck.cli.CliProcessSupport.taskcheck;
import static dev.taskcheck.cli.CliReportSupport.assertNoNullsOrEmpties;
import static dev.taskcheck.cli.CliReportSupport.assertNoStackTrace;
import static dev.taskcheck.cli.CliReportSupport.intOrNull;
import static dev.taskcheck.cli.CliReportSupport.issues;
import static dev.taskcheck.cli.CliReportSupport.results;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.taskcheck.cli.CliProcessSupport.CliRun;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * {@code --format operationoutcome}: one OperationOutcome for a single result, a collection Bundle
 * of them for several; each issue with severity, code, expression, and the line, column and
 * message-id extensions; valid FHIR JSON (no null, no empty array, object or string). The Bundle is
 * checked entry by entry against the JSON report of the same launch.
 */
class OperationOutcomeIT {

  static final String EXT_LINE =
      "http://hl7.org/fhir/StructureDefinition/operationoutcome-issue-line";
  static final String EXT_COL =
      "http://hl7.org/fhir/StructureDefinition/operationoutcome-issue-col";
  static final String EXT_MESSAGE_ID =
      "http://hl7.org/fhir/StructureDefinition/operationoutcome-message-id";

  private static final List<String> ISSUE_SEVERITIES =
      List.of("fatal", "error", "warning", "information");

  @Test
  void aSingleInputGivesOneOperationOutcome() {
    CliRun run =
        taskcheck(
                "validate",
                "--format",
                "operationoutcome",
                "testdata/samples/broken-status-done.json")
            .run();
    assertThat(run.exitCode()).as(run.describe()).isEqualTo(1);
    assertNoStackTrace(run);
    JsonNode oo = run.json();
    assertNoNullsOrEmpties(oo, "OperationOutcome");
    assertThat(oo.path("resourceType").asText()).isEqualTo("OperationOutcome");
    assertThat(oo.path("issue"))
        .singleElement()
        .satisfies(
            issue -> {
              assertThat(issue.path("severity").asText()).isEqualTo("error");
              assertThat(issue.path("code").asText()).isNotBlank();
              assertThat(issue.path("expression"))
                  .extracting(JsonNode::asText)
                  .containsExactly("Task.status");
              assertThat(intValue(extension(issue, EXT_LINE))).as("line extension").isEqualTo(14);
              assertThat(intValue(extension(issue, EXT_COL))).as("column extension").isEqualTo(3);
              JsonNode messageId = extension(issue, EXT_MESSAGE_ID);
              assertThat(messageId == null ? null : messageId.path("valueString").asText())
                  .as("message-id extension")
                  .isNotBlank();
            });
  }

  @Test
  void severalResultsGiveABundleOfOperationOutcomesMatchingTheJsonReport() throws IOException {
    CliSamplesSupport.ReportsRun reports = CliSamplesSupport.reports();
    JsonNode bundle = read(reports.file("taskcheck.operationoutcome.json"));
    JsonNode json = read(reports.file("taskcheck.json"));
    assertNoNullsOrEmpties(bundle, "Bundle");
    assertThat(bundle.path("resourceType").asText()).isEqualTo("Bundle");
    assertThat(bundle.path("type").asText()).isEqualTo("collection");

    List<JsonNode> results = results(json);
    assertThat(bundle.path("entry").size()).as("one entry per result").isEqualTo(results.size());
    int withExpression = 0;
    for (int k = 0; k < results.size(); k++) {
      JsonNode result = results.get(k);
      JsonNode oo = bundle.path("entry").get(k).path("resource");
      String where =
          "entry "
              + k
              + " ("
              + result.path("source").asText()
              + " "
              + result.path("location")
              + ")";
      assertThat(oo.path("resourceType").asText()).as(where).isEqualTo("OperationOutcome");
      List<JsonNode> expected = issues(result);
      JsonNode actual = oo.path("issue");
      if (expected.isEmpty()) {
        assertThat(actual)
            .as("%s: a clean result has one informational issue", where)
            .singleElement()
            .satisfies(i -> assertThat(i.path("severity").asText()).isEqualTo("information"));
        continue;
      }
      assertThat(actual.size()).as("%s: one issue per finding", where).isEqualTo(expected.size());
      for (int n = 0; n < expected.size(); n++) {
        JsonNode want = expected.get(n);
        JsonNode got = actual.get(n);
        String at = where + " issue " + n;
        assertThat(got.path("severity").asText())
            .as(at)
            .isEqualTo(want.path("severity").asText())
            .isIn(ISSUE_SEVERITIES);
        assertThat(got.path("code").asText()).as(at).isNotBlank();
        assertThat(intValue(extension(got, EXT_LINE)))
            .as("%s line", at)
            .isEqualTo(intOrNull(want.get("line")));
        assertThat(intValue(extension(got, EXT_COL)))
            .as("%s column", at)
            .isEqualTo(intOrNull(want.get("column")));
        JsonNode messageId = extension(got, EXT_MESSAGE_ID);
        assertThat(messageId == null ? null : messageId.path("valueString").asText())
            .as("%s message-id extension", at)
            .isIn(want.path("ruleId").asText(), want.path("messageId").asText());
        if (want.path("expression").isTextual()) {
          withExpression++;
          assertThat(got.path("expression"))
              .as("%s expression", at)
              .extracting(JsonNode::asText)
              .containsExactly(want.path("expression").asText());
        } else {
          assertThat(got.has("expression"))
              .as("%s: no expression when there is none", at)
              .isFalse();
        }
      }
    }
    assertThat(withExpression).as("issues with an expression were compared").isGreaterThan(10);
  }

  private static JsonNode read(Path file) throws IOException {
    assertThat(file).isRegularFile();
    return CliProcessSupport.parseJson(
        Files.readString(file, StandardCharsets.UTF_8), file.toString());
  }

  /** The extension with this url on a FHIR element, or null. */
  static @Nullable JsonNode extension(JsonNode element, String url) {
    JsonNode found = null;
    for (JsonNode e : element.path("extension")) {
      if (e.path("url").asText().equals(url)) {
        assertThat(found).as("extension %s occurs once", url).isNull();
        found = e;
      }
    }
    return found;
  }

  private static @Nullable Integer intValue(@Nullable JsonNode extension) {
    return extension == null ? null : extension.path("valueInteger").asInt();
  }
}
