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
 * COW's workflow-state overview shows "preliminary fulfillment" as an in-progress coordination Task with
 * businessStatus preliminary and 1..* output: the preliminary result itself.
 */
@TaskRule(id = "cow-3", name = "PreliminaryOutcomeHasOutput", category = COW, severity = Severity.WARNING,
    versions = {R4, R4B, R5}, basis = IG, since = "0.1.0", ruleSets = "cow",
    summary = "A Task with businessStatus preliminary-outcome has at least one output")
public final class PreliminaryOutcomeHasOutput implements Rule {

  @Override
  public void check(TaskView task, RuleContext ctx) {
    if (task.outputs().isEmpty() && CowTasks.hasBusinessStatus(task, "preliminary-outcome")) {
      ctx.report("Task", "noOutput");
    }
  }
}
