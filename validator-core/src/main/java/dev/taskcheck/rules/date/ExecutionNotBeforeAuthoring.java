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

/** Work on a Task cannot start before the Task was created. */
@TaskRule(id = "date-3", name = "ExecutionNotBeforeAuthoring", category = DATE, severity = Severity.WARNING,
    versions = {R4, R4B, R5}, basis = BP, since = "0.1.0",
    summary = "executionPeriod.start is not before authoredOn")
public final class ExecutionNotBeforeAuthoring implements Rule {

  @Override
  public void check(TaskView task, RuleContext ctx) {
    Located<String> startValue = task.executionStart();
    FhirTemporal start = Dates.parse(startValue);
    FhirTemporal authored = Dates.parse(task.authoredOn());
    if (startValue != null && start != null && authored != null && start.certainlyBefore(authored)) {
      ctx.report(startValue.expression(), "before", start.text(), authored.text());
    }
  }
}
