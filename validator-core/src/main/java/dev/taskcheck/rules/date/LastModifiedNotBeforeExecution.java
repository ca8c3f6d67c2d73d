package dev.taskcheck.rules.date;

import static dev.taskcheck.model.FhirRelease.R4;
import static dev.taskcheck.model.FhirRelease.R4B;
import static dev.taskcheck.model.FhirRelease.R5;
import static dev.taskcheck.rules.RuleCategory.DATE;

import static dev.taskcheck.rules.RuleBasis.BP;

import dev.taskcheck.model.Severity;
import dev.taskcheck.fhir.FhirTemporal;
import dev.taskcheck.fhir.TaskView;
import dev.taskcheck.rules.Rule;
import dev.taskcheck.rules.RuleContext;
import dev.taskcheck.rules.TaskRule;

/** Starting or finishing the work changes the Task, so lastModified cannot be before either. */
@TaskRule(id = "date-4", name = "LastModifiedNotBeforeExecution", category = DATE, severity = Severity.WARNING,
    versions = {R4, R4B, R5}, basis = BP, since = "0.1.0",
    summary = "lastModified is not before executionPeriod.start nor executionPeriod.end")
public final class LastModifiedNotBeforeExecution implements Rule {

  @Override
  public void check(TaskView task, RuleContext ctx) {
    FhirTemporal modified = Dates.parse(task.lastModified());
    if (modified == null) {
      return;
    }
    FhirTemporal start = Dates.parse(task.executionStart());
    FhirTemporal end = Dates.parse(task.executionEnd());
    if (start != null && modified.certainlyBefore(start)) {
      ctx.report("Task.lastModified", "beforeStart", modified.text(), start.text());
    } else if (end != null && modified.certainlyBefore(end)) {
      ctx.report("Task.lastModified", "beforeEnd", modified.text(), end.text());
    }
  }
}
