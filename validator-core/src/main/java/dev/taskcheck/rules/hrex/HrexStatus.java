package dev.taskcheck.rules.hrex;

import static dev.taskcheck.model.FhirRelease.R4;
import static dev.taskcheck.model.FhirRelease.R4B;
import static dev.taskcheck.model.FhirRelease.R5;
import static dev.taskcheck.rules.RuleBasis.IG;
import static dev.taskcheck.rules.RuleCategory.HREX;

import dev.taskcheck.model.Severity;
import dev.taskcheck.fhir.StateMachine;
import dev.taskcheck.fhir.TaskStatus;
import dev.taskcheck.fhir.TaskView;
import dev.taskcheck.rules.Rule;
import dev.taskcheck.rules.RuleContext;
import dev.taskcheck.rules.TaskRule;

/**
 * HRex binds Task.status to its own value set (requested, accepted, rejected, in-progress, failed,
 * completed, on-hold). The allowed statuses are read from the state machine in force ({@code hrex-r4} by
 * default, or a table the user brings), not written here.
 */
@TaskRule(id = "hrex-1", name = "HrexStatus", category = HREX, severity = Severity.ERROR,
    versions = {R4, R4B, R5}, basis = IG, since = "0.1.0", ruleSets = "hrex",
    summary = "The Task's status is one the HRex workflow uses")
public final class HrexStatus implements Rule {

  @Override
  public void check(TaskView task, RuleContext ctx) {
    TaskStatus status = task.status();
    StateMachine machine = ctx.stateMachine();
    if (status != null && !machine.uses(status)) {
      ctx.report("Task.status", "notUsed", status, machine.name());
    }
  }
}
