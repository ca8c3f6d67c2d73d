package dev.taskcheck.rules.failure;

import static dev.taskcheck.fhir.TaskStatus.ACCEPTED;
import static dev.taskcheck.fhir.TaskStatus.DRAFT;
import static dev.taskcheck.fhir.TaskStatus.IN_PROGRESS;
import static dev.taskcheck.fhir.TaskStatus.READY;
import static dev.taskcheck.fhir.TaskStatus.REQUESTED;
import static dev.taskcheck.rules.RuleBasis.TEXT;
import static dev.taskcheck.rules.RuleCategory.FAILURE;

import dev.taskcheck.fhir.TaskView;
import dev.taskcheck.model.FhirRelease;
import dev.taskcheck.model.Severity;
import dev.taskcheck.rules.MessageKey;
import dev.taskcheck.rules.Rule;
import dev.taskcheck.rules.RuleContext;
import dev.taskcheck.rules.TaskRule;

/**
 * statusReason "applies to the current status": on a Task that is simply moving along (draft,
 * requested, accepted, ready, in-progress) it is usually left over from an earlier status.
 */
@TaskRule(
    id = "failure-5",
    versions = {FhirRelease.STU3, FhirRelease.R4, FhirRelease.R4B, FhirRelease.R5},
    category = FAILURE,
    severity = Severity.INFORMATION,
    basis = TEXT,
    summary =
        "A statusReason on a draft, requested, accepted, ready or in-progress Task may be stale")
public final class StatusReasonOnActiveTask implements Rule {

  @MessageKey static final String STALE = "stale";

  @Override
  public void check(TaskView task, RuleContext ctx) {
    if (task.hasStatusReason() && task.statusIs(DRAFT, REQUESTED, ACCEPTED, READY, IN_PROGRESS)) {
      ctx.report("Task.statusReason", STALE, task.status());
    }
  }
}
