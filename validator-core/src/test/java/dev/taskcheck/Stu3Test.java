package dev.taskcheck;

import static dev.taskcheck.ReleaseResults.assertNotCheckedByTheFastEngine;
import static dev.taskcheck.ReleaseResults.findings;
import static dev.taskcheck.ReleaseResults.only;
import static org.assertj.core.api.Assertions.assertThat;

import dev.taskcheck.model.EngineChoice;
import dev.taskcheck.model.FhirRelease;
import dev.taskcheck.model.Issue;
import dev.taskcheck.model.Result;
import org.junit.jupiter.api.Test;

/**
 * STU3 end to end: detected by its own elements, checked by the reference engine against the STU3
 * core definitions, the Java rules that declare STU3 run; the fast engine has no STU3 plan, so
 * {@code auto} hands STU3 documents to the reference engine and {@code fast} says it did not check
 * them.
 */
class Stu3Test {

  /**
   * A completed STU3 Task whose lastModified is an hour before authoredOn, based on a
   * ProcedureRequest.
   */
  private static final String TASK =
      """
      {
        "resourceType": "Task",
        "id": "stu3-1",
        "basedOn": [{"reference": "ProcedureRequest/pr-1"}],
        "status": "completed",
        "intent": "order",
        "context": {"reference": "Encounter/e-1"},
        "authoredOn": "2024-01-10T10:00:00Z",
        "lastModified": "2024-01-10T09:00:00Z",
        "executionPeriod": {"start": "2024-01-10T09:30:00Z", "end": "2024-01-10T09:45:00Z"},
        "requester": {"agent": {"reference": "Practitioner/p-1"}},
        "owner": {"reference": "Organization/o-1"},
        "reason": {"text": "follow-up"},
        "output": [{"type": {"text": "report"}, "valueString": "done"}]
      }
      """;

  @Test
  void autoDetectsStu3AndTheReferenceEngineChecksIt() {
    Result r = only(TaskCheck.builder().build().validateText(TASK, "stu3.json"));
    assertThat(r.fhirVersion()).isEqualTo(FhirRelease.STU3);
    assertThat(r.fhirVersionReason())
        .isEqualTo(
            "elements Task.context, Task.requester.agent, Task.reason.coding exist only in STU3");
    assertThat(r.engine()).isEqualTo(Result.ENGINE_REFERENCE);
    // date-1 replaces STU3's inv-1 as it does R4's: one finding, not two; the reference to an STU3
    // resource type R4 no longer has (ProcedureRequest) is not "looks incorrect" in STU3's context
    assertThat(findings(r))
        .containsExactly(
            "date-1 error Task.lastModified",
            "date-3 warning Task.executionPeriod.start",
            "date-4 warning Task.lastModified");
  }

  @Test
  void readAsR4TheStu3ElementsAreUnknown() {
    Result r =
        only(
            TaskCheck.builder()
                .fhirVersion(FhirRelease.R4)
                .build()
                .validateText(TASK, "stu3.json"));
    assertThat(r.issues())
        .filteredOn(i -> i.ruleId().equals("structure-unknown-element"))
        .extracting(Issue::expression)
        .containsExactlyInAnyOrder("Task.context", "Task.reason", "Task.requester.agent");
  }

  @Test
  void theFastEngineSaysItDidNotCheckAnStu3Task() {
    Result r =
        only(
            TaskCheck.builder()
                .engine(EngineChoice.FAST)
                .fhirVersion(FhirRelease.STU3)
                .build()
                .validateText(TASK, "stu3.json"));
    assertNotCheckedByTheFastEngine(r);
  }
}
