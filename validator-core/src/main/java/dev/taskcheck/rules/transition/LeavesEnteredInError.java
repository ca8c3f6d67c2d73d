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

/** entered-in-error means the Task should never have existed: nothing follows it. */
@TaskRule(
    id = "transition-3",
    versions = {FhirRelease.STU3, FhirRelease.R4, FhirRelease.R4B, FhirRelease.R5},
    category = TRANSITION,
    severity = Severity.ERROR,
    basis = TEXT,
    summary = "A Task leaves entered-in-error")
public final class LeavesEnteredInError implements TransitionRule {

  @MessageKey static final String LEFT = "left";

  @Override
  public void check(TaskHistory history, TransitionContext ctx) {
    for (Versions.StatusChange c : Versions.statusChanges(history.versions())) {
      if (c.from() == TaskStatus.ENTERED_IN_ERROR) {
        ctx.report(c.cur(), "Task.status", LEFT, c.to());
      }
    }
  }
}
