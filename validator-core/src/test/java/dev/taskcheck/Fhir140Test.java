package dev.taskcheck;

import static dev.taskcheck.ReleaseResults.assertNotCheckedByTheFastEngine;
import static dev.taskcheck.ReleaseResults.findings;
import static dev.taskcheck.ReleaseResults.only;
import static org.assertj.core.api.Assertions.assertThat;

import dev.taskcheck.model.EngineChoice;
import dev.taskcheck.model.FhirRelease;
import dev.taskcheck.model.Issue;
import dev.taskcheck.model.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * FHIR 1.4.0 end to end: detected by its own elements, checked by the reference engine against the
 * 1.4.0 core definitions (converted to R5), its own rules run (failure-1 for inv-2, failure-6,
 * date-1 against {@code created}); read as R4, its elements are unknown.
 */
class Fhir140Test {

  /**
   * A completed 1.4.0 Task with a failureReason, whose lastModified is an hour before it was
   * created.
   */
  private static final String TASK =
      """
      {
        "resourceType": "Task",
        "id": "v140-1",
        "type": {"text": "Refill Request"},
        "priority": "normal",
        "status": "completed",
        "failureReason": {"text": "pharmacy closed"},
        "subject": {"reference": "Medication/m-1"},
        "for": {"reference": "Patient/p-1"},
        "created": "2016-03-10T10:00:00Z",
        "lastModified": "2016-03-10T09:00:00Z",
        "creator": {"reference": "Patient/p-1"},
        "owner": {"reference": "Practitioner/pr-1"},
        "output": [{"name": "note", "valueString": "done"}]
      }
      """;

  @Test
  void autoDetects140AndItsOwnRulesReplaceTheBaseInvariants() {
    Result r = only(TaskCheck.builder().build().validateText(TASK, "v140.json"));
    assertThat(r.fhirVersion()).isEqualTo(FhirRelease.V1_4_0);
    assertThat(r.fhirVersionReason())
        .isEqualTo(
            "elements Task.type, Task.failureReason, Task.subject and 2 more exist only in FHIR"
                + " 1.4.0");
    assertThat(r.engine()).isEqualTo(Result.ENGINE_REFERENCE);
    // failure-1 and date-1 replace 1.4.0's inv-2 and inv-1: one finding each, and no R4 errors
    assertThat(findings(r))
        .containsExactly(
            "date-1 error Task.lastModified",
            "failure-1 error Task.failureReason",
            "failure-6 warning Task.failureReason");
  }

  @Test
  void readAsR4TheElementsOnlyInFhir140AreUnknown() {
    Result r =
        only(
            TaskCheck.builder()
                .fhirVersion(FhirRelease.R4)
                .build()
                .validateText(TASK, "v140.json"));
    assertThat(r.issues())
        .filteredOn(i -> i.ruleId().equals("structure-unknown-element"))
        .extracting(Issue::expression)
        .containsExactlyInAnyOrder(
            "Task.type",
            "Task.failureReason",
            "Task.subject",
            "Task.created",
            "Task.creator",
            "Task.output[0].name");
  }

  /** The 1.4.0 spec's one Task example (its source form, XML). */
  private static final String EXAMPLE =
      TestData.root().resolve("corpus/spec-1.4.0/task-example.xml").toString();

  @Test
  void theSpecExampleIsDetectedAndCleanAs140() {
    Result r = only(TaskCheck.builder().build().validate(ValidationRequest.of(EXAMPLE)).results());
    assertThat(r.fhirVersion()).isEqualTo(FhirRelease.V1_4_0);
    assertThat(r.fhirVersionReason())
        .isEqualTo(
            "elements Task.type, Task.subject, Task.created and 1 more exist only in FHIR 1.4.0");
    // the spec's source has an empty div (the build filled it in for the published page): 1.4.0's
    // txt-2 ("some non-whitespace content") has an XPath and no FHIRPath expression, so no
    // validator evaluates it; R4's has one, and reports the same div
    assertThat(r.issues()).isEmpty();
  }

  @Test
  void theNarrativeIsCheckedAsXhtml() throws IOException {
    String scripted =
        Files.readString(Path.of(EXAMPLE))
            .replace(
                "<div xmlns=\"http://www.w3.org/1999/xhtml\"/>",
                "<div xmlns=\"http://www.w3.org/1999/xhtml\"><script>x()</script></div>");
    Result r = only(TaskCheck.builder().build().validateText(scripted, "task-example.xml"));
    assertThat(r.fhirVersion()).isEqualTo(FhirRelease.V1_4_0);
    assertThat(findings(r)).isNotEmpty().allMatch(f -> f.endsWith(" Task.text.div"));
  }

  @Test
  void theSpecExampleReadAsR4HasExactlyItsElementsOnlyIn140Unknown() {
    Result r =
        only(
            TaskCheck.builder()
                .fhirVersion(FhirRelease.R4)
                .build()
                .validate(ValidationRequest.of(EXAMPLE))
                .results());
    assertThat(r.issues())
        .filteredOn(i -> i.ruleId().equals("structure-unknown-element"))
        .extracting(Issue::expression)
        .containsExactlyInAnyOrder("Task.type", "Task.subject", "Task.created", "Task.creator");
  }

  @Test
  void theFastEngineSaysItDidNotCheckA140Task() {
    Result r =
        only(
            TaskCheck.builder()
                .engine(EngineChoice.FAST)
                .fhirVersion(FhirRelease.V1_4_0)
                .build()
                .validateText(TASK, "v140.json"));
    assertNotCheckedByTheFastEngine(r);
  }
}
