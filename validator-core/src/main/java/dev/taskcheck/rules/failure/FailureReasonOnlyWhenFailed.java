package dev.taskcheck.rules.failure;

import static dev.taskcheck.rules.RuleBasis.SPEC;
import static dev.taskcheck.rules.RuleCategory.FAILURE;

import dev.taskcheck.fhir.FhirElement;
import dev.taskcheck.fhir.Located;
import dev.taskcheck.fhir.TaskView;
import dev.taskcheck.model.FhirRelease;
import dev.taskcheck.model.Severity;
import dev.taskcheck.rules.MessageKey;
import dev.taskcheck.rules.Rule;
import dev.taskcheck.rules.RuleContext;
import dev.taskcheck.rules.TaskRule;

/**
 * FHIR 1.4.0's inv-2, {@code failureReason.empty() or status = 'failed'}: "A Failure reason may be
 * present only when a task has failed". The rule replaces the base invariant so that a Task gets
 * one finding for it, under a catalog id; a Task without a status is the structure stage's.
 */
@TaskRule(
    id = "failure-1",
    versions = {FhirRelease.V1_4_0},
    category = FAILURE,
    severity = Severity.ERROR,
    basis = SPEC,
    replaces = "inv-2",
    summary =
        "1.4.0's inv-2: a failureReason only when the Task has failed (replaces the base inv-2)")
public final class FailureReasonOnlyWhenFailed implements Rule {

  @MessageKey static final String NOT_FAILED = "notFailed";

  @Override
  public void check(TaskView task, RuleContext ctx) {
    Located<FhirElement> reason = FailureReasons.onTaskNotFailed(task);
    if (reason != null) {
      ctx.report(reason.expression(), NOT_FAILED, task.status());
    }
  }
}
