package dev.taskcheck.rules.transition;

import static dev.taskcheck.rules.RuleBasis.IG;
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
 * The spec's narrative lets a started Task be cancelled; COW and AU eRequesting ask for a separate
 * cancellation-request Task instead (an error in those rule sets).
 */
@TaskRule(
    id = "transition-4",
    versions = {FhirRelease.STU3, FhirRelease.R4, FhirRelease.R4B, FhirRelease.R5},
    category = TRANSITION,
    severity = Severity.WARNING,
    basis = IG,
    summary =
        "An in-progress Task is cancelled directly rather than through a cancellation request")
public final class InProgressCancelled implements TransitionRule {

  @MessageKey static final String CANCELLED = "cancelled";

  @Override
  public void check(TaskHistory history, TransitionContext ctx) {
    for (Versions.StatusChange c : Versions.statusChanges(history.versions())) {
      if (c.from() == TaskStatus.IN_PROGRESS && c.to() == TaskStatus.CANCELLED) {
        ctx.report(c.cur(), "Task.status", CANCELLED);
      }
    }
  }
}
