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
 * A terminal status is final: the spec allows leaving one only as something "some workflows may
 * support".
 */
@TaskRule(
    id = "transition-2",
    versions = {
      FhirRelease.V1_4_0,
      FhirRelease.STU3,
      FhirRelease.R4,
      FhirRelease.R4B,
      FhirRelease.R5
    },
    category = TRANSITION,
    severity = Severity.WARNING,
    basis = TEXT,
    summary = "A Task leaves a terminal status (completed, failed, cancelled, rejected)")
public final class LeavesTerminalStatus implements TransitionRule {

  @MessageKey static final String LEFT = "left";

  @Override
  public void check(TaskHistory history, TransitionContext ctx) {
    for (Versions.StatusChange c : Versions.statusChanges(history.versions())) {
      if (c.from() != TaskStatus.ENTERED_IN_ERROR
          && c.to() != TaskStatus.ENTERED_IN_ERROR
          && ctx.stateMachine(c.cur()).isTerminal(c.from())) {
        ctx.report(c.cur(), "Task.status", LEFT, c.from(), c.to());
      }
    }
  }
}
