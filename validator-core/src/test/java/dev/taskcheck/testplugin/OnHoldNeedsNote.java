package dev.taskcheck.testplugin;

import dev.taskcheck.fhir.TaskStatus;
import dev.taskcheck.fhir.TaskView;
import dev.taskcheck.model.Severity;
import dev.taskcheck.rules.MessageKey;
import dev.taskcheck.rules.Rule;
import dev.taskcheck.rules.RuleBasis;
import dev.taskcheck.rules.RuleCategory;
import dev.taskcheck.rules.RuleContext;
import dev.taskcheck.rules.TaskRule;

/**
 * A test plug-in rule (found only through {@code plugins/good}): a completed Task with no
 * statusReason.
 */
@TaskRule(
    id = "tp-1",
    category = RuleCategory.CUSTOM,
    severity = Severity.WARNING,
    basis = RuleBasis.BP,
    summary = "A completed Task says why in statusReason")
public final class OnHoldNeedsNote implements Rule {

  @MessageKey static final String NONE = "none";

  @Override
  public void check(TaskView task, RuleContext ctx) {
    if (task.statusIs(TaskStatus.COMPLETED) && !task.hasStatusReason()) {
      ctx.report("Task.status", NONE);
    }
  }
}
