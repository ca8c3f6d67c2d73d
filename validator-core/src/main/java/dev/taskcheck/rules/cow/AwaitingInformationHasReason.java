package dev.taskcheck.rules.cow;

import static dev.taskcheck.model.FhirRelease.R4;
import static dev.taskcheck.model.FhirRelease.R4B;
import static dev.taskcheck.model.FhirRelease.R5;
import static dev.taskcheck.rules.RuleBasis.IG;
import static dev.taskcheck.rules.RuleCategory.COW;

import dev.taskcheck.model.Severity;
import dev.taskcheck.fhir.TaskView;
import dev.taskcheck.rules.Rule;
import dev.taskcheck.rules.RuleContext;
import dev.taskcheck.rules.TaskRule;

/**
 * COW's "fulfiller awaiting information" state: businessStatus awaiting-information, with statusReason
 * saying what information is needed, so the placer can supply it.
 */
@TaskRule(id = "cow-4", name = "AwaitingInformationHasReason", category = COW, severity = Severity.WARNING,
    versions = {R4, R4B, R5}, basis = IG, since = "0.1.0", ruleSets = "cow",
    summary = "A Task with businessStatus awaiting-information says what is needed in statusReason")
public final class AwaitingInformationHasReason implements Rule {

  @Override
  public void check(TaskView task, RuleContext ctx) {
    if (!task.hasStatusReason() && CowTasks.hasBusinessStatus(task, "awaiting-information")) {
      ctx.report("Task", "noReason");
    }
  }
}
