package dev.taskcheck.rules.date;

import static dev.taskcheck.rules.RuleBasis.SPEC;
import static dev.taskcheck.rules.RuleCategory.DATE;

import dev.taskcheck.fhir.FhirTemporal;
import dev.taskcheck.fhir.PeriodView;
import dev.taskcheck.fhir.TaskView;
import dev.taskcheck.model.FhirRelease;
import dev.taskcheck.model.Severity;
import dev.taskcheck.rules.MessageKey;
import dev.taskcheck.rules.ReplacedIn;
import dev.taskcheck.rules.Rule;
import dev.taskcheck.rules.RuleContext;
import dev.taskcheck.rules.TaskRule;

/**
 * The base invariant per-1 is wrong both ways: R4's {@code start <= end} reports a same-day
 * date/dateTime pair (mixed precision yields empty), R5's {@code start.lowBoundary() <=
 * end.highBoundary()} lets a date-only reversal of one or two days pass. This rule replaces it for
 * every Period of the Task: an error only when the end is certainly before the start.
 */
@TaskRule(
    id = "date-2",
    versions = {
      FhirRelease.V1_4_0,
      FhirRelease.STU3,
      FhirRelease.R4,
      FhirRelease.R4B,
      FhirRelease.R5
    },
    category = DATE,
    severity = Severity.ERROR,
    basis = SPEC,
    replaces = "per-1",
    replacedIn = ReplacedIn.TASK_ELEMENTS,
    summary =
        "No Period of the Task ends before it starts (precision-aware; replaces the base per-1)")
public final class PeriodEndNotBeforeStart implements Rule {

  @MessageKey static final String REVERSED = "reversed";

  @Override
  public void check(TaskView task, RuleContext ctx) {
    for (PeriodView p : task.periods()) {
      FhirTemporal start = Dates.parse(task, p.start());
      FhirTemporal end = Dates.parse(task, p.end());
      if (start != null && end != null && end.certainlyBefore(start)) {
        ctx.report(p.expression(), REVERSED, end.text(), start.text());
      }
    }
  }
}
