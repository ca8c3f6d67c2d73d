package dev.taskcheck.rules.au;

import static dev.taskcheck.model.FhirRelease.R4;
import static dev.taskcheck.model.FhirRelease.R4B;
import static dev.taskcheck.model.FhirRelease.R5;
import static dev.taskcheck.rules.RuleBasis.IG;
import static dev.taskcheck.rules.RuleCategory.AU;

import dev.taskcheck.model.Severity;
import dev.taskcheck.fhir.StateMachine;
import dev.taskcheck.fhir.TaskStatus;
import dev.taskcheck.fhir.TaskView;
import dev.taskcheck.rules.Rule;
import dev.taskcheck.rules.RuleContext;
import dev.taskcheck.rules.TaskRule;

/**
 * AU eRequesting binds Task.status to its AU eRequesting Task Status value set (no draft, ready or
 * entered-in-error). The allowed statuses are read from the state machine in force
 * ({@code au-erequesting-r4} by default, or a table the user brings), not written here.
 */
@TaskRule(id = "au-1", name = "AuStatus", category = AU, severity = Severity.ERROR,
    versions = {R4, R4B, R5}, basis = IG, since = "0.1.0", ruleSets = "au-erequesting",
    summary = "The Task's status is one the AU eRequesting workflow uses")
public final class AuStatus implements Rule {

  @Override
  public void check(TaskView task, RuleContext ctx) {
    TaskStatus status = task.status();
    StateMachine machine = ctx.stateMachine();
    if (status != null && !machine.uses(status)) {
      ctx.report("Task.status", "notUsed", status, machine.name());
    }
  }
}
