package dev.taskcheck.rules.transition;

import static dev.taskcheck.rules.RuleBasis.IG;
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

/**
 * The spec's narrative lets a started Task be cancelled; COW and AU eRequesting ask for a separate
 * cancellation-request Task instead (an error in those rule sets).
 */
@TaskRule(id = "transition-4", category = TRANSITION, severity = Severity.WARNING, basis = IG,
    summary = "An in-progress Task is cancelled directly rather than through a cancellation request")
public final class InProgressCancelled implements TransitionRule {

  @MessageKey static final String CANCELLED = "cancelled";

  @Override
  public void check(TaskHistory history, TransitionContext ctx) {
    List<TaskVersion> v = history.versions();
    for (int i = 1; i < v.size(); i++) {
      if (v.get(i - 1).status() == TaskStatus.IN_PROGRESS && v.get(i).status() == TaskStatus.CANCELLED) {
        ctx.report(v.get(i), "Task.status", CANCELLED);
      }
    }
  }
}
