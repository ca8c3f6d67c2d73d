package dev.taskcheck.rules.status;

import static dev.taskcheck.model.FhirRelease.R4;
import static dev.taskcheck.model.FhirRelease.R4B;
import static dev.taskcheck.model.FhirRelease.R5;
import static dev.taskcheck.rules.RuleBasis.TEXT;
import static dev.taskcheck.rules.RuleCategory.STATUS;

import dev.taskcheck.model.Severity;
import dev.taskcheck.fhir.TaskView;
import dev.taskcheck.rules.Rule;
import dev.taskcheck.rules.RuleContext;
import dev.taskcheck.rules.TaskRule;
import java.util.List;

/** The spec says partOf "should usually be 0..1": a Task is a step of one larger Task. */
@TaskRule(id = "status-8", name = "SinglePartOf", category = STATUS, severity = Severity.INFORMATION,
    versions = {R4, R4B, R5}, basis = TEXT, since = "0.1.0",
    summary = "A Task is usually part of at most one other Task")
public final class SinglePartOf implements Rule {

  @Override
  public void check(TaskView task, RuleContext ctx) {
    List<String> parts = task.partOf();
    if (parts.size() > 1) {
      ctx.report(parts.get(1), "many", parts.size());
    }
  }
}
