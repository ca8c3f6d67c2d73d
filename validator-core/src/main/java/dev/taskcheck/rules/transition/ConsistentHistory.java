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
import org.jspecify.annotations.Nullable;

/**
 * A history must agree with itself: one versionId names one content, and numbered versions do not
 * go back in time (by lastModified or meta.lastUpdated). Versions given in an order (a pair, {@code
 * diff}) must not contradict their versionIds.
 */
@TaskRule(
    id = "transition-14",
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
    summary = "A history is consistent: one content per versionId, versionIds in time order")
public final class ConsistentHistory implements TransitionRule {

  @MessageKey static final String CONFLICT = "conflict";
  @MessageKey static final String GIVEN_ORDER = "givenOrder";
  @MessageKey static final String TIME_ORDER = "timeOrder";

  @Override
  public void check(TaskHistory history, TransitionContext ctx) {
    for (TaskHistory.Conflict c : history.conflicts()) {
      ctx.report(
          c.second(),
          "Task.meta.versionId",
          CONFLICT,
          c.second().versionId(),
          c.first().source(),
          c.first().line());
    }
    for (Versions.Step s : Versions.steps(history.versions())) {
      TaskVersion prev = s.prev();
      TaskVersion cur = s.cur();
      Long a = prev.versionNumber();
      Long b = cur.versionNumber();
      if (a == null || b == null) {
        continue;
      }
      if (b < a) {
        ctx.report(cur, "Task.meta.versionId", GIVEN_ORDER, cur.versionId(), prev.versionId());
        continue;
      }
      if (backwards(prev.lastModified(), cur.lastModified())) {
        ctx.report(
            cur,
            "Task.lastModified",
            TIME_ORDER,
            "lastModified",
            cur.versionId(),
            cur.lastModified(),
            prev.versionId(),
            prev.lastModified());
      } else if (backwards(prev.lastUpdated(), cur.lastUpdated())) {
        ctx.report(
            cur,
            "Task.meta.lastUpdated",
            TIME_ORDER,
            "meta.lastUpdated",
            cur.versionId(),
            cur.lastUpdated(),
            prev.versionId(),
            prev.lastUpdated());
      }
    }
  }

  private static boolean backwards(@Nullable String before, @Nullable String after) {
    FhirTemporal a = Versions.time(before);
    FhirTemporal b = Versions.time(after);
    return a != null && b != null && b.certainlyBefore(a);
  }
}
