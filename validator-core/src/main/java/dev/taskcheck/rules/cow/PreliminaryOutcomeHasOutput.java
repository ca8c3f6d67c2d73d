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
 * COW's workflow-state overview shows "preliminary fulfillment" as an in-progress coordination Task
 * with businessStatus preliminary and 1..* output: the preliminary result itself.
 */
@TaskRule(
    id = "cow-3",
    category = COW,
    severity = Severity.WARNING,
    basis = IG,
    ruleSets = RuleSet.COW,
    summary = "A Task with businessStatus preliminary-outcome has at least one output")
public final class PreliminaryOutcomeHasOutput implements Rule {

  @MessageKey static final String NO_OUTPUT = "noOutput";

  @Override
  public void check(TaskView task, RuleContext ctx) {
    if (task.outputs().isEmpty() && CowTasks.hasBusinessStatus(task, "preliminary-outcome")) {
      ctx.report("Task", NO_OUTPUT);
    }
  }
}
