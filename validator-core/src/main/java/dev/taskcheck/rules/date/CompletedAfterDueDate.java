package dev.taskcheck.rules.date;

import static dev.taskcheck.rules.RuleBasis.TEXT;
import static dev.taskcheck.rules.RuleCategory.DATE;

import dev.taskcheck.fhir.FhirTemporal;
import dev.taskcheck.fhir.Located;
import dev.taskcheck.fhir.TaskStatus;
import dev.taskcheck.fhir.TaskView;
import dev.taskcheck.model.FhirRelease;
import dev.taskcheck.model.Severity;
import dev.taskcheck.rules.MessageKey;
import dev.taskcheck.rules.Rule;
import dev.taskcheck.rules.RuleContext;
import dev.taskcheck.rules.TaskRule;

/**
 * restriction.period.end is the due date ("period.end is the due date"): a completed Task can be
 * late.
 */
@TaskRule(
    id = "date-5",
    versions = {FhirRelease.STU3, FhirRelease.R4, FhirRelease.R4B, FhirRelease.R5},
    category = DATE,
    severity = Severity.INFORMATION,
    basis = TEXT,
    summary =
        "A completed Task whose executionPeriod.end is after restriction.period.end was completed late")
public final class CompletedAfterDueDate implements Rule {

  @MessageKey static final String LATE = "late";

  @Override
  public void check(TaskView task, RuleContext ctx) {
    if (!task.statusIs(TaskStatus.COMPLETED)) {
      return;
    }
    Located<String> endValue = task.executionEnd();
    FhirTemporal end = Dates.parse(task, endValue);
    FhirTemporal due = Dates.parse(task, task.dueDate());
    if (endValue != null && end != null && due != null && due.certainlyBefore(end)) {
      ctx.report(endValue.expression(), LATE, end.text(), due.text());
    }
  }
}
