package dev.taskcheck.rules.transition;

import static dev.taskcheck.rules.RuleBasis.BP;
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
import java.util.ArrayList;

/** A completed Task's outputs are its results: a later version does not take them away. */
@TaskRule(id = "transition-12", category = TRANSITION, severity = Severity.WARNING, basis = BP,
    summary = "Outputs are not removed after the Task is completed")
public final class OutputsKeptAfterCompletion implements TransitionRule {

  @MessageKey static final String REMOVED = "removed";

  @Override
  public void check(TaskHistory history, TransitionContext ctx) {
    List<TaskVersion> v = history.versions();
    for (int i = 1; i < v.size(); i++) {
      TaskVersion prev = v.get(i - 1);
      TaskVersion cur = v.get(i);
      if (prev.status() != TaskStatus.COMPLETED || cur.status() == TaskStatus.ENTERED_IN_ERROR) {
        continue;
      }
      List<String> remaining = new ArrayList<>(cur.outputs());
      int removed = 0;
      for (String o : prev.outputs()) {
        if (!remaining.remove(o)) {
          removed++;
        }
      }
      if (removed > 0) {
        ctx.report(cur, "Task.output", REMOVED, removed, prev.outputs().size());
      }
    }
  }
}
