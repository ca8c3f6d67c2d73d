package dev.taskcheck.rules.transition;

import static dev.taskcheck.rules.RuleBasis.TEXT;
import static dev.taskcheck.rules.RuleCategory.TRANSITION;

import dev.taskcheck.fhir.TaskHistory;
import dev.taskcheck.fhir.TaskVersion;
import dev.taskcheck.model.FhirRelease;
import dev.taskcheck.model.Severity;
import dev.taskcheck.rules.MessageKey;
import dev.taskcheck.rules.TaskRule;
import dev.taskcheck.rules.TransitionContext;
import dev.taskcheck.rules.TransitionRule;

/** executionPeriod.start is the "time action was first taken": once set it stays. */
@TaskRule(
    id = "transition-10",
    versions = {FhirRelease.STU3, FhirRelease.R4, FhirRelease.R4B, FhirRelease.R5},
    category = TRANSITION,
    severity = Severity.WARNING,
    basis = TEXT,
    summary = "executionPeriod.start does not change once set")
public final class ExecutionStartUnchanged implements TransitionRule {

  @MessageKey static final String CHANGED = "changed";

  @Override
  public void check(TaskHistory history, TransitionContext ctx) {
    for (Versions.Change c :
        Versions.timeChangesOnceSet(history.versions(), TaskVersion::executionStart)) {
      ctx.report(c.at(), "Task.executionPeriod.start", CHANGED, c.before(), c.after());
    }
  }
}
