package dev.taskcheck.rules.transition;

import static dev.taskcheck.rules.RuleBasis.BP;
import static dev.taskcheck.rules.RuleCategory.TRANSITION;

import dev.taskcheck.fhir.FhirTemporal;
import dev.taskcheck.fhir.TaskHistory;
import dev.taskcheck.fhir.TaskVersion;
import dev.taskcheck.model.FhirRelease;
import dev.taskcheck.model.Severity;
import dev.taskcheck.rules.MessageKey;
import dev.taskcheck.rules.TaskRule;
import dev.taskcheck.rules.TransitionContext;
import dev.taskcheck.rules.TransitionRule;

/**
 * lastModified moves forward: an error when a later version is certainly older (unless both
 * versions are numbered, where transition-14 reports the contradiction with the versionIds), a
 * warning when the status changed but lastModified names the same instant as before ({@link
 * FhirTemporal#sameInstant}: {@code 10:00:00Z}, {@code 11:00:00+01:00} and {@code 10:00:00.000Z}
 * are one instant; dates without a time only when written identically).
 */
@TaskRule(
    id = "transition-8",
    versions = {
      FhirRelease.V1_4_0,
      FhirRelease.STU3,
      FhirRelease.R4,
      FhirRelease.R4B,
      FhirRelease.R5
    },
    category = TRANSITION,
    severity = Severity.ERROR,
    basis = BP,
    summary = "lastModified never goes backwards, and moves when the status changes")
public final class LastModifiedMovesOn implements TransitionRule {

  @MessageKey static final String BACKWARDS = "backwards";
  @MessageKey static final String UNCHANGED = "unchanged";

  @Override
  public void check(TaskHistory history, TransitionContext ctx) {
    for (Versions.Step s : Versions.steps(history.versions())) {
      TaskVersion prev = s.prev();
      TaskVersion cur = s.cur();
      FhirTemporal before = Versions.time(prev.lastModified());
      FhirTemporal after = Versions.time(cur.lastModified());
      if (before == null || after == null) {
        continue;
      }
      boolean numbered = prev.versionNumber() != null && cur.versionNumber() != null;
      if (after.certainlyBefore(before)) {
        if (!numbered) {
          ctx.report(cur, "Task.lastModified", BACKWARDS, cur.lastModified(), prev.lastModified());
        }
      } else if (Versions.statusChanged(prev, cur) && after.sameInstant(before)) {
        ctx.report(
            Severity.WARNING,
            cur,
            "Task.lastModified",
            UNCHANGED,
            prev.status(),
            cur.status(),
            cur.lastModified());
      }
    }
  }
}
