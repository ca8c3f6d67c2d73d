package dev.taskcheck.rules.hrex;

import static dev.taskcheck.rules.RuleBasis.IG;
import static dev.taskcheck.rules.RuleCategory.HREX;

import dev.taskcheck.fhir.TaskView;
import dev.taskcheck.model.RuleSet;
import dev.taskcheck.model.Severity;
import dev.taskcheck.rules.MessageKey;
import dev.taskcheck.rules.Rule;
import dev.taskcheck.rules.RuleContext;
import dev.taskcheck.rules.TaskRule;
import dev.taskcheck.rules.WorkflowStatus;

/**
 * HRex binds Task.status to its own value set (requested, accepted, rejected, in-progress, failed,
 * completed, on-hold). The allowed statuses are read from the state machine in force ({@code
 * hrex-r4} by default, or a table the user brings), not written here.
 */
@TaskRule(
    id = "hrex-1",
    category = HREX,
    severity = Severity.ERROR,
    basis = IG,
    ruleSets = RuleSet.HREX,
    summary = "The Task's status is one the HRex workflow uses")
public final class HrexStatus implements Rule {

  @MessageKey static final String NOT_USED = "notUsed";

  @Override
  public void check(TaskView task, RuleContext ctx) {
    WorkflowStatus.check(task, ctx, NOT_USED);
  }
}
