package dev.taskcheck.rules.au;

import static dev.taskcheck.fhir.TaskStatus.CANCELLED;
import static dev.taskcheck.fhir.TaskStatus.FAILED;
import static dev.taskcheck.fhir.TaskStatus.ON_HOLD;
import static dev.taskcheck.fhir.TaskStatus.REJECTED;
import static dev.taskcheck.rules.RuleBasis.IG;
import static dev.taskcheck.rules.RuleCategory.AU;

import dev.taskcheck.fhir.TaskView;
import dev.taskcheck.model.RuleSet;
import dev.taskcheck.model.Severity;
import dev.taskcheck.rules.MessageKey;
import dev.taskcheck.rules.Rule;
import dev.taskcheck.rules.RuleContext;
import dev.taskcheck.rules.TaskRule;

/**
 * AU eRequesting's workflow guidance: statusReason explains a rejected, cancelled, on-hold or
 * failed Task, and, having no value set, is expected to carry a human-readable {@code
 * statusReason.text} (R5: {@code statusReason.concept.text}). A coding display alone does not count
 * here.
 */
@TaskRule(
    id = "au-2",
    category = AU,
    severity = Severity.WARNING,
    basis = IG,
    ruleSets = RuleSet.AU_EREQUESTING,
    summary = "A rejected, cancelled, on-hold or failed Task explains why in statusReason text")
public final class ReasonTextForStop implements Rule {

  @MessageKey static final String MISSING = "missing";
  @MessageKey static final String NO_TEXT = "noText";

  @Override
  public void check(TaskView task, RuleContext ctx) {
    if (!task.statusIs(REJECTED, CANCELLED, ON_HOLD, FAILED) || task.statusReasonText() != null) {
      return;
    }
    if (task.hasStatusReason()) {
      ctx.report("Task.statusReason", NO_TEXT, task.status());
    } else {
      ctx.report("Task", MISSING, task.status());
    }
  }
}
