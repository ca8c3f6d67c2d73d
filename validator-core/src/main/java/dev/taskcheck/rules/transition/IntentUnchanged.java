package dev.taskcheck.rules.transition;

import static dev.taskcheck.rules.RuleBasis.TEXT;
import static dev.taskcheck.rules.RuleCategory.TRANSITION;

import dev.taskcheck.model.Severity;
import dev.taskcheck.fhir.TaskHistory;
import dev.taskcheck.fhir.TaskVersion;
import dev.taskcheck.rules.TaskRule;
import dev.taskcheck.rules.MessageKey;
import dev.taskcheck.rules.TransitionContext;
import dev.taskcheck.rules.TransitionRule;
import java.util.List;

/** Task.intent "is immutable": a Task that changes its intent is a different request. */
@TaskRule(id = "transition-6", category = TRANSITION, severity = Severity.ERROR, basis = TEXT,
    summary = "intent never changes between versions")
public final class IntentUnchanged implements TransitionRule {

  @MessageKey static final String CHANGED = "changed";

  @Override
  public void check(TaskHistory history, TransitionContext ctx) {
    List<TaskVersion> v = history.versions();
    for (int i = 1; i < v.size(); i++) {
      TaskVersion prev = v.get(i - 1);
      TaskVersion cur = v.get(i);
      if (!Versions.enteredInError(prev, cur) && prev.intent() != null && cur.intent() != null
          && !prev.intent().equals(cur.intent())) {
        ctx.report(cur, "Task.intent", CHANGED, prev.intent(), cur.intent());
      }
    }
  }
}
