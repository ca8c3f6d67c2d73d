package dev.taskcheck.rules.status;

import static dev.taskcheck.rules.RuleBasis.TEXT;
import static dev.taskcheck.rules.RuleCategory.STATUS;

import dev.taskcheck.fhir.TaskView;
import dev.taskcheck.model.FhirRelease;
import dev.taskcheck.model.Severity;
import dev.taskcheck.rules.MessageKey;
import dev.taskcheck.rules.Rule;
import dev.taskcheck.rules.RuleContext;
import dev.taskcheck.rules.TaskRule;
import java.util.List;

/** The spec says partOf "should usually be 0..1": a Task is a step of one larger Task. */
@TaskRule(
    id = "status-8",
    versions = {FhirRelease.STU3, FhirRelease.R4, FhirRelease.R4B, FhirRelease.R5},
    category = STATUS,
    severity = Severity.INFORMATION,
    basis = TEXT,
    summary = "A Task is usually part of at most one other Task")
public final class SinglePartOf implements Rule {

  @MessageKey static final String MANY = "many";

  @Override
  public void check(TaskView task, RuleContext ctx) {
    List<String> parts = task.partOf();
    if (parts.size() > 1) {
      ctx.report(parts.get(1), MANY, parts.size());
    }
  }
}
