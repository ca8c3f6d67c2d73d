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
import java.util.List;

/** Task.intent "is immutable": a Task that changes its intent is a different request. */
@TaskRule(id = "transition-6", name = "IntentUnchanged", category = TRANSITION, severity = Severity.ERROR,
    versions = {R4, R4B, R5}, basis = TEXT, since = "0.1.0",
    summary = "intent never changes between versions")
public final class IntentUnchanged implements TransitionRule {

  @Override
  public void check(TaskHistory history, TransitionContext ctx) {
    List<TaskVersion> v = history.versions();
    for (int i = 1; i < v.size(); i++) {
      TaskVersion prev = v.get(i - 1);
      TaskVersion cur = v.get(i);
      if (!Versions.enteredInError(prev, cur) && prev.intent() != null && cur.intent() != null
          && !prev.intent().equals(cur.intent())) {
        ctx.report(cur, "Task.intent", "changed", prev.intent(), cur.intent());
      }
    }
  }
}
