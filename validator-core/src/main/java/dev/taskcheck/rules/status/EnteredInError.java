package dev.taskcheck.rules.status;

import static dev.taskcheck.rules.RuleBasis.TEXT;
import static dev.taskcheck.rules.RuleCategory.STATUS;

import dev.taskcheck.fhir.TaskStatus;
import dev.taskcheck.fhir.TaskView;
import dev.taskcheck.model.FhirRelease;
import dev.taskcheck.model.Severity;
import dev.taskcheck.rules.MessageKey;
import dev.taskcheck.rules.Rule;
import dev.taskcheck.rules.RuleContext;
import dev.taskcheck.rules.TaskRule;

/**
 * Task.status is a modifier: entered-in-error means the Task is not to be treated as valid. Says
 * so, and the progress rules skip such a Task.
 */
@TaskRule(
    id = "status-10",
    versions = {FhirRelease.STU3, FhirRelease.R4, FhirRelease.R4B, FhirRelease.R5},
    category = STATUS,
    severity = Severity.INFORMATION,
    basis = TEXT,
    summary = "An entered-in-error Task is not to be treated as valid; progress rules skip it")
public final class EnteredInError implements Rule {

  @MessageKey static final String SKIPPED = "skipped";

  @Override
  public void check(TaskView task, RuleContext ctx) {
    if (task.statusIs(TaskStatus.ENTERED_IN_ERROR)) {
      ctx.report("Task.status", SKIPPED);
    }
  }
}
