package dev.taskcheck.rules.date;

import static dev.taskcheck.model.FhirRelease.R4;
import static dev.taskcheck.model.FhirRelease.R4B;
import static dev.taskcheck.model.FhirRelease.R5;
import static dev.taskcheck.rules.RuleCategory.DATE;

import static dev.taskcheck.rules.RuleBasis.TEXT;

import dev.taskcheck.model.Severity;
import dev.taskcheck.fhir.FhirTemporal;
import dev.taskcheck.fhir.Located;
import dev.taskcheck.fhir.TaskStatus;
import dev.taskcheck.fhir.TaskView;
import dev.taskcheck.rules.Rule;
import dev.taskcheck.rules.RuleContext;
import dev.taskcheck.rules.TaskRule;

/** restriction.period.end is the due date ("period.end is the due date"): a completed Task can be late. */
@TaskRule(id = "date-5", name = "CompletedAfterDueDate", category = DATE, severity = Severity.INFORMATION,
    versions = {R4, R4B, R5}, basis = TEXT, since = "0.1.0",
    summary = "A completed Task whose executionPeriod.end is after restriction.period.end was completed late")
public final class CompletedAfterDueDate implements Rule {

  @Override
  public void check(TaskView task, RuleContext ctx) {
    if (!task.statusIs(TaskStatus.COMPLETED)) {
      return;
    }
    Located<String> endValue = task.executionEnd();
    FhirTemporal end = Dates.parse(endValue);
    FhirTemporal due = Dates.parse(task.dueDate());
    if (endValue != null && end != null && due != null && due.certainlyBefore(end)) {
      ctx.report(endValue.expression(), "late", end.text(), due.text());
    }
  }
}
