package dev.taskcheck.rules.transition;

import static dev.taskcheck.FhirRelease.R4;
import static dev.taskcheck.FhirRelease.R4B;
import static dev.taskcheck.FhirRelease.R5;
import static dev.taskcheck.rules.RuleBasis.BP;
import static dev.taskcheck.rules.RuleBasis.IG;
import static dev.taskcheck.rules.RuleBasis.TEXT;
import static dev.taskcheck.rules.RuleCategory.TRANSITION;

import dev.taskcheck.Severity;
import dev.taskcheck.fhir.StateMachine;
import dev.taskcheck.fhir.TaskHistory;
import dev.taskcheck.fhir.TaskStatus;
import dev.taskcheck.fhir.TaskVersion;
import dev.taskcheck.rules.TaskRule;
import dev.taskcheck.rules.TransitionContext;
import dev.taskcheck.rules.TransitionRule;
import java.util.List;

/** executionPeriod.start is the "time action was first taken": once set it stays. */
@TaskRule(id = "transition-10", name = "ExecutionStartUnchanged", category = TRANSITION, severity = Severity.WARNING,
    versions = {R4, R4B, R5}, basis = TEXT, since = "0.1.0",
    summary = "executionPeriod.start does not change once set")
public final class ExecutionStartUnchanged implements TransitionRule {

  @Override
  public void check(TaskHistory history, TransitionContext ctx) {
    List<TaskVersion> v = history.versions();
    for (int i = 1; i < v.size(); i++) {
      TaskVersion prev = v.get(i - 1);
      TaskVersion cur = v.get(i);
      if (!Versions.enteredInError(prev, cur) && Versions.changed(prev.executionStart(), cur.executionStart())) {
        ctx.report(cur, "Task.executionPeriod.start", "changed", prev.executionStart(),
            cur.executionStart() == null ? "(removed)" : cur.executionStart());
      }
    }
  }
}
