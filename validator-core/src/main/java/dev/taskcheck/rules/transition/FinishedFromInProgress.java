package dev.taskcheck.rules.transition;

import static dev.taskcheck.rules.RuleBasis.TEXT;
import static dev.taskcheck.rules.RuleCategory.TRANSITION;

import dev.taskcheck.fhir.TaskHistory;
import dev.taskcheck.fhir.TaskStatus;
import dev.taskcheck.model.FhirRelease;
import dev.taskcheck.model.Severity;
import dev.taskcheck.rules.MessageKey;
import dev.taskcheck.rules.TaskRule;
import dev.taskcheck.rules.TransitionContext;
import dev.taskcheck.rules.TransitionRule;

/**
 * FHIR 1.4.0's Task page: "upon normal completion, the task enters the Completed state", and "only
 * tasks that are in the In Process state might be allowed to be Completed or Failed". A Task that
 * reaches completed or failed from any other status skipped its work.
 */
@TaskRule(
    id = "transition-16",
    versions = {FhirRelease.V1_4_0},
    category = TRANSITION,
    severity = Severity.ERROR,
    basis = TEXT,
    summary = "1.4.0: a Task reaches completed or failed only from in-progress")
public final class FinishedFromInProgress implements TransitionRule {

  @MessageKey static final String SKIPPED = "skipped";

  @Override
  public void check(TaskHistory history, TransitionContext ctx) {
    for (Versions.StatusChange c : Versions.statusChanges(history.versions())) {
      if ((c.to() == TaskStatus.COMPLETED || c.to() == TaskStatus.FAILED)
          && c.from() != TaskStatus.IN_PROGRESS) {
        ctx.report(c.cur(), "Task.status", SKIPPED, c.from(), c.to());
      }
    }
  }
}
