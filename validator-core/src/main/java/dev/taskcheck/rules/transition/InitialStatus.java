package dev.taskcheck.rules.transition;

import static dev.taskcheck.model.FhirRelease.R4;
import static dev.taskcheck.model.FhirRelease.R4B;
import static dev.taskcheck.model.FhirRelease.R5;
import static dev.taskcheck.rules.RuleBasis.TEXT;
import static dev.taskcheck.rules.RuleCategory.TRANSITION;

import dev.taskcheck.model.Severity;
import dev.taskcheck.fhir.StateMachine;
import dev.taskcheck.fhir.TaskHistory;
import dev.taskcheck.fhir.TaskStatus;
import dev.taskcheck.fhir.TaskVersion;
import dev.taskcheck.rules.TaskRule;
import dev.taskcheck.rules.TransitionContext;
import dev.taskcheck.rules.TransitionRule;

/**
 * A Task is created in one of the state machine's initial statuses (draft, requested or ready in the spec's
 * diagram). Information only: IGs and real systems often create Tasks further along.
 */
@TaskRule(id = "transition-13", name = "InitialStatus", category = TRANSITION, severity = Severity.INFORMATION,
    versions = {R4, R4B, R5}, basis = TEXT, since = "0.1.0",
    summary = "A history starts in one of the state machine's initial statuses")
public final class InitialStatus implements TransitionRule {

  @Override
  public void check(TaskHistory history, TransitionContext ctx) {
    if (!history.startsAtCreation()) {
      return;
    }
    TaskVersion first = history.versions().get(0);
    if (history.versions().size() == 1 && first.versionNumber() == null) {
      // a lone version without a versionId is a snapshot from any point of the Task's life (a search result,
      // an export), not evidence of its creation; read without --history it is a single Task, never judged here
      return;
    }
    StateMachine machine = ctx.stateMachine(first);
    if (first.status() != null && !machine.isInitial(first.status())) {
      ctx.report(first, "Task.status", "notInitial", first.status(), String.join(", ",
          machine.initial().stream().map(TaskStatus::code).toList()));
    }
  }
}
