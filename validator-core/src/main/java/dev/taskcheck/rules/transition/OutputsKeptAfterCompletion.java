package dev.taskcheck.rules.transition;

import static dev.taskcheck.rules.RuleBasis.BP;
import static dev.taskcheck.rules.RuleCategory.TRANSITION;

import dev.taskcheck.fhir.TaskHistory;
import dev.taskcheck.fhir.TaskStatus;
import dev.taskcheck.fhir.TaskVersion;
import dev.taskcheck.model.FhirRelease;
import dev.taskcheck.model.Severity;
import dev.taskcheck.rules.MessageKey;
import dev.taskcheck.rules.TaskRule;
import dev.taskcheck.rules.TransitionContext;
import dev.taskcheck.rules.TransitionRule;
import java.util.ArrayList;
import java.util.List;

/** A completed Task's outputs are its results: a later version does not take them away. */
@TaskRule(
    id = "transition-12",
    versions = {
      FhirRelease.V1_4_0,
      FhirRelease.STU3,
      FhirRelease.R4,
      FhirRelease.R4B,
      FhirRelease.R5
    },
    category = TRANSITION,
    severity = Severity.WARNING,
    basis = BP,
    summary = "Outputs are not removed after the Task is completed")
public final class OutputsKeptAfterCompletion implements TransitionRule {

  @MessageKey static final String REMOVED = "removed";

  @Override
  public void check(TaskHistory history, TransitionContext ctx) {
    for (Versions.Step s : Versions.steps(history.versions())) {
      TaskVersion prev = s.prev();
      TaskVersion cur = s.cur();
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
