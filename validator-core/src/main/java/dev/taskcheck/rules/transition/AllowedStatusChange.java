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

/**
 * Each status change is an edge of the state machine in force. Changes other rules judge are left
 * to them: leaving a terminal status (transition-2, transition-3), in-progress to cancelled
 * (transition-4), and a return from on-hold to the status before it (allowed; transition-5 judges
 * other resumptions).
 */
@TaskRule(
    id = "transition-1",
    versions = {
      FhirRelease.V1_4_0,
      FhirRelease.STU3,
      FhirRelease.R4,
      FhirRelease.R4B,
      FhirRelease.R5
    },
    category = TRANSITION,
    severity = Severity.ERROR,
    basis = TEXT,
    summary =
        "Each status change is an edge of the state machine; narrative-only edges are warnings")
public final class AllowedStatusChange implements TransitionRule {

  @MessageKey static final String NOT_ALLOWED = "notAllowed";
  @MessageKey static final String NARRATIVE = "narrative";

  @Override
  public void check(TaskHistory history, TransitionContext ctx) {
    List<TaskVersion> v = history.versions();
    for (Versions.StatusChange c : Versions.statusChanges(v)) {
      TaskStatus from = c.from();
      TaskStatus to = c.to();
      StateMachine machine = ctx.stateMachine(c.cur());
      if (machine.isTerminal(from)
          || (from == TaskStatus.IN_PROGRESS && to == TaskStatus.CANCELLED)) {
        continue;
      }
      StateMachine.EdgeKind kind = machine.change(from, to, TaskHistory.statusBefore(v, c.index()));
      if (kind == null) {
        ctx.report(c.cur(), "Task.status", NOT_ALLOWED, from, to, machine.name());
      } else if (kind == StateMachine.EdgeKind.NARRATIVE) {
        ctx.report(Severity.WARNING, c.cur(), "Task.status", NARRATIVE, from, to, machine.name());
      }
    }
  }
}
