package dev.taskcheck.rules.transition;

import static dev.taskcheck.rules.RuleBasis.TEXT;
import static dev.taskcheck.rules.RuleCategory.TRANSITION;

import dev.taskcheck.model.Severity;
import dev.taskcheck.fhir.TaskHistory;
import dev.taskcheck.fhir.TaskStatus;
import dev.taskcheck.fhir.TaskVersion;
import dev.taskcheck.rules.TaskRule;
import dev.taskcheck.rules.MessageKey;
import dev.taskcheck.rules.TransitionContext;
import dev.taskcheck.rules.TransitionRule;
import java.util.List;

/** entered-in-error means the Task should never have existed: nothing follows it. */
@TaskRule(id = "transition-3", category = TRANSITION, severity = Severity.ERROR, basis = TEXT,
    summary = "A Task leaves entered-in-error")
public final class LeavesEnteredInError implements TransitionRule {

  @MessageKey static final String LEFT = "left";

  @Override
  public void check(TaskHistory history, TransitionContext ctx) {
    List<TaskVersion> v = history.versions();
    for (int i = 1; i < v.size(); i++) {
      TaskVersion prev = v.get(i - 1);
      TaskVersion cur = v.get(i);
      if (prev.status() == TaskStatus.ENTERED_IN_ERROR && cur.status() != null
          && cur.status() != TaskStatus.ENTERED_IN_ERROR) {
        ctx.report(cur, "Task.status", LEFT, cur.status());
      }
    }
  }
}
