package dev.taskcheck.rules.au;

import static dev.taskcheck.rules.RuleBasis.IG;
import static dev.taskcheck.rules.RuleCategory.AU;

import dev.taskcheck.fhir.TaskView;
import dev.taskcheck.model.RuleSet;
import dev.taskcheck.model.Severity;
import dev.taskcheck.rules.MessageKey;
import dev.taskcheck.rules.Rule;
import dev.taskcheck.rules.RuleContext;
import dev.taskcheck.rules.TaskRule;
import dev.taskcheck.rules.WorkflowStatus;

/**
 * AU eRequesting binds Task.status to its AU eRequesting Task Status value set (no draft, ready or
 * entered-in-error). The allowed statuses are read from the state machine in force ({@code
 * au-erequesting-r4} by default, or a table the user brings), not written here.
 */
@TaskRule(
    id = "au-1",
    category = AU,
    severity = Severity.ERROR,
    basis = IG,
    ruleSets = RuleSet.AU_EREQUESTING,
    summary = "The Task's status is one the AU eRequesting workflow uses")
public final class AuStatus implements Rule {

  @MessageKey static final String NOT_USED = "notUsed";

  @Override
  public void check(TaskView task, RuleContext ctx) {
    WorkflowStatus.check(task, ctx, NOT_USED);
  }
}
