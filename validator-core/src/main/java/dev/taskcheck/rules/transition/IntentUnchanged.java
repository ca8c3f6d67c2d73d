package dev.taskcheck.rules.transition;

import static dev.taskcheck.rules.RuleBasis.TEXT;
import static dev.taskcheck.rules.RuleCategory.TRANSITION;

import dev.taskcheck.fhir.TaskHistory;
import dev.taskcheck.model.FhirRelease;
import dev.taskcheck.model.Severity;
import dev.taskcheck.rules.MessageKey;
import dev.taskcheck.rules.TaskRule;
import dev.taskcheck.rules.TransitionContext;
import dev.taskcheck.rules.TransitionRule;

/** Task.intent "is immutable": a Task that changes its intent is a different request. */
@TaskRule(
    id = "transition-6",
    versions = {FhirRelease.STU3, FhirRelease.R4, FhirRelease.R4B, FhirRelease.R5},
    category = TRANSITION,
    severity = Severity.ERROR,
    basis = TEXT,
    summary = "intent never changes between versions")
public final class IntentUnchanged implements TransitionRule {

  @MessageKey static final String CHANGED = "changed";

  @Override
  public void check(TaskHistory history, TransitionContext ctx) {
    for (Versions.Step s : Versions.steps(history.versions())) {
      String before = s.prev().intent();
      String after = s.cur().intent();
      if (!Versions.enteredInError(s.prev(), s.cur())
          && before != null
          && after != null
          && !before.equals(after)) {
        ctx.report(s.cur(), "Task.intent", CHANGED, before, after);
      }
    }
  }
}
