package dev.taskcheck.cli;

import static dev.taskcheck.cli.CliProcessSupport.taskcheck;
import static dev.taskcheck.cli.CliProcessSupport.workDirectory;
import static dev.taskcheck.cli.CliReportSupport.assertNoStackTrace;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.taskcheck.cli.CliProcessSupport.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Rule sets, per-rule overrides, suppressions and the rule configuration, from the command line,
 * against the real jar: one Task with a status-4 warning (an open Task with an end) and a status-8
 * information (two partOf), and one whose lastModified is 10 minutes after --now (date-6 with the
 * default 5-minute skew).
 */
class RuleOptionsIT {

  private static final String NOW = "2024-01-10T09:50:00Z";
  private static Path dir;
  private static Path task;
  private static Path future;

  @BeforeAll
  static void writeInputs() throws IOException {
    dir = workDirectory("rule-options");
    task = dir.resolve("task.json");
    Files.writeString(
        task,
        """
        {
          "resourceType": "Task",
          "id": "ro-1",
          "text": {"status": "generated", "div": "<div xmlns=\\"http://www.w3.org/1999/xhtml\\"><p>Draw blood</p></div>"},
          "partOf": [{"reference": "Task/parent-1"}, {"reference": "Task/parent-2"}],
          "status": "in-progress",
          "intent": "order",
          "code": {"coding": [{"system": "http://hl7.org/fhir/CodeSystem/task-code", "code": "fulfill"}]},
          "for": {"reference": "Patient/pat-1"},
          "authoredOn": "2024-01-10T08:00:00Z",
          "lastModified": "2024-01-10T09:00:00Z",
          "owner": {"reference": "Organization/lab-1"},
          "executionPeriod": {"start": "2024-01-10T08:30:00Z", "end": "2024-01-10T08:45:00Z"}
        }
        """);
    future = dir.resolve("future.json");
    Files.writeString(
        future,
        Files.readString(task)
            .replace(
                "\"partOf\": [{\"reference\": \"Task/parent-1\"}, {\"reference\": \"Task/parent-2\"}],",
                "")
            .replace(", \"end\": \"2024-01-10T08:45:00Z\"", "")
            .replace(
                "\"lastModified\": \"2024-01-10T09:00:00Z\"",
                "\"lastModified\": \"2024-01-10T10:00:00Z\""));
  }

  private static CliRun validate(String... options) {
    return validate(task, options);
  }

  private static CliRun validate(Path input, String... options) {
    List<String> args =
        new ArrayList<>(
            List.of("validate", "--format", "json", "--now", NOW, "--fhir-version", "R4"));
    args.addAll(List.of(options));
    args.add(input.toString());
    CliRun run = taskcheck(args).timeout(CliProcessSupport.VALIDATING).run();
    assertNoStackTrace(run);
    return run;
  }

  private static Set<String> findings(CliRun run) {
    Set<String> out = new TreeSet<>();
    for (JsonNode r : run.json().path("results")) {
      for (JsonNode i : r.path("issues")) {
        out.add(
            i.path("ruleId").asText()
                + " "
                + i.path("severity").asText()
                + " "
                + i.path("expression").asText());
      }
    }
    return out;
  }

  @Test
  void recommendedIsTheDefault() {
    CliRun run = validate();
    assertThat(run.exitCode()).as(run.describe()).isZero();
    assertThat(run.json().path("ruleSet").asText()).isEqualTo("recommended");
    assertThat(findings(run))
        .containsExactly("status-4 warning Task", "status-8 information Task.partOf[1]");
  }

  @Test
  void strictRaisesWarningsToErrors() {
    CliRun run = validate("--rule-set", "strict");
    assertThat(run.exitCode()).as(run.describe()).isEqualTo(1);
    assertThat(run.json().path("ruleSet").asText()).isEqualTo("strict");
    assertThat(findings(run))
        .containsExactly("status-4 error Task", "status-8 information Task.partOf[1]");
  }

  @Test
  void coreKeepsOnlySpecificationRules() {
    CliRun run = validate("--rule-set", "core");
    assertThat(run.exitCode()).as(run.describe()).isZero();
    assertThat(findings(run)).isEmpty();
  }

  @Test
  void ruleOverridesSwitchOffAndRegrade() {
    CliRun run = validate("--rule", "status-4=off", "--rule", "status-8=error");
    assertThat(run.exitCode()).as(run.describe()).isEqualTo(1);
    assertThat(findings(run)).containsExactly("status-8 error Task.partOf[1]");
  }

  @Test
  void anOverrideSwitchesOnARuleTheRuleSetLeavesOut() {
    CliRun run = validate("--rule-set", "core", "--rule", "status-4=warning");
    assertThat(findings(run)).containsExactly("status-4 warning Task");
  }

  @Test
  void anUnknownRuleIdIsAUsageError() {
    CliRun run = validate("--rule", "status-99=off");
    assertThat(run.exitCode()).as(run.describe()).isEqualTo(2);
    assertThat(run.stderr()).contains("status-99");
    CliRun level = validate("--rule", "status-4=loud");
    assertThat(level.exitCode()).as(level.describe()).isEqualTo(2);
    assertThat(level.stderr()).contains("loud");
  }

  @Test
  void aSuppressionRemovesTheFindingAndTheReportSaysWhy() throws IOException {
    Path file = dir.resolve("suppressions.json");
    Files.writeString(
        file,
        """
        {"suppressions": [
          {"rule": "status-4", "expression": "Task", "reason": "end is set by the LIS before completion",
           "expires": "2099-12-31"}
        ]}
        """);
    CliRun run = validate("--suppressions", file.toString());
    assertThat(run.exitCode()).as(run.describe()).isZero();
    assertThat(findings(run)).containsExactly("status-8 information Task.partOf[1]");
    assertThat(run.json().path("summary").path("suppressed").asInt()).isEqualTo(1);
    JsonNode s = run.json().path("results").get(0).path("suppressed").get(0);
    assertThat(s.path("reason").asText()).isEqualTo("end is set by the LIS before completion");
    assertThat(s.path("suppression").asText()).isEqualTo("suppressions.json:2");
    assertThat(s.path("issue").path("ruleId").asText()).isEqualTo("status-4");
    assertThat(s.path("issue").path("expression").asText()).isEqualTo("Task");
  }

  @Test
  void anExpiredSuppressionNoLongerAppliesAndSaysSo() throws IOException {
    Path file = dir.resolve("expired-suppressions.json");
    Files.writeString(
        file,
        """
        {"suppressions": [{"rule": "status-8", "expression": "*", "reason": "legacy", "expires": "2020-01-01"},
                          {"rule": "status-4", "expression": "Task", "reason": "old exception", "expires": "2023-12-31"}]}
        """);
    CliRun run = validate("--suppressions", file.toString());
    assertThat(findings(run))
        .containsExactly("status-4 warning Task", "status-8 information Task.partOf[1]");
    assertThat(run.json().path("summary").path("suppressed").asInt()).isZero();
    assertThat(run.stderr()).contains("expired-suppressions.json:2", "expired on 2023-12-31");
  }

  @Test
  void aSuppressionWithoutAReasonIsASetupErrorNamingTheLine() throws IOException {
    Path file = dir.resolve("no-reason.json");
    Files.writeString(
        file, "{\"suppressions\": [\n  {\"rule\": \"status-4\", \"expression\": \"Task\"}\n]}\n");
    CliRun run = validate("--suppressions", file.toString());
    assertThat(run.exitCode()).as(run.describe()).isEqualTo(2);
    assertThat(run.stderr()).contains("no-reason.json:2", "reason");
  }

  @Test
  void theConfigurationSetsTheClockSkew() throws IOException {
    CliRun strictClock = validate(future);
    assertThat(findings(strictClock)).containsExactly("date-6 warning Task.lastModified");
    Path config = dir.resolve("config.json");
    Files.writeString(config, "{\"clockSkew\": \"PT1H\"}\n");
    CliRun relaxed = validate(future, "--config", config.toString());
    assertThat(relaxed.exitCode()).as(relaxed.describe()).isZero();
    assertThat(findings(relaxed)).isEmpty();
  }

  @Test
  void aBadConfigurationIsASetupErrorNamingFileAndLine() throws IOException {
    Path config = dir.resolve("bad-config.json");
    Files.writeString(config, "{\n  \"progress\": {\"overDelivery\": true}\n}\n");
    CliRun run = validate("--config", config.toString());
    assertThat(run.exitCode()).as(run.describe()).isEqualTo(2);
    assertThat(run.stderr()).contains("bad-config.json:2", "overDelivery");
  }

  @Test
  void theCatalogListsEveryRuleWithItsKind() {
    CliRun run = taskcheck("rules", "--format", "json").timeout(CliProcessSupport.QUICK).run();
    assertThat(run.exitCode()).as(run.describe()).isZero();
    Set<String> profile = new TreeSet<>();
    Set<String> java = new TreeSet<>();
    for (JsonNode r : run.json().path("rules")) {
      assertThat(r.path("name").asText()).isNotBlank();
      assertThat(r.path("summary").asText()).isNotBlank();
      assertThat(r.path("versions")).isNotEmpty();
      switch (r.path("kind").asText()) {
        case "profile" -> profile.add(r.path("id").asText());
        case "java" -> java.add(r.path("id").asText());
        default -> {}
      }
    }
    assertThat(profile).contains("status-1", "failure-2", "progress-1");
    assertThat(java)
        .contains(
            "date-1",
            "date-2",
            "progress-5",
            "progress-10",
            "transition-1",
            "transition-15",
            "failure-1",
            "transition-16",
            "cow-1",
            "hrex-1",
            "au-2");
    // RULES.md v1: 33 single-Task rules (failure-1 and failure-6 are 1.4.0's), 16 transition rules
    // (transition-16 is 1.4.0's), 7 IG-set rules
    assertThat(profile.size() + java.size()).isEqualTo(56);
  }
}
