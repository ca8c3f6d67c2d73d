package dev.taskcheck.rules.transition;

import static dev.taskcheck.rules.RuleBasis.TEXT;
import static dev.taskcheck.rules.RuleCategory.TRANSITION;

import dev.taskcheck.model.Severity;
import dev.taskcheck.fhir.StateMachine;
import dev.taskcheck.fhir.TaskHistory;
import dev.taskcheck.fhir.TaskStatus;
import dev.taskcheck.fhir.TaskVersion;
import dev.taskcheck.rules.TaskRule;
import dev.taskcheck.rules.MessageKey;
import dev.taskcheck.rules.TransitionContext;
import dev.taskcheck.rules.TransitionRule;
import java.util.List;

/** A held Task "is resumed in the state it was in" before the hold. */
@TaskRule(id = "transition-5", category = TRANSITION, severity = Severity.WARNING, basis = TEXT,
    summary = "A Task leaving on-hold resumes in the status it had before the hold")
public final class ResumesWhereItWas implements TransitionRule {

  @MessageKey static final String ELSEWHERE = "elsewhere";

  @Override
  public void check(TaskHistory history, TransitionContext ctx) {
    List<TaskVersion> v = history.versions();
    for (int i = 1; i < v.size(); i++) {
      TaskVersion prev = v.get(i - 1);
      TaskVersion cur = v.get(i);
      if (!Versions.statusChanged(prev, cur)) {
        continue;
      }
      StateMachine machine = ctx.stateMachine(cur);
      if (!machine.resumes(prev.status()) || machine.isTerminal(cur.status()) || machine.resumes(cur.status())) {
        continue;
      }
      TaskStatus before = Versions.statusBefore(v, i);
      if (before != null && before != cur.status()) {
        ctx.report(cur, "Task.status", ELSEWHERE, prev.status(), cur.status(), before);
      }
    }
  }
}
