package dev.taskcheck.rules.date;

import static dev.taskcheck.model.FhirRelease.R4;
import static dev.taskcheck.model.FhirRelease.R4B;
import static dev.taskcheck.model.FhirRelease.R5;
import static dev.taskcheck.rules.RuleCategory.DATE;

import static dev.taskcheck.rules.RuleBasis.BP;

import dev.taskcheck.model.Severity;
import dev.taskcheck.fhir.FhirTemporal;
import dev.taskcheck.fhir.Located;
import dev.taskcheck.fhir.TaskView;
import dev.taskcheck.rules.Rule;
import dev.taskcheck.rules.RuleContext;
import dev.taskcheck.rules.TaskRule;
import java.time.Instant;
import java.util.Arrays;

/**
 * authoredOn, lastModified and executionPeriod record what has happened: none can be in the future. "Now"
 * is the run's clock ({@code --now}) plus a tolerated clock skew (configuration, 5 minutes by default).
 */
@TaskRule(id = "date-6", name = "NoDateInFuture", category = DATE, severity = Severity.WARNING,
    versions = {R4, R4B, R5}, basis = BP, since = "0.1.0",
    summary = "authoredOn, lastModified and executionPeriod are not in the future")
public final class NoDateInFuture implements Rule {

  @Override
  public void check(TaskView task, RuleContext ctx) {
    Instant latest = ctx.now().plus(ctx.config().clockSkew());
    for (Located<String> value : Arrays.asList(task.authoredOn(), task.lastModified(), task.executionStart(),
        task.executionEnd())) {
      FhirTemporal t = Dates.parse(value);
      if (value != null && t != null && t.certainlyAfter(latest)) {
        ctx.report(value.expression(), "future", t.text(), ctx.now().toString());
      }
    }
  }
}
