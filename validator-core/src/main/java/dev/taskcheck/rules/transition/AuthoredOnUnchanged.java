package dev.taskcheck.rules.transition;

import static dev.taskcheck.rules.RuleBasis.BP;
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
 * authoredOn (1.4.0: created) is when the Task was created; a later version has no reason to move
 * it.
 */
@TaskRule(
    id = "transition-7",
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
    summary = "authoredOn (1.4.0: created) does not change once set")
public final class AuthoredOnUnchanged implements TransitionRule {

  @MessageKey static final String CHANGED = "changed";

  @MessageKey static final String CREATED_CHANGED = "createdChanged";

  @Override
  public void check(TaskHistory history, TransitionContext ctx) {
    for (Versions.Change c :
        Versions.timeChangesOnceSet(history.versions(), TaskVersion::authoredOn)) {
      boolean created = c.at().release() == FhirRelease.V1_4_0;
      ctx.report(
          c.at(),
          created ? "Task.created" : "Task.authoredOn",
          created ? CREATED_CHANGED : CHANGED,
          c.before(),
          c.after());
    }
  }
}
