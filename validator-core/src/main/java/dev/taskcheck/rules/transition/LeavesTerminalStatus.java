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

/** A terminal status is final: the spec allows leaving one only as something "some workflows may support". */
@TaskRule(id = "transition-2", category = TRANSITION, severity = Severity.WARNING, basis = TEXT,
    summary = "A Task leaves a terminal status (completed, failed, cancelled, rejected)")
public final class LeavesTerminalStatus implements TransitionRule {

  @MessageKey static final String LEFT = "left";

  @Override
  public void check(TaskHistory history, TransitionContext ctx) {
    List<TaskVersion> v = history.versions();
    for (int i = 1; i < v.size(); i++) {
      TaskVersion prev = v.get(i - 1);
      TaskVersion cur = v.get(i);
      if (!Versions.statusChanged(prev, cur) || prev.status() == TaskStatus.ENTERED_IN_ERROR
          || cur.status() == TaskStatus.ENTERED_IN_ERROR) {
        continue;
      }
      if (ctx.stateMachine(cur).isTerminal(prev.status())) {
        ctx.report(cur, "Task.status", LEFT, prev.status(), cur.status());
      }
    }
  }
}
