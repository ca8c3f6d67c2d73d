package dev.taskcheck.rules.cow;

import static dev.taskcheck.rules.RuleBasis.IG;
import static dev.taskcheck.rules.RuleCategory.COW;

import dev.taskcheck.fhir.TaskView;
import dev.taskcheck.model.RuleSet;
import dev.taskcheck.model.Severity;
import dev.taskcheck.rules.MessageKey;
import dev.taskcheck.rules.Rule;
import dev.taskcheck.rules.RuleContext;
import dev.taskcheck.rules.TaskRule;

/**
 * COW's "fulfiller awaiting information" state: businessStatus awaiting-information, with
 * statusReason saying what information is needed, so the placer can supply it.
 */
@TaskRule(
    id = "cow-4",
    category = COW,
    severity = Severity.WARNING,
    basis = IG,
    ruleSets = RuleSet.COW,
    summary = "A Task with businessStatus awaiting-information says what is needed in statusReason")
public final class AwaitingInformationHasReason implements Rule {

  @MessageKey static final String NO_REASON = "noReason";

  @Override
  public void check(TaskView task, RuleContext ctx) {
    if (!task.hasStatusReason() && CowTasks.hasBusinessStatus(task, "awaiting-information")) {
      ctx.report("Task", NO_REASON);
    }
  }
}
