package dev.taskcheck.rules.cow;

import static dev.taskcheck.rules.RuleBasis.IG;
import static dev.taskcheck.rules.RuleCategory.COW;

import dev.taskcheck.fhir.TaskView;
import dev.taskcheck.model.RuleSet;
import dev.taskcheck.model.Severity;
import dev.taskcheck.rules.MessageKey;
import dev.taskcheck.rules.Rule;
import dev.taskcheck.rules.RuleContext;
import dev.taskcheck.rules.TaskRule;

/**
 * COW asks a placer to cancel a started request with a separate CancellationRequestTask: code
 * {@code task-code#abort} and a focus (what is to be cancelled). A Task is one when it claims the
 * profile or is coded abort; a claim with another code, or an abort without a focus, is reported.
 */
@TaskRule(
    id = "cow-2",
    category = COW,
    severity = Severity.ERROR,
    basis = IG,
    ruleSets = RuleSet.COW,
    summary = "A COW cancellation request Task is coded task-code#abort and has a focus")
public final class CancellationRequestTaskElements implements Rule {

  @MessageKey static final String NOT_ABORT = "notAbort";
  @MessageKey static final String NO_CODE = "noCode";
  @MessageKey static final String NO_FOCUS = "noFocus";

  @Override
  public void check(TaskView task, RuleContext ctx) {
    if (!CowTasks.isCancellationRequest(task)) {
      return;
    }
    if (!CowTasks.isCodedAbort(task)) {
      if (task.hasCode()) {
        ctx.report("Task.code", NOT_ABORT, CowTasks.ABORT);
      } else {
        ctx.report("Task", NO_CODE, CowTasks.ABORT);
      }
    }
    if (!task.hasFocus()) {
      ctx.report("Task", NO_FOCUS);
    }
  }
}
