package dev.taskcheck.rules.date;

import static dev.taskcheck.rules.RuleBasis.BP;
import static dev.taskcheck.rules.RuleCategory.DATE;

import dev.taskcheck.fhir.FhirTemporal;
import dev.taskcheck.fhir.TaskView;
import dev.taskcheck.model.FhirRelease;
import dev.taskcheck.model.Severity;
import dev.taskcheck.rules.MessageKey;
import dev.taskcheck.rules.Rule;
import dev.taskcheck.rules.RuleContext;
import dev.taskcheck.rules.TaskRule;

/** Starting or finishing the work changes the Task, so lastModified cannot be before either. */
@TaskRule(
    id = "date-4",
    versions = {FhirRelease.STU3, FhirRelease.R4, FhirRelease.R4B, FhirRelease.R5},
    category = DATE,
    severity = Severity.WARNING,
    basis = BP,
    summary = "lastModified is not before executionPeriod.start nor executionPeriod.end")
public final class LastModifiedNotBeforeExecution implements Rule {

  @MessageKey static final String BEFORE_START = "beforeStart";
  @MessageKey static final String BEFORE_END = "beforeEnd";

  @Override
  public void check(TaskView task, RuleContext ctx) {
    FhirTemporal modified = Dates.parse(task, task.lastModified());
    if (modified == null) {
      return;
    }
    FhirTemporal start = Dates.parse(task, task.executionStart());
    FhirTemporal end = Dates.parse(task, task.executionEnd());
    if (start != null && modified.certainlyBefore(start)) {
      ctx.report("Task.lastModified", BEFORE_START, modified.text(), start.text());
    } else if (end != null && modified.certainlyBefore(end)) {
      ctx.report("Task.lastModified", BEFORE_END, modified.text(), end.text());
    }
  }
}
