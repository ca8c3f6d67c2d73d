package dev.taskcheck.rules.transition;

import static dev.taskcheck.model.FhirRelease.R4;
import static dev.taskcheck.model.FhirRelease.R4B;
import static dev.taskcheck.model.FhirRelease.R5;
import static dev.taskcheck.rules.RuleBasis.IG;
import static dev.taskcheck.rules.RuleBasis.TEXT;
import static dev.taskcheck.rules.RuleCategory.TRANSITION;

import dev.taskcheck.model.Severity;
import dev.taskcheck.fhir.TaskHistory;
import dev.taskcheck.fhir.TaskVersion;
import dev.taskcheck.rules.TaskRule;
import dev.taskcheck.rules.TransitionContext;
import dev.taskcheck.rules.TransitionRule;
import java.util.List;

/** statusReason "applies to the current status", and businessStatus refines it: both go stale when the status moves on. */
@TaskRule(id = "transition-9", name = "ReasonFollowsStatus", category = TRANSITION, severity = Severity.WARNING,
    versions = {R4, R4B, R5}, basis = {IG, TEXT}, since = "0.1.0",
    summary = "When the status changes, a statusReason or businessStatus does not stay the same")
public final class ReasonFollowsStatus implements TransitionRule {

  @Override
  public void check(TaskHistory history, TransitionContext ctx) {
    List<TaskVersion> v = history.versions();
    for (int i = 1; i < v.size(); i++) {
      TaskVersion prev = v.get(i - 1);
      TaskVersion cur = v.get(i);
      if (!Versions.statusChanged(prev, cur) || Versions.enteredInError(prev, cur)) {
        continue;
      }
      if (prev.statusReason() != null && prev.statusReason().equals(cur.statusReason())) {
        ctx.report(cur, "Task.statusReason", "staleReason", prev.status(), cur.status());
      }
      if (prev.businessStatus() != null && prev.businessStatus().equals(cur.businessStatus())) {
        ctx.report(cur, "Task.businessStatus", "staleBusinessStatus", prev.status(), cur.status());
      }
    }
  }
}
