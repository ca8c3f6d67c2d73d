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

/** Work on a Task cannot start before the Task was created. */
@TaskRule(
    id = "date-3",
    versions = {FhirRelease.STU3, FhirRelease.R4, FhirRelease.R4B, FhirRelease.R5},
    category = DATE,
    severity = Severity.WARNING,
    basis = BP,
    summary = "executionPeriod.start is not before authoredOn")
public final class ExecutionNotBeforeAuthoring implements Rule {

  @MessageKey static final String BEFORE = "before";

  @Override
  public void check(TaskView task, RuleContext ctx) {
    Located<String> startValue = task.executionStart();
    FhirTemporal start = Dates.parse(task, startValue);
    FhirTemporal authored = Dates.parse(task, task.authoredOn());
    if (startValue != null
        && start != null
        && authored != null
        && start.certainlyBefore(authored)) {
      ctx.report(startValue.expression(), BEFORE, start.text(), authored.text());
    }
  }
}
