package dev.taskcheck.junit;

import static dev.taskcheck.junit.TaskCheckAssertions.assertThatTask;
import static dev.taskcheck.junit.TaskCheckAssertions.assertThatTransition;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.taskcheck.TaskCheck;
import dev.taskcheck.model.FhirRelease;
import dev.taskcheck.model.Severity;
import java.nio.file.Path;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.opentest4j.AssertionFailedError;

class TaskCheckAssertionsTest {

  private static final Path BROKEN = Samples.sample("broken-status-done.json");
  private static final Path NDJSON = Samples.sample("tasks-physiotherapy-course.ndjson");

  @Test
  void aValidFileAndItsTextPass() {
    assertThatTask(NDJSON).isValid().doesNotHaveIssue("structure-binding");
    assertThat(assertThatTask(NDJSON).results()).hasSize(5);
    String first = Samples.read(NDJSON).lines().findFirst().orElseThrow();
    assertThatTask(first).isValid();
  }

  @Test
  void anInvalidPayloadFailsNamingFileLineRuleAndExpression() {
    assertThatThrownBy(() -> assertThatTask(BROKEN).isValid())
        .isInstanceOf(AssertionFailedError.class)
        .hasMessageContaining("error or worse")
        .hasMessageMatching(
            "(?s).*broken-status-done\\.json:14:3 structure-binding error Task\\.status .*");
  }

  @Test
  void warningsCountOnlyFromTheirThreshold() {
    assertThatTask(NDJSON).hasNoIssuesAtLeast(Severity.ERROR);
    assertThatThrownBy(() -> assertThatTask(NDJSON).hasNoIssuesAtLeast(Severity.WARNING))
        .isInstanceOf(AssertionFailedError.class)
        .hasMessageContaining("warning or worse");
  }

  @Test
  void hasIssueNarrowsByExpressionSeverityAndLine() {
    assertThatTask(BROKEN)
        .hasIssue("structure-binding")
        .at("Task.status")
        .withSeverity(Severity.ERROR)
        .onLine(14)
        .and()
        .doesNotHaveIssue("progress-2");
    assertThatThrownBy(() -> assertThatTask(BROKEN).hasIssue("structure-binding").at("Task.intent"))
        .isInstanceOf(AssertionFailedError.class)
        .hasMessageContaining("at Task.intent")
        .hasMessageContaining("Task.status");
    assertThatThrownBy(() -> assertThatTask(BROKEN).hasIssue("progress-2"))
        .isInstanceOf(AssertionFailedError.class)
        .hasMessageContaining("Expected a progress-2 finding");
    assertThatThrownBy(() -> assertThatTask(BROKEN).doesNotHaveIssue("structure-binding"))
        .isInstanceOf(AssertionFailedError.class);
  }

  /** The progress-2 fixtures whose cases expect progress-2 on the numerator, under R4. */
  static Stream<String> progressFailures() {
    return Stream.of(
        "fail-negative.json",
        "fail-over-delivery.json",
        "fail-no-numerator-value.json",
        "fail-over-converted-units.json");
  }

  @ParameterizedTest
  @MethodSource("progressFailures")
  void ruleFixturesShowTheirRuleAtTheirExpression(String file) {
    TaskChecker checker =
        TaskChecker.configuredBy(
            () ->
                TaskCheck.builder()
                    .fhirVersion(FhirRelease.R4)
                    .now(Instant.parse("2025-06-01T12:00:00Z"))
                    .threads(1));
    Path fixture = Samples.testdata().resolve("fixtures/rules/progress-2/r4").resolve(file);
    checker
        .assertThatTask(fixture)
        .hasIssue("progress-2")
        .at("Task.output[0].value.ofType(Ratio).numerator")
        .withSeverity(Severity.ERROR);
  }

  private static final String REQUESTED =
      "{\"resourceType\":\"Task\",\"id\":\"t1\",\"meta\":{\"versionId\":\"1\"},"
          + "\"status\":\"requested\",\"intent\":\"order\"}";
  private static final String ACCEPTED =
      REQUESTED.replace("requested", "accepted").replace("\"1\"", "\"2\"");
  private static final String COMPLETED =
      REQUESTED.replace("requested", "completed").replace("\"1\"", "\"2\"");

  @Test
  void transitionsAreAllowedOrRefused() {
    assertThatTransition(REQUESTED, ACCEPTED).isAllowed();
    assertThatTransition(ACCEPTED, REQUESTED).isRefused();
    assertThatThrownBy(() -> assertThatTransition(ACCEPTED, REQUESTED).isAllowed())
        .isInstanceOf(AssertionFailedError.class)
        .hasMessageContaining("after:");
    assertThatThrownBy(() -> assertThatTransition(REQUESTED, "not fhir").isAllowed())
        .isInstanceOf(AssertionFailedError.class)
        .hasMessageContaining("cannot be checked");
    // requested to completed skips the edges of the default state machine
    assertThat(
            assertThatTransition(REQUESTED, COMPLETED)
                .isRefused()
                .hasIssue("transition-1")
                .issues())
        .extracting(i -> i.ruleId() + " " + i.severity().code() + " " + i.expression())
        .containsExactly("transition-1 error Task.status");
    assertThatThrownBy(() -> assertThatTransition(REQUESTED, ACCEPTED).hasIssue("transition-1"))
        .isInstanceOf(AssertionFailedError.class)
        .hasMessageContaining("Expected a transition-1 finding");
  }

  @Test
  void aMissingFileIsAFailureNotAnException() {
    assertThatThrownBy(() -> assertThatTask(Path.of("no/such/task.json")))
        .isInstanceOf(AssertionFailedError.class)
        .hasMessageContaining("No payload file");
  }

  @Test
  void isValidAgainstChecksTheProfileWhetherClaimedOrNot() {
    TaskChecker checker =
        TaskChecker.configuredBy(
            () ->
                TaskCheck.builder()
                    .fhirVersion(FhirRelease.R4)
                    .ig(Samples.testdata().resolve("ig-packages/dsf-base").toString())
                    .threads(1));
    String first = Samples.read(NDJSON).lines().findFirst().orElseThrow();
    checker.assertThatTask(first).isValid();
    assertThatThrownBy(
            () ->
                checker
                    .assertThatTask(first)
                    .isValidAgainst("http://dsf.dev/fhir/StructureDefinition/task"))
        .isInstanceOf(AssertionFailedError.class)
        .hasMessageContaining("valid against http://dsf.dev/fhir/StructureDefinition/task");
    assertThatThrownBy(
            () ->
                checker.assertThatTask(first).isValidAgainst("http://example.org/no-such-profile"))
        .isInstanceOf(AssertionFailedError.class)
        .hasMessageContaining("Cannot check against http://example.org/no-such-profile");
  }
}
