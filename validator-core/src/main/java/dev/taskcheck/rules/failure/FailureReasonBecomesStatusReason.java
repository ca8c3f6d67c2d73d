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
 * The same Tasks as failure-1, told how the later releases read them: STU3 renamed {@code
 * failureReason} to {@code statusReason}, which applies to the current status whatever it is, and
 * dropped inv-2. A 1.4.0 Task with a failureReason and another status is most likely one written
 * with the later meaning in mind; migrated, it keeps the value as {@code statusReason}.
 */
@TaskRule(
    id = "failure-6",
    versions = {FhirRelease.V1_4_0},
    category = FAILURE,
    severity = Severity.WARNING,
    basis = SPEC,
    summary = "A failureReason on a Task that has not failed, read as STU3+ does (as statusReason)")
public final class FailureReasonBecomesStatusReason implements Rule {

  @MessageKey static final String MAPPED = "mapped";

  @Override
  public void check(TaskView task, RuleContext ctx) {
    Located<FhirElement> reason = FailureReasons.onTaskNotFailed(task);
    if (reason != null) {
      ctx.report(reason.expression(), MAPPED, task.status());
    }
  }
}
