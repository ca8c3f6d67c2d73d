package dev.taskcheck.cli;

import static dev.taskcheck.cli.CliProcessSupport.taskcheck;
import static dev.taskcheck.cli.CliReportSupport.assertNoStackTrace;
import static dev.taskcheck.cli.CliReportSupport.issues;
import static dev.taskcheck.cli.CliReportSupport.position;
import static dev.taskcheck.cli.CliReportSupport.resultsFor;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.taskcheck.cli.CliProcessSupport.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Per-document budgets through the real jar (issue 14, rows 5, 6, 11 and point 2): documents that
 * overflowed the stack or ran for minutes get one fatal each at the offending line:column, in one
 * run that goes on to a valid Task; the limits are CLI options.
 */
class DocumentLimitsIT {

  @TempDir Path tmp;

  private static final String TASK =
      "{\"resourceType\":\"Task\",\"status\":\"draft\",\"intent\":\"order\"";

  private static String nestedJsonExtensions(int n) {
    return TASK
        + ",\n"
        + "\"extension\":[{\"url\":\"http://e.org/x\",".repeat(n)
        + "\"valueString\":\"v\""
        + "}]".repeat(n)
        + "}";
  }

  private static String nestedXmlExtensions(int n) {
    return "<Task xmlns=\"http://hl7.org/fhir\"><status value=\"draft\"/><intent value=\"order\"/>\n"
        + "<extension url=\"http://e.org/x\">".repeat(n)
        + "<valueString value=\"v\"/>"
        + "</extension>".repeat(n)
        + "</Task>";
  }

  private static String nestedContained(int n) {
    StringBuilder b = new StringBuilder(TASK);
    for (int i = 0; i < n; i++) {
      b.append(",\n\"contained\":[").append(TASK).append(",\"id\":\"c").append(i).append('"');
    }
    return b.append("}]".repeat(n)).append("}").toString();
  }

  private static String manyKeys(int n) {
    StringBuilder b = new StringBuilder(TASK);
    for (int i = 0; i < n; i++) {
      b.append(",\n\"k").append(i).append("\":1");
    }
    return b.append("}").toString();
  }

  private Path write(String name, String text) throws IOException {
    return Files.writeString(tmp.resolve(name), text);
  }

  private static JsonNode onlyIssue(JsonNode report, String source) {
    List<JsonNode> results = resultsFor(report, source);
    assertThat(results).as(source).hasSize(1);
    List<JsonNode> issues = issues(results.get(0));
    assertThat(issues).as(source).hasSize(1);
    return issues.get(0);
  }

  @Test
  void overLimitDocumentsGetOneFatalEachAndTheRunGoesOn() throws IOException {
    write("ext240.json", nestedJsonExtensions(240));
    write("ext300.xml", nestedXmlExtensions(300));
    write("contained200.json", nestedContained(200));
    write("keys100k.json", manyKeys(100_000));
    write(
        "dup.json",
        "{\"resourceType\":\"Task\",\"status\":\"draft\",\n\"resourceType\":\"Patient\"}");
    write("valid.json", TASK + "}");
    CliRun run =
        taskcheck(
                "validate",
                "--format",
                "json",
                "ext240.json",
                "ext300.xml",
                "contained200.json",
                "keys100k.json",
                "dup.json",
                "valid.json")
            .in(tmp)
            .timeout(CliProcessSupport.VALIDATING)
            .run();
    assertThat(run.exitCode()).as(run.describe()).isEqualTo(1);
    assertNoStackTrace(run);
    JsonNode report = run.json();

    JsonNode depth = onlyIssue(report, "ext240.json");
    assertThat(depth.path("ruleId").asText()).isEqualTo("limit-depth");
    assertThat(depth.path("severity").asText()).isEqualTo("fatal");
    // the 50th extension's object is level 101: line 2, after 49 x 37 characters and "extension":[
    assertThat(position(depth)).isEqualTo("2:" + (49 * 37 + 14));

    JsonNode xml = onlyIssue(report, "ext300.xml");
    assertThat(xml.path("ruleId").asText()).isEqualTo("limit-depth");
    assertThat(position(xml)).isEqualTo("2:" + (99 * 32 + 1));

    JsonNode contained = onlyIssue(report, "contained200.json");
    assertThat(contained.path("ruleId").asText()).isEqualTo("limit-contained-depth");
    assertThat(position(contained)).isEqualTo("7:14");

    JsonNode keys = onlyIssue(report, "keys100k.json");
    assertThat(keys.path("ruleId").asText()).isEqualTo("limit-keys");
    // resourceType, status, intent, then k0 on line 2: k997 (line 999) is key 1001
    assertThat(position(keys)).isEqualTo("999:1");

    JsonNode dup = onlyIssue(report, "dup.json");
    assertThat(dup.path("ruleId").asText()).isEqualTo("structure-parse");
    assertThat(position(dup)).isEqualTo("2:1");

    List<JsonNode> valid = resultsFor(report, "valid.json");
    assertThat(valid).hasSize(1);
    assertThat(issues(valid.get(0)))
        .extracting(i -> i.path("severity").asText())
        .doesNotContain("fatal");
  }

  @Test
  void theLimitsAreOptions() throws IOException {
    write("ext10.json", nestedJsonExtensions(10));
    write("contained2.json", nestedContained(2));
    write("keys20.json", manyKeys(20));
    CliRun run =
        taskcheck(
                "validate",
                "--format",
                "json",
                "--engine",
                "fast",
                "--max-depth",
                "10",
                "--max-contained-depth",
                "1",
                "--max-keys",
                "10",
                "ext10.json",
                "contained2.json",
                "keys20.json")
            .in(tmp)
            .timeout(CliProcessSupport.VALIDATING)
            .run();
    assertThat(run.exitCode()).as(run.describe()).isEqualTo(1);
    JsonNode report = run.json();
    assertThat(onlyIssue(report, "ext10.json").path("ruleId").asText()).isEqualTo("limit-depth");
    assertThat(onlyIssue(report, "contained2.json").path("ruleId").asText())
        .isEqualTo("limit-contained-depth");
    assertThat(onlyIssue(report, "keys20.json").path("ruleId").asText()).isEqualTo("limit-keys");
  }

  @Test
  void aDepthAboveTheCeilingIsAUsageError() {
    CliRun run =
        taskcheck("validate", "--max-depth", "500", "x.json")
            .in(tmp)
            .timeout(CliProcessSupport.QUICK)
            .run();
    assertThat(run.exitCode()).as(run.describe()).isEqualTo(2);
    assertThat(run.stderr()).contains("--max-depth");
    assertNoStackTrace(run);
  }
}
