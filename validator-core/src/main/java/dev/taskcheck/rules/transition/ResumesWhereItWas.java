package dev.taskcheck.rules.transition;

import static dev.taskcheck.rules.RuleBasis.TEXT;
import static dev.taskcheck.rules.RuleCategory.TRANSITION;

import dev.taskcheck.fhir.StateMachine;
import dev.taskcheck.fhir.TaskHistory;
import dev.taskcheck.fhir.TaskStatus;
import dev.taskcheck.fhir.TaskVersion;
import dev.taskcheck.model.FhirRelease;
import dev.taskcheck.model.Severity;
import dev.taskcheck.rules.MessageKey;
import dev.taskcheck.rules.TaskRule;
import dev.taskcheck.rules.TransitionContext;
import dev.taskcheck.rules.TransitionRule;
import java.util.List;

/** A held Task "is resumed in the state it was in" before the hold. */
@TaskRule(
    id = "transition-5",
    versions = {
      FhirRelease.V1_4_0,
      FhirRelease.STU3,
      FhirRelease.R4,
      FhirRelease.R4B,
      FhirRelease.R5
    },
    category = TRANSITION,
    severity = Severity.WARNING,
    basis = TEXT,
    summary = "A Task leaving on-hold resumes in the status it had before the hold")
public final class ResumesWhereItWas implements TransitionRule {

  @MessageKey static final String ELSEWHERE = "elsewhere";

  @Override
  public void check(TaskHistory history, TransitionContext ctx) {
    List<TaskVersion> v = history.versions();
    for (Versions.StatusChange c : Versions.statusChanges(v)) {
      StateMachine machine = ctx.stateMachine(c.cur());
      if (!machine.resumes(c.from()) || machine.isTerminal(c.to()) || machine.resumes(c.to())) {
        continue;
      }
      TaskStatus before = TaskHistory.statusBefore(v, c.index());
      if (before != null && before != c.to()) {
        ctx.report(c.cur(), "Task.status", ELSEWHERE, c.from(), c.to(), before);
      }
    }
  }
}
