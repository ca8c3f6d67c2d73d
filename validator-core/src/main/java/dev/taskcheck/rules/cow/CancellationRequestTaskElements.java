package dev.taskcheck.rules.cow;

import static dev.taskcheck.model.FhirRelease.R4;
import static dev.taskcheck.model.FhirRelease.R4B;
import static dev.taskcheck.model.FhirRelease.R5;
import static dev.taskcheck.rules.RuleBasis.IG;
import static dev.taskcheck.rules.RuleCategory.COW;

import dev.taskcheck.model.Severity;
import dev.taskcheck.fhir.TaskView;
import dev.taskcheck.rules.Rule;
import dev.taskcheck.rules.RuleContext;
import dev.taskcheck.rules.TaskRule;

/**
 * COW asks a placer to cancel a started request with a separate CancellationRequestTask: code
 * {@code task-code#abort} and a focus (what is to be cancelled). A Task is one when it claims the profile or
 * is coded abort; a claim with another code, or an abort without a focus, is reported.
 */
@TaskRule(id = "cow-2", name = "CancellationRequestTaskElements", category = COW, severity = Severity.ERROR,
    versions = {R4, R4B, R5}, basis = IG, since = "0.1.0", ruleSets = "cow",
    summary = "A COW cancellation request Task is coded task-code#abort and has a focus")
public final class CancellationRequestTaskElements implements Rule {

  @Override
  public void check(TaskView task, RuleContext ctx) {
    if (!CowTasks.isCancellationRequest(task)) {
      return;
    }
    if (!CowTasks.isCodedAbort(task)) {
      if (task.hasCode()) {
        ctx.report("Task.code", "notAbort", CowTasks.ABORT);
      } else {
        ctx.report("Task", "noCode", CowTasks.ABORT);
      }
    }
    if (!task.hasFocus()) {
      ctx.report("Task", "noFocus");
    }
  }
}
