package dev.taskcheck.rules.transition;

import static dev.taskcheck.rules.RuleBasis.TEXT;
import static dev.taskcheck.rules.RuleCategory.TRANSITION;

import dev.taskcheck.fhir.TaskHistory;
import dev.taskcheck.fhir.TaskVersion;
import dev.taskcheck.model.Durations;
import dev.taskcheck.model.FhirRelease;
import dev.taskcheck.model.Severity;
import dev.taskcheck.rules.MessageKey;
import dev.taskcheck.rules.TaskRule;
import dev.taskcheck.rules.TransitionContext;
import dev.taskcheck.rules.TransitionRule;
import java.time.Duration;

/**
 * The Task page's "tasks that are long running, perhaps stuck in some queue": a Task whose latest
 * version is not terminal and was last modified longer ago than {@code --stuck-after}, relative to
 * the run's clock. Off unless a threshold is set.
 */
@TaskRule(
    id = "transition-15",
    versions = {
      FhirRelease.V1_4_0,
      FhirRelease.STU3,
      FhirRelease.R4,
      FhirRelease.R4B,
      FhirRelease.R5
    },
    category = TRANSITION,
    severity = Severity.WARNING,
    basis = TEXT,
    summary = "A non-terminal Task has not been modified for longer than the stuck threshold")
public final class StuckTask implements TransitionRule {

  @MessageKey static final String STUCK = "stuck";

  @Override
  public void check(TaskHistory history, TransitionContext ctx) {
    if (history.kind() == TaskHistory.Kind.PAIR || ctx.stuckAfter() == null) {
      return;
    }
    TaskVersion latest = history.latest();
    Duration idle = ctx.stateMachine(latest).stuckFor(latest, ctx.now(), ctx.stuckAfter());
    if (idle != null) {
      ctx.report(
          latest,
          Versions.timestampExpression(latest),
          STUCK,
          latest.status(),
          latest.lastModified() != null ? latest.lastModified() : latest.lastUpdated(),
          Durations.format(idle),
          Durations.format(ctx.stuckAfter()));
    }
  }
}
