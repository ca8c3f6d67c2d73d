package dev.taskcheck.rules.transition;

import static dev.taskcheck.model.FhirRelease.R4;
import static dev.taskcheck.model.FhirRelease.R4B;
import static dev.taskcheck.model.FhirRelease.R5;
import static dev.taskcheck.rules.RuleBasis.TEXT;
import static dev.taskcheck.rules.RuleCategory.TRANSITION;

import dev.taskcheck.model.Severity;
import dev.taskcheck.fhir.TaskHistory;
import dev.taskcheck.fhir.TaskVersion;
import dev.taskcheck.rules.TaskRule;
import dev.taskcheck.rules.TransitionContext;
import dev.taskcheck.rules.TransitionRule;

/** executionPeriod.start is the "time action was first taken": once set it stays. */
@TaskRule(id = "transition-10", name = "ExecutionStartUnchanged", category = TRANSITION, severity = Severity.WARNING,
    versions = {R4, R4B, R5}, basis = TEXT, since = "0.1.0",
    summary = "executionPeriod.start does not change once set")
public final class ExecutionStartUnchanged implements TransitionRule {

  @Override
  public void check(TaskHistory history, TransitionContext ctx) {
    for (Versions.Change c : Versions.changesOnceSet(history.versions(), TaskVersion::executionStart)) {
      ctx.report(c.at(), "Task.executionPeriod.start", "changed", c.before(), c.after());
    }
  }
}
