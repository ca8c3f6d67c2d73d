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

/** authoredOn is when the Task was created; a later version has no reason to move it. */
@TaskRule(id = "transition-7", name = "AuthoredOnUnchanged", category = TRANSITION, severity = Severity.WARNING,
    versions = {R4, R4B, R5}, basis = BP, since = "0.1.0",
    summary = "authoredOn does not change once set")
public final class AuthoredOnUnchanged implements TransitionRule {

  @Override
  public void check(TaskHistory history, TransitionContext ctx) {
    List<TaskVersion> v = history.versions();
    for (int i = 1; i < v.size(); i++) {
      TaskVersion prev = v.get(i - 1);
      TaskVersion cur = v.get(i);
      if (!Versions.enteredInError(prev, cur) && Versions.changed(prev.authoredOn(), cur.authoredOn())) {
        ctx.report(cur, "Task.authoredOn", "changed", prev.authoredOn(),
            cur.authoredOn() == null ? "(removed)" : cur.authoredOn());
      }
    }
  }
}
