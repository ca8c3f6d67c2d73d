package dev.taskcheck.rules.date;

import static dev.taskcheck.rules.RuleBasis.BP;
import static dev.taskcheck.rules.RuleCategory.DATE;

import dev.taskcheck.fhir.FhirTemporal;
import dev.taskcheck.fhir.Located;
import dev.taskcheck.fhir.TaskView;
import dev.taskcheck.model.FhirRelease;
import dev.taskcheck.model.Severity;
import dev.taskcheck.rules.MessageKey;
import dev.taskcheck.rules.Rule;
import dev.taskcheck.rules.RuleContext;
import dev.taskcheck.rules.TaskRule;
import java.time.Instant;
import java.util.Arrays;

/**
 * authoredOn, lastModified and executionPeriod record what has happened: none can be in the future.
 * "Now" is the run's clock ({@code --now}) plus a tolerated clock skew (configuration, 5 minutes by
 * default).
 */
@TaskRule(
    id = "date-6",
    versions = {
      FhirRelease.V1_4_0,
      FhirRelease.STU3,
      FhirRelease.R4,
      FhirRelease.R4B,
      FhirRelease.R5
    },
    category = DATE,
    severity = Severity.WARNING,
    basis = BP,
    summary = "authoredOn, lastModified and executionPeriod are not in the future")
public final class NoDateInFuture implements Rule {

  @MessageKey static final String FUTURE = "future";

  @Override
  public void check(TaskView task, RuleContext ctx) {
    Instant latest = ctx.now().plus(ctx.config().clockSkew());
    for (Located<String> value :
        Arrays.asList(
            task.authoredOn(), task.lastModified(), task.executionStart(), task.executionEnd())) {
      FhirTemporal t = Dates.parse(task, value);
      if (value != null && t != null && t.certainlyAfter(latest)) {
        ctx.report(value.expression(), FUTURE, t.text(), ctx.now().toString());
      }
    }
  }
}
