package dev.taskcheck.cli;

import static dev.taskcheck.cli.CliProcessSupport.taskcheck;
import static dev.taskcheck.cli.CliReportSupport.assertNoAnsi;
import static dev.taskcheck.cli.CliReportSupport.assertNoStackTrace;
import static dev.taskcheck.cli.CliReportSupport.assertUsageError;
import static dev.taskcheck.cli.CliReportSupport.fieldNames;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.taskcheck.cli.CliProcessSupport.CliRun;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The command line surface that needs no FHIR definitions: {@code --version}, {@code --help},
 * {@code validate --help}, {@code rules} (text and JSON), and every usage error (exit code 2, a
 * one-line message on standard error, nothing on standard output, no stack trace). Each launch here
 * takes well under a second: none of them validates a Task.
 */
class CommandLineUsageIT {

  /**
   * An existing input that needs no FHIR definitions, so a usage error is the only thing that can
   * go wrong.
   */
  private static final String INPUT = "testdata/bad-input/empty.json";

  @Test
  void versionPrintsTheToolVersion() {
    CliRun run = taskcheck("--version").timeout(CliProcessSupport.QUICK).run();
    assertThat(run.exitCode()).as(run.describe()).isZero();
    assertThat(run.stdoutLines()).as(run.describe()).isNotEmpty();
    assertThat(run.stdoutLines().get(0)).matches("taskcheck \\d+\\.\\d+\\.\\d+.*");
    assertThat(run.stderr()).isEmpty();
    assertNoAnsi(run);
  }

  @Test
  void helpListsTheCommandsAndExitCodes() {
    CliRun run = taskcheck("--help").timeout(CliProcessSupport.QUICK).run();
    assertThat(run.exitCode()).as(run.describe()).isZero();
    assertThat(run.stdout()).contains("validate", "rules", "--version", "--help");
    assertThat(run.stderr()).isEmpty();
    assertNoAnsi(run);
  }

  @Test
  void validateHelpListsEveryOptionOfTheContract() {
    CliRun run = taskcheck("validate", "--help").timeout(CliProcessSupport.QUICK).run();
    assertThat(run.exitCode()).as(run.describe()).isZero();
    assertThat(run.stdout())
        .contains(
            "--fhir-version",
            "1.4.0",
            "STU3",
            "R4",
            "R4B",
            "R5",
            "auto",
            "--rule-set",
            "core",
            "recommended",
            "strict",
            "--format",
            "text",
            "json",
            "operationoutcome",
            "--output",
            "--fail-on",
            "fatal",
            "error",
            "warning",
            "information",
            "none",
            "--now",
            "--quiet",
            "--debug",
            "<path>");
    assertThat(run.stderr()).isEmpty();
    assertNoAnsi(run);
  }

  @Test
  void rulesListsTheStructureIds() {
    CliRun run = taskcheck("rules").timeout(CliProcessSupport.QUICK).run();
    assertThat(run.exitCode()).as(run.describe()).isZero();
    assertThat(run.stdout()).contains(CliReportSupport.STRUCTURE_IDS);
    assertThat(run.stderr()).isEmpty();
    assertNoAnsi(run);
  }

  @Test
  void rulesAsJsonIsACatalogWithTheStructureIds() {
    CliRun run = taskcheck("rules", "--format", "json").timeout(CliProcessSupport.QUICK).run();
    assertThat(run.exitCode()).as(run.describe()).isZero();
    assertThat(run.stderr()).isEmpty();
    JsonNode json = run.json();
    assertThat(json.path("rules").isArray()).as("a rules array").isTrue();
    List<String> ids = new ArrayList<>();
    for (JsonNode rule : json.path("rules")) {
      assertThat(fieldNames(rule))
          .as("fields of %s", rule)
          .containsAll(Set.of("id", "name", "category", "severity", "versions", "summary", "kind"));
      for (String text : List.of("id", "name", "category", "summary", "kind")) {
        assertThat(rule.path(text).isTextual() && !rule.path(text).asText().isBlank())
            .as("%s of %s is a non-empty string", text, rule)
            .isTrue();
      }
      assertThat(rule.path("severity").asText()).isIn(CliReportSupport.SEVERITIES);
      assertThat(rule.path("versions").isArray() && rule.path("versions").size() > 0)
          .as("versions of %s is a non-empty array", rule)
          .isTrue();
      rule.path("versions")
          .forEach(v -> assertThat(v.asText()).isIn("1.4.0", "STU3", "R4", "R4B", "R5"));
      ids.add(rule.path("id").asText());
    }
    assertThat(ids).doesNotHaveDuplicates().containsAll(CliReportSupport.STRUCTURE_IDS);
    JsonNode parse = json.path("rules").get(ids.indexOf("structure-parse"));
    assertThat(parse.path("severity").asText()).isEqualTo("fatal");
    JsonNode unreadable = json.path("rules").get(ids.indexOf("input-unreadable"));
    assertThat(unreadable.path("severity").asText()).isEqualTo("fatal");
  }

  static Stream<Arguments> usageErrors() {
    return Stream.of(
        Arguments.of(List.of("validate"), List.of("<path>")),
        Arguments.of(List.of("--no-such-option"), List.of("--no-such-option")),
        Arguments.of(List.of("validate", "--no-such-option", INPUT), List.of("--no-such-option")),
        Arguments.of(
            List.of("validate", "--fail-on", "sometimes", INPUT),
            List.of("--fail-on", "sometimes")),
        Arguments.of(
            List.of("validate", "--fhir-version", "R3", INPUT), List.of("--fhir-version", "R3")),
        Arguments.of(
            List.of("validate", "--rule-set", "lenient", INPUT), List.of("--rule-set", "lenient")),
        Arguments.of(List.of("validate", "--format", "pdf", INPUT), List.of("--format", "pdf")),
        Arguments.of(
            List.of("validate", "--now", "yesterday", INPUT), List.of("--now", "yesterday")),
        Arguments.of(List.of("validate", "--now", "2026-13-45", INPUT), List.of("--now")),
        Arguments.of(List.of("validate", "--now", "2026-11-21T10:00", INPUT), List.of("--now")),
        Arguments.of(
            List.of("validate", "--quiet", "--debug", INPUT), List.of("--quiet", "--debug")),
        Arguments.of(
            List.of("validate", "--format", "json", "--format", "text", INPUT),
            List.of("--output")),
        Arguments.of(
            List.of("validate", "--format", "json,operationoutcome", INPUT), List.of("--output")),
        Arguments.of(List.of("rules", "--format", "xml"), List.of("xml")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("usageErrors")
  void usageErrorsExitWithTwoAndAOneLineMessage(List<String> args, List<String> mentions) {
    CliRun run = taskcheck(args).timeout(CliProcessSupport.QUICK).run();
    assertUsageError(run, false, mentions.toArray(String[]::new));
  }

  @Test
  void noArgumentsIsAUsageError() {
    CliRun run = taskcheck().timeout(CliProcessSupport.QUICK).run();
    // the bare command may print its usage before the message
    assertUsageError(run, true);
    assertNoStackTrace(run);
  }
}
