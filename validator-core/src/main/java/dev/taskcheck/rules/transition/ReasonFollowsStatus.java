package dev.taskcheck.rules.transition;

import static dev.taskcheck.rules.RuleBasis.IG;
import static dev.taskcheck.rules.RuleBasis.TEXT;
import static dev.taskcheck.rules.RuleCategory.TRANSITION;

import dev.taskcheck.fhir.TaskHistory;
import dev.taskcheck.fhir.TaskVersion;
import dev.taskcheck.model.FhirRelease;
import dev.taskcheck.model.Severity;
import dev.taskcheck.rules.MessageKey;
import dev.taskcheck.rules.TaskRule;
import dev.taskcheck.rules.TransitionContext;
import dev.taskcheck.rules.TransitionRule;

/**
 * statusReason "applies to the current status", and businessStatus refines it: both go stale when
 * the status moves on.
 */
@TaskRule(
    id = "transition-9",
    versions = {FhirRelease.STU3, FhirRelease.R4, FhirRelease.R4B, FhirRelease.R5},
    category = TRANSITION,
    severity = Severity.WARNING,
    basis = {IG, TEXT},
    summary = "When the status changes, a statusReason or businessStatus does not stay the same")
public final class ReasonFollowsStatus implements TransitionRule {

  @MessageKey static final String STALE_REASON = "staleReason";
  @MessageKey static final String STALE_BUSINESS_STATUS = "staleBusinessStatus";

  @Override
  public void check(TaskHistory history, TransitionContext ctx) {
    for (Versions.StatusChange c : Versions.statusChanges(history.versions())) {
      TaskVersion prev = c.prev();
      TaskVersion cur = c.cur();
      if (Versions.enteredInError(prev, cur)) {
        continue;
      }
      if (prev.statusReason() != null && prev.statusReason().equals(cur.statusReason())) {
        ctx.report(cur, "Task.statusReason", STALE_REASON, prev.status(), cur.status());
      }
      if (prev.businessStatus() != null && prev.businessStatus().equals(cur.businessStatus())) {
        ctx.report(cur, "Task.businessStatus", STALE_BUSINESS_STATUS, prev.status(), cur.status());
      }
    }
  }
}
