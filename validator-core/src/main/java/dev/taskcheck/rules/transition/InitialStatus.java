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

/**
 * A Task is created in one of the state machine's initial statuses (draft, requested or ready in
 * the spec's diagram). Information only: IGs and real systems often create Tasks further along.
 */
@TaskRule(
    id = "transition-13",
    versions = {
      FhirRelease.V1_4_0,
      FhirRelease.STU3,
      FhirRelease.R4,
      FhirRelease.R4B,
      FhirRelease.R5
    },
    category = TRANSITION,
    severity = Severity.INFORMATION,
    basis = TEXT,
    summary = "A history starts in one of the state machine's initial statuses")
public final class InitialStatus implements TransitionRule {

  @MessageKey static final String NOT_INITIAL = "notInitial";

  @Override
  public void check(TaskHistory history, TransitionContext ctx) {
    if (!history.startsAtCreation()) {
      return;
    }
    TaskVersion first = history.versions().get(0);
    if (history.versions().size() == 1 && first.versionNumber() == null) {
      // a lone version without a versionId is a snapshot from any point of the Task's life (a
      // search result,
      // an export), not evidence of its creation; read without --history it is a single Task, never
      // judged here
      return;
    }
    StateMachine machine = ctx.stateMachine(first);
    if (first.status() != null && !machine.isInitial(first.status())) {
      ctx.report(
          first,
          "Task.status",
          NOT_INITIAL,
          first.status(),
          String.join(", ", machine.initial().stream().map(TaskStatus::code).toList()));
    }
  }
}
